import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

/**
 * What the page's pdf.js may use: only the bytes it is given. Glyphs are drawn from the
 * embedded fonts' outlines (no font is installed in the page), nothing is fetched, and
 * features that would need more files (CMaps, standard fonts, wasm decoders) stay off.
 */
const OFFLINE_OPTIONS = {
  disableFontFace: true,
  useSystemFonts: false,
  useWorkerFetch: false,
  useWasm: false,
  disableRange: true,
  disableStream: true,
  disableAutoFetch: true,
  stopAtErrors: false,
  verbosity: 0,
} as const;

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
  const task = getDocument({ ...OFFLINE_OPTIONS, data: bytes.slice() });
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
