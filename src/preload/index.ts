import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  MENU_COMMAND_CHANNEL,
  MenuCommandSchema,
  type IpcChannel,
  type IpcRequest,
  type IpcResponse,
  type IpcResult,
  type MenuCommand,
  type WorkbenchApi,
} from '@core/ipc/contract';

/*
 * One small function per channel: the page can ask for exactly these things and nothing else.
 * Neither ipcRenderer nor a generic invoke(channel) is exposed, and main re-validates everything.
 */

function invoke<C extends IpcChannel>(
  channel: C,
  request: IpcRequest<C>,
): Promise<IpcResult<IpcResponse<C>>> {
  return ipcRenderer.invoke(channel, request) as Promise<IpcResult<IpcResponse<C>>>;
}

const workbench: WorkbenchApi = {
  pickImport: (req) => invoke('import:pick', req),
  sampleFiles: () => invoke('import:samples', {}),
  readFile: (req) => invoke('import:read', req),
  writeLog: (req) => invoke('log:write', req),
  diagnostics: () => invoke('app:diagnostics', {}),
  saveFile: (req) => invoke('file:save', req),
  printPdf: (req) => invoke('report:print-pdf', req),
  onMenuCommand(listener: (command: MenuCommand) => void) {
    // The IPC event object stays here: handing it to the page would leak access to ipcRenderer.
    const relay = (_event: IpcRendererEvent, payload: unknown) => {
      const parsed = MenuCommandSchema.safeParse(payload);
      if (parsed.success) listener(parsed.data);
    };
    ipcRenderer.on(MENU_COMMAND_CHANNEL, relay);
    return () => {
      ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, relay);
    };
  },
};

contextBridge.exposeInMainWorld('workbench', workbench);
