import type { ParsedDocument } from '../model';
import { normaliseText } from '../text/normalise';
import { decodeText } from './decode';
import { parseMarkdownDocument } from './markdown';
import { parseTextDocument } from './text';

export { sha256Hex } from './hash';
export { decodeText, type DecodeResult } from './decode';

/**
 * Outcome of reading one file. Reasons are short phrases meant to be shown beside the file
 * name, so they never repeat it.
 */
export type IngestResult =
  | { status: 'ok'; doc: ParsedDocument }
  | { status: 'unsupported'; reason: string }
  | { status: 'failed'; reason: string };

type Parser = (text: string, fileName: string) => ParsedDocument;

const PARSERS: Readonly<Record<string, Parser>> = {
  '.txt': parseTextDocument,
  '.md': parseMarkdownDocument,
  '.markdown': parseMarkdownDocument,
};

/** Lower-case extensions, with the dot, that ingestFile can read. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.freeze(Object.keys(PARSERS));

/**
 * Bytes of one file to a ParsedDocument, dispatching on the file name's extension.
 * Synchronous and pure, so it runs the same in a worker, in main and in tests; it never
 * throws for bad input.
 */
export function ingestFile(name: string, bytes: Uint8Array): IngestResult {
  const extension = extensionOf(name);
  if (extension === null) {
    return { status: 'unsupported', reason: 'unsupported file type (no extension)' };
  }
  const parse = PARSERS[extension];
  if (!parse) {
    return {
      status: 'unsupported',
      reason: `unsupported file type ${extension} — Dossier imports .txt and .md files`,
    };
  }
  if (bytes.length === 0) return { status: 'failed', reason: 'file is empty' };

  const decoded = decodeText(bytes);
  if (!decoded.ok) return { status: decoded.status, reason: decoded.reason };
  const text = normaliseText(decoded.text);
  if (!/\S/.test(text)) return { status: 'failed', reason: 'file is empty' };

  try {
    return { status: 'ok', doc: parse(text, name) };
  } catch (error) {
    // A parser bug must not take the whole import batch down with it.
    const detail = error instanceof Error ? error.message : String(error);
    return { status: 'failed', reason: `could not be read (${detail})` };
  }
}

/** The lower-cased last extension of the file name ('.md'), or null when it has none. */
export function extensionOf(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || dot === base.length - 1) return null;
  return base.slice(dot).toLowerCase();
}
