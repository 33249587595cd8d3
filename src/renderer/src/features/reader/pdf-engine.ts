import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { pdfOfflineOptions } from '@core/ingest/pdf-offline';
import { pagePdfAssets } from '../../workers/pdf-assets';

GlobalWorkerOptions.workerSrc = workerUrl;

export interface PageSize {
  width: number;
  height: number;
}

export interface OpenPdf {
  pdf: PDFDocumentProxy;
  /** Each page's size at scale 1 (CSS pixels = PDF points), for placeholders. */
  sizes: PageSize[];
  close: () => Promise<void>;
}

/** Opens a PDF from its stored bytes (copied: pdf.js takes over the buffer it is given). */
export async function openPdf(bytes: Uint8Array): Promise<OpenPdf> {
  // Glyphs are drawn from the embedded fonts' outlines, or for fonts the file names but does
  // not embed, from the standard font data the app ships: nothing is installed or fetched.
  const task = getDocument({ ...pdfOfflineOptions(pagePdfAssets()), data: bytes.slice() });
  try {
    const pdf = await task.promise;
    const sizes: PageSize[] = [];
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const viewport = (await pdf.getPage(n)).getViewport({ scale: 1 });
      sizes.push({ width: viewport.width, height: viewport.height });
    }
    return { pdf, sizes, close: () => task.destroy() };
  } catch (error) {
    await task.destroy().catch(() => undefined);
    throw error;
  }
}
