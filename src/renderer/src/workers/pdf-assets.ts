import type { PdfAssets } from '@core/ingest/pdf-offline';

/**
 * pdfjs-dist's CMaps and standard fonts, which the build puts under `pdfjs/` beside
 * index.html (vite.renderer.config.ts). They are read on the page, from the app's own
 * origin, for the reader and, on their behalf, for the ingest workers: a worker of the
 * desktop app cannot fetch the app's file:// URLs, but its page can.
 */
const BASE = 'pdfjs/';

/** A worker asks its page for one of the files; the page answers with the bytes or an error. */
export type PdfAssetRequest = { type: 'pdf-asset'; id: number; path: string };
export type PdfAssetReply =
  | { type: 'pdf-asset'; id: number; ok: true; bytes: Uint8Array }
  | { type: 'pdf-asset'; id: number; ok: false; error: string };

/**
 * `load`, each key read once and kept (a failed read is tried again next time), handing out
 * copies: pdf.js may take over the buffer it is given.
 */
export function keptLoader(
  load: (key: string) => Promise<Uint8Array>,
): (key: string) => Promise<Uint8Array> {
  const kept = new Map<string, Promise<Uint8Array>>();
  return (key) => {
    let bytes = kept.get(key);
    if (!bytes) {
      bytes = load(key);
      bytes.catch(() => kept.delete(key));
      kept.set(key, bytes);
    }
    return bytes.then((b) => b.slice());
  };
}

/** Reads a file the app ships, once per page; as pdf.js does, by fetch over http(s) and by
 * XMLHttpRequest for file:// (where the desktop app's fetch refuses the scheme). */
const loadAppFile = keptLoader((url) => (/^https?:/.test(url) ? viaFetch(url) : viaXhr(url)));

async function viaFetch(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

function viaXhr(url: string): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('GET', url);
    request.responseType = 'arraybuffer';
    request.onload = () => {
      // file:// answers with status 0.
      if ((request.status === 200 || request.status === 0) && request.response) {
        resolve(new Uint8Array(request.response as ArrayBuffer));
      } else reject(new Error(`${url}: ${request.status}`));
    };
    request.onerror = () => reject(new Error(`${url}: could not be read`));
    request.send();
  });
}

/** For pdf.js on the page (the reader): the app's files, by absolute URL. */
export function pagePdfAssets(): PdfAssets {
  return { baseUrl: new URL(BASE, document.baseURI).href, load: loadAppFile };
}

/** Answers a worker's requests for the files (see relayedPdfAssets). */
export function servePdfAssets(worker: Worker): void {
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const request = event.data as Partial<PdfAssetRequest> | null;
    if (request?.type !== 'pdf-asset' || typeof request.id !== 'number') return;
    const { id, path } = request;
    const reply = (message: PdfAssetReply, transfer: Transferable[] = []) =>
      worker.postMessage(message, transfer);
    // Only the two folders pdf.js reads, by plain file names: a worker cannot make the page
    // read anything else.
    if (typeof path !== 'string' || !/^(cmaps|standard_fonts)\/[\w.+-]+$/.test(path)) {
      reply({ type: 'pdf-asset', id, ok: false, error: `not a pdf.js asset: ${String(path)}` });
      return;
    }
    loadAppFile(new URL(BASE + path, document.baseURI).href).then(
      (bytes) => reply({ type: 'pdf-asset', id, ok: true, bytes }, [bytes.buffer]),
      (error: unknown) => reply({ type: 'pdf-asset', id, ok: false, error: String(error) }),
    );
  });
}
