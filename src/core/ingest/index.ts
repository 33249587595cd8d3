import { normaliseText } from '../text/normalise';
import { decodeText } from './decode';
import { parseDocxFile } from './docx';
import { parseHtmlFile } from './html';
import { parseMarkdownDocument } from './markdown';
import { parsePdfFile } from './pdf';
import { describeError, type IngestOptions, type IngestResult } from './result';
import { parseTextDocument } from './text';

export { sha256Hex } from './hash';
export { decodeText, type DecodeResult } from './decode';
export type { IngestOptions, IngestResult, PdfEngine } from './result';

type Parser = (bytes: Uint8Array, name: string, options: IngestOptions) => Promise<IngestResult>;

/** Text formats: decode, normalise, then parse the text. */
function fromText(parse: typeof parseTextDocument): Parser {
  return async (bytes, name, options) => {
    const decoded = await decodeText(bytes, options.encoding);
    if (!decoded.ok) return { status: decoded.status, reason: decoded.reason };
    const text = normaliseText(decoded.text);
    if (!/\S/.test(text)) return { status: 'failed', reason: 'file is empty' };
    const readAs = { encoding: decoded.encoding, how: decoded.how };
    return { status: 'ok', doc: { ...parse(text, name), readAs } };
  };
}

const PARSERS: Readonly<Record<string, Parser>> = {
  '.txt': fromText(parseTextDocument),
  '.md': fromText(parseMarkdownDocument),
  '.markdown': fromText(parseMarkdownDocument),
  '.html': (bytes, name, options) => parseHtmlFile(bytes, name, options.encoding),
  '.htm': (bytes, name, options) => parseHtmlFile(bytes, name, options.encoding),
  '.docx': (bytes, name) => parseDocxFile(bytes, name),
  '.pdf': async (bytes, name, options) =>
    options.pdf
      ? parsePdfFile(bytes, name, { pdf: options.pdf, password: options.password })
      : { status: 'failed', reason: 'PDF reader not available here' },
};

/** Lower-case extensions, with the dot, that ingestFile can read. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.freeze(Object.keys(PARSERS));

/**
 * Bytes of one file to a ParsedDocument, dispatching on the file name's extension. Runs the
 * same in a worker, in main and in tests, and never rejects for bad input: every problem
 * comes back as an 'unsupported' or 'failed' result with a reason.
 */
export async function ingestFile(
  name: string,
  bytes: Uint8Array,
  options: IngestOptions = {},
): Promise<IngestResult> {
  const extension = extensionOf(name);
  if (extension === null) {
    return { status: 'unsupported', reason: 'unsupported file type (no extension)' };
  }
  const parse = PARSERS[extension];
  if (!parse) {
    return {
      status: 'unsupported',
      reason: `unsupported file type ${extension} — Dossier imports .txt, .md, .html, .docx and .pdf files`,
    };
  }
  if (bytes.length === 0) return { status: 'failed', reason: 'file is empty' };
  try {
    return await parse(bytes, name, options);
  } catch (error) {
    // A parser bug must not take the whole import batch down with it.
    return { status: 'failed', reason: `could not be read (${describeError(error)})` };
  }
}

/** The lower-cased last extension of the file name ('.md'), or null when it has none. */
export function extensionOf(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  if (dot <= 0 || dot === base.length - 1) return null;
  return base.slice(dot).toLowerCase();
}
