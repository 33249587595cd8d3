import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfEngine } from '../src/core/ingest';

/** pdfjs-dist's own folder, which holds the `cmaps/` and `standard_fonts/` the app ships. */
export const PDFJS_DIST = `${dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/`;

/**
 * pdf.js as Node runs it (the legacy build), for tests that read PDFs, reading CMaps and
 * standard fonts from node_modules (pdf.js's Node factory reads them as file paths).
 */
export const nodePdfEngine: PdfEngine = {
  getDocument: pdfjs.getDocument,
  assets: { baseUrl: PDFJS_DIST },
};
