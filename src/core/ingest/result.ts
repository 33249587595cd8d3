import type { ParsedDocument } from '../model';
import type { PdfAssets } from './pdf-offline';

/**
 * Outcome of reading one file. Reasons are short phrases meant to be shown beside the file
 * name, so they never repeat it.
 */
export type IngestResult =
  | { status: 'ok'; doc: ParsedDocument }
  | { status: 'unsupported'; reason: string }
  | {
      status: 'failed';
      reason: string;
      /** 'encrypted': a password is needed (or the one given was wrong). */
      code?: 'encrypted';
    };

/** The pdf.js entry point the PDF parser needs, and where its CMaps and standard fonts are;
 * injected because Node and browsers load different builds of pdf.js from different places. */
export interface PdfEngine {
  getDocument: typeof import('pdfjs-dist').getDocument;
  assets?: PdfAssets;
}

export interface IngestOptions {
  /** Password for an encrypted PDF. */
  password?: string;
  /** Read a text or HTML file as this encoding (a WHATWG label) instead of detecting one. */
  encoding?: string;
  /** Needed to read PDFs; without it a PDF fails with a clear reason. */
  pdf?: PdfEngine;
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
