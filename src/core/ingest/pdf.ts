import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import type { ParsedDocument } from '../model';
import { resolveMeta } from './document';
import { assemblePages, layoutDocument } from './pdf-layout';
import { groupLines, type PdfPageLines, type PdfTextItem } from './pdf-lines';
import { readPdfMeta, type XmpReader } from './pdf-meta';
import { pdfOfflineOptions } from './pdf-offline';
import { describeError, type IngestResult, type PdfEngine } from './result';

/**
 * Text extraction draws nothing and needs no wasm (only image decoders use it). It does need
 * the CMaps: CJK text in a font with a predefined CMap comes out empty without them.
 */
const TEXT_ONLY_OPTIONS = {
  isOffscreenCanvasSupported: false,
  isImageDecoderSupported: false,
  disableWorkerRendering: true,
} as const;

/** The spec lets a header follow up to 1 KB of junk; readers (and pdf.js) allow it. */
const HEADER_WINDOW = 1024;

/** pdf.js's PasswordResponses.INCORRECT_PASSWORD. */
const INCORRECT_PASSWORD = 2;

/** pdf.js error names that mean the file itself could not be made sense of. */
const DAMAGE_ERRORS = new Set(['InvalidPDFException', 'UnknownErrorException', 'FormatError']);

/**
 * Text, structure, page offsets and metadata of a PDF. `bytes` is not touched: pdf.js gets a
 * copy, because it takes over (transfers) the buffer it is handed and the caller still needs
 * the original to store and hash. Never rejects: problems come back as 'failed' results.
 */
export async function parsePdfFile(
  bytes: Uint8Array,
  fileName: string,
  options: { pdf: PdfEngine; password?: string },
): Promise<IngestResult> {
  if (!hasPdfHeader(bytes)) return { status: 'failed', reason: 'damaged PDF: not a PDF file' };
  let task: ReturnType<PdfEngine['getDocument']> | undefined;
  try {
    task = options.pdf.getDocument({
      ...pdfOfflineOptions(options.pdf.assets),
      ...TEXT_ONLY_OPTIONS,
      data: bytes.slice(),
      password: options.password,
    });
    const pdf = await task.promise;
    const pages = await readPages(pdf);
    const { info, metadata } = await pdf.getMetadata();
    // Typed as always present, but null when the file has no XMP stream.
    const xmp: XmpReader | null = metadata ?? null;
    return { status: 'ok', doc: buildDocument(pages, readPdfMeta(info, xmp), fileName) };
  } catch (error) {
    return failure(error);
  } finally {
    await task?.destroy().catch(() => undefined);
  }
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, HEADER_WINDOW);
  for (let i = head.indexOf(0x25); i >= 0; i = head.indexOf(0x25, i + 1)) {
    if (String.fromCharCode(...head.subarray(i, i + 5)) === '%PDF-') return true;
  }
  return false;
}

/** One page at a time, freeing each page's resources before the next is read. */
async function readPages(pdf: PDFDocumentProxy): Promise<PdfPageLines[]> {
  const pages: PdfPageLines[] = [];
  for (let number = 1; number <= pdf.numPages; number += 1) {
    const page = await pdf.getPage(number);
    try {
      pages.push(await readPage(page));
    } finally {
      page.cleanup();
    }
  }
  return pages;
}

async function readPage(page: PDFPageProxy): Promise<PdfPageLines> {
  // The viewport's transform takes PDF user space (y up, possibly rotated or with an offset
  // crop box) to the page as displayed (y down), where "above" and "left of" mean reading order.
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const items: PdfTextItem[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const [, , c = 0, d = 0, x = 0, y = 0] = multiply(viewport.transform, item.transform);
    // At scale 1 the viewport only flips and rotates, so widths keep their user-space length.
    const fontSize = Math.hypot(c, d) || item.height;
    items.push({ str: item.str, x, y, width: item.width, fontSize, hasEOL: item.hasEOL });
  }
  return { lines: groupLines(items), height: viewport.height };
}

/** The product of two PDF matrices [a b c d e f]: `m` applied after `n`. */
function multiply(m: readonly number[], n: readonly number[]): number[] {
  const [a1 = 1, b1 = 0, c1 = 0, d1 = 1, e1 = 0, f1 = 0] = m;
  const [a2 = 1, b2 = 0, c2 = 0, d2 = 1, e2 = 0, f2 = 0] = n;
  return [
    a1 * a2 + c1 * b2,
    b1 * a2 + d1 * b2,
    a1 * c2 + c1 * d2,
    b1 * c2 + d1 * d2,
    a1 * e2 + c1 * f2 + e1,
    b1 * e2 + d1 * f2 + f1,
  ];
}

function buildDocument(
  lines: readonly PdfPageLines[],
  headers: ReturnType<typeof readPdfMeta>,
  fileName: string,
): ParsedDocument {
  const layout = layoutDocument(lines);
  const { text, blocks, pages } = assemblePages(layout.pages);
  const firstPage = pages[0];
  const meta = resolveMeta({
    headers,
    // A date is looked for on page 1 only: later pages cite the dates of other documents.
    text: firstPage ? text.slice(firstPage.start, firstPage.end) : '',
    fileName,
    bodyTitle: layout.bodyTitle,
    leadLines: layout.leadLines,
  });
  const doc: ParsedDocument = {
    ...meta,
    // Nothing in a PDF names its publisher reliably (Producer is the software); the analyst
    // fills this in.
    source: null,
    format: 'pdf',
    text,
    blocks,
    pages,
  };
  // A scan without OCR: imported, so it is listed and can be found by name, but flagged.
  if (text === '') doc.flags = ['no-text'];
  return doc;
}

function failure(error: unknown): IngestResult {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    const code = (error as { code?: unknown }).code;
    return {
      status: 'failed',
      code: 'encrypted',
      reason:
        code === INCORRECT_PASSWORD
          ? 'encrypted PDF: the password is wrong'
          : 'encrypted PDF: a password is needed',
    };
  }
  const message = shortMessage(describeError(error));
  if (DAMAGE_ERRORS.has(name)) return { status: 'failed', reason: `damaged PDF: ${message}` };
  return { status: 'failed', reason: `PDF could not be read (${message})` };
}

/** "Invalid PDF structure." -> "invalid PDF structure", kept to one short phrase. */
function shortMessage(message: string): string {
  const phrase = message.split('\n')[0]?.trim().replace(/\.$/, '') ?? '';
  const lowered = /^\p{Lu}\p{Ll}/u.test(phrase)
    ? phrase[0]?.toLowerCase() + phrase.slice(1)
    : phrase;
  return (lowered.length > 120 ? `${lowered.slice(0, 117)}...` : lowered) || 'unknown error';
}
