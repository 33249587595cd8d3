import { annotationService } from './features/annotations/annotation-service';
import { useHistory } from './features/annotations/use-annotations';
import { EXCHANGE_COMMANDS, runExchangeCommand } from './features/exchange/exchange-commands';
import { SearchBox } from './features/search/SearchBox';
import { useIndexStatus, type SearchScope } from './features/search/use-search';
import { MenuButton, type MenuItem } from './ui/MenuButton';

interface Props {
  query: string;
  onQuery: (query: string) => void;
  scope: SearchScope;
  onScope: (scope: SearchScope) => void;
  queryError: string | null;
  onImportFiles: () => void;
  onImportFolder: () => void;
  onExport: () => void;
  onLastImport: () => void;
  onShortcuts: () => void;
}

/** One row of the commands used all the time; the rest are in the More menu. */
export function AppToolbar(props: Props) {
  const history = useHistory();
  const indexStatus = useIndexStatus();
  const more: MenuItem[] = [
    { label: 'Export report', run: props.onExport },
    { label: 'Last import', run: props.onLastImport },
    ...EXCHANGE_COMMANDS.map(({ command, label }, i) => ({
      label,
      run: () => runExchangeCommand(command),
      separated: i === 0,
    })),
    { label: 'Keyboard shortcuts', run: props.onShortcuts, separated: true },
  ];
  return (
    <header className="toolbar">
      <span className="app-name">Dossier</span>
      <SearchBox
        query={props.query}
        onQuery={props.onQuery}
        scope={props.scope}
        onScope={props.onScope}
        error={props.queryError}
      />
      <button type="button" onClick={props.onImportFiles}>
        Import files
      </button>
      <button type="button" onClick={props.onImportFolder}>
        Import folder
      </button>
      <button
        type="button"
        disabled={!history.canUndo}
        onClick={() => void annotationService.undo()}
        title={`Undo ${history.undoLabel ?? ''} (Ctrl+Z)`}
      >
        Undo
      </button>
      <button
        type="button"
        disabled={!history.canRedo}
        onClick={() => void annotationService.redo()}
        title={`Redo ${history.redoLabel ?? ''} (Ctrl+Shift+Z)`}
      >
        Redo
      </button>
      <MenuButton label="More" name="More commands" items={more} />
      <button
        type="button"
        aria-label="Keyboard shortcuts"
        aria-keyshortcuts="?"
        onClick={props.onShortcuts}
      >
        ?
      </button>
      <span className="index-status muted" aria-live="polite">
        {indexStatus.state === 'indexing' ? 'Indexing…' : null}
        {indexStatus.state === 'error' ? `Search index problem: ${indexStatus.message}` : null}
      </span>
    </header>
  );
}
