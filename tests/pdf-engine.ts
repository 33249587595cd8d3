import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfEngine } from '../src/core/ingest';

/** pdf.js as Node runs it (the legacy build), for tests that read PDFs. */
export const nodePdfEngine: PdfEngine = { getDocument: pdfjs.getDocument };
