import { pathToFileURL } from 'node:url';

/**
 * Which URLs count as "the app itself". One place answers this for IPC sender checks,
 * navigation, and the network filter, so the three can never disagree.
 * Pure: no Electron import, so it is unit-tested in Node.
 */
export interface AppPolicy {
  /** The URL the main window loads. */
  readonly entryUrl: string;
  /** A top-level document URL that is the app's own page (ignoring query and hash). */
  isAppUrl(url: string): boolean;
  /** Whether a request the renderer makes may leave the process (the app never uses the network). */
  isAllowedRequest(url: string): boolean;
}

export interface AppPolicyOptions {
  /** Absolute path of the built renderer's index.html (production). */
  rendererIndexPath: string;
  /** The electron-vite dev server URL (ELECTRON_RENDERER_URL); only honoured when not packaged. */
  devServerUrl?: string | undefined;
}

// Schemes that never reach the network: the app's files, in-memory objects, and DevTools' own UI.
const LOCAL_SCHEMES = new Set(['file:', 'blob:', 'data:', 'devtools:', 'chrome-devtools:']);

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function withoutQueryAndHash(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

export function createAppPolicy(options: AppPolicyOptions): AppPolicy {
  const dev = options.devServerUrl ? parse(options.devServerUrl) : undefined;
  const fileEntry = pathToFileURL(options.rendererIndexPath);
  const entryUrl = dev ? dev.href : fileEntry.href;
  const fileEntryKey = withoutQueryAndHash(fileEntry);

  return {
    entryUrl,
    isAppUrl(url) {
      const parsed = parse(url);
      if (!parsed) return false;
      if (dev) return parsed.origin === dev.origin;
      return parsed.protocol === 'file:' && withoutQueryAndHash(parsed) === fileEntryKey;
    },
    isAllowedRequest(url) {
      const parsed = parse(url);
      if (!parsed) return false;
      if (LOCAL_SCHEMES.has(parsed.protocol)) return true;
      if (!dev) return false;
      // Hot reload talks to the dev server over a WebSocket on the same host and port.
      const sameHost = parsed.host === dev.host;
      return sameHost && (parsed.origin === dev.origin || parsed.protocol.startsWith('ws'));
    },
  };
}

/** The permissions a page may use. Everything else (camera, geolocation, notifications...) is refused. */
const GRANTED_PERMISSIONS = new Set<string>([
  // Copying a quote with navigator.clipboard.writeText; writing is harmless, reading stays denied.
  'clipboard-sanitized-write',
]);

export function isPermissionGranted(permission: string): boolean {
  return GRANTED_PERMISSIONS.has(permission);
}

/** What IPC handlers know about the frame that sent a message. */
export interface SenderEventLike {
  senderFrame?: { url: string; parent?: unknown } | null;
}

/** Trusts only the app's own top-level page; iframes and foreign pages get nothing from main. */
export function isTrustedSenderEvent(policy: AppPolicy, event: SenderEventLike): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  if (frame.parent !== null && frame.parent !== undefined) return false;
  return policy.isAppUrl(frame.url);
}
