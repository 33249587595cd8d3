import type { PdfAssets } from '@core/ingest/pdf-offline';
import { keptLoader, type PdfAssetReply, type PdfAssetRequest } from './pdf-assets';

/**
 * Inside a worker: pdf.js's CMaps and standard fonts, read by the page that started the
 * worker (servePdfAssets) and kept here once read, since every PDF of an import may need the
 * same ones.
 */
export function relayedPdfAssets(): PdfAssets {
  const pending = new Map<
    number,
    { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }
  >();
  let nextId = 1;
  self.addEventListener('message', (event: MessageEvent<unknown>) => {
    const reply = event.data as Partial<PdfAssetReply> | null;
    if (reply?.type !== 'pdf-asset' || typeof reply.id !== 'number') return;
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (reply.ok === true && reply.bytes) waiting?.resolve(reply.bytes);
    else waiting?.reject(new Error(reply.ok === false ? reply.error : 'no answer'));
  });
  const ask = (path: string) =>
    new Promise<Uint8Array>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      const request: PdfAssetRequest = { type: 'pdf-asset', id, path };
      self.postMessage(request);
    });
  // Paths relative to the page's pdfjs/ folder: "cmaps/UniJIS-UCS2-H.bcmap".
  return { baseUrl: '', load: keptLoader(ask) };
}
