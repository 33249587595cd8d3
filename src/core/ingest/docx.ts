import JSZip from 'jszip';
import mammoth from 'mammoth';
import { parseHTML } from 'linkedom/worker';
import { parseDate } from '../text/dates';
import { collapseWhitespace } from '../text/normalise';
import { assembleBlocks, BYLINE_LINES, resolveMeta, type Headers } from './document';
import { htmlBlocks } from './html-blocks';
import { decodeEntities } from './markdown';
import { describeError, type IngestResult } from './result';

/**
 * Added to mammoth's default map (which already knows Heading 1-6): the Word and LibreOffice
 * styles for titles, quotations and code, so they keep their meaning as block kinds.
 */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Quotations'] => blockquote > p:fresh",
  "p[style-name='Preformatted Text'] => pre:separator('\\n')",
  "p[style-name='HTML Preformatted'] => pre:separator('\\n')",
];

/** Undated files carry placeholder dates (1601, 1899, 1970); no real .docx is that old. */
const EARLIEST_YEAR = '1980';

/** Compound File (OLE2) signature: a Word 97-2003 file, or an encrypted .docx. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Reads a Word .docx as text blocks (through mammoth's HTML) plus its document properties. */
export async function parseDocxFile(bytes: Uint8Array, fileName: string): Promise<IngestResult> {
  if (bytes.length === 0) return { status: 'failed', reason: 'file is empty' };
  if (OLE_SIGNATURE.every((byte, i) => bytes[i] === byte)) {
    return { status: 'failed', reason: 'password-protected, or an old .doc file named .docx' };
  }
  let zip: JSZip;
  let html: string;
  try {
    zip = await JSZip.loadAsync(bytes);
    html = await convertToHtml(bytes);
  } catch (error) {
    return { status: 'failed', reason: `damaged Word file: ${damageOf(error)}` };
  }
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  const drafts = htmlBlocks(document, { withinArticle: true });
  const { text, blocks } = assembleBlocks(drafts);
  const firstHeading = blocks.find((b) => b.kind === 'heading');
  const meta = resolveMeta({
    headers: await documentProperties(zip),
    text,
    fileName,
    bodyTitle: firstHeading ? text.slice(firstHeading.start, firstHeading.end) : null,
    leadLines: blocks.slice(0, BYLINE_LINES).map((b) => text.slice(b.start, b.end)),
  });
  const doc = { ...meta, format: 'docx' as const, text, blocks };
  return { status: 'ok', doc: text === '' ? { ...doc, flags: ['no-text'] } : doc };
}

type MammothInput = Parameters<typeof mammoth.convertToHtml>[0];

async function convertToHtml(bytes: Uint8Array): Promise<string> {
  const arrayBuffer = bytes.slice().buffer;
  const result = await mammoth.convertToHtml(
    // Bundlers pick mammoth's browser build, which reads `arrayBuffer`; Node (tests, CLI)
    // gets its Node build, which only reads `buffer` and hands it to JSZip, which takes an
    // ArrayBuffer as well. Nothing else is given, so it never opens a path.
    { arrayBuffer, buffer: arrayBuffer } as MammothInput,
    {
      styleMap: STYLE_MAP,
      // Pictures carry no text; skip turning each into a base64 data URL.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      externalFileAccess: false,
    },
  );
  return result.value;
}

/** JSZip's and mammoth's messages, minus the links and stack they sometimes carry. */
function damageOf(error: unknown): string {
  const message = describeError(error);
  if (/central directory|corrupted zip|end of data|signature/i.test(message)) {
    return 'not a valid zip archive';
  }
  if (/main document part/i.test(message)) return 'no document body in the archive';
  return collapseWhitespace(message.split('\n')[0] ?? message) || 'unreadable';
}

/** Title, author, date, language and company from docProps/core.xml and docProps/app.xml. */
async function documentProperties(zip: JSZip): Promise<Headers> {
  const [core, app, styles] = await Promise.all([
    readEntry(zip, 'docProps/core.xml'),
    readEntry(zip, 'docProps/app.xml'),
    readEntry(zip, 'word/styles.xml'),
  ]);
  const headers: Headers = {};
  const set = (field: keyof Headers, value: string | null): void => {
    if (value && headers[field] === undefined) headers[field] = value;
  };
  set('title', xmlText(core, 'title'));
  set('author', xmlText(core, 'creator'));
  for (const name of ['created', 'modified']) {
    const date = parseDate(xmlText(core, name) ?? '');
    if (date && date >= EARLIEST_YEAR) set('date', date);
  }
  set('source', xmlText(app, 'Company'));
  // The document's own language, else the default the styles give every run.
  const language = xmlText(core, 'language') ?? /<w:lang\b[^>]*\bw:val="([^"]+)"/.exec(styles)?.[1];
  set('language', language?.split(/[-_]/)[0]?.toLowerCase() ?? null);
  return headers;
}

async function readEntry(zip: JSZip, path: string): Promise<string> {
  try {
    return (await zip.file(path)?.async('string')) ?? '';
  } catch {
    // A damaged properties part loses the metadata, not the document.
    return '';
  }
}

/** Text of the first element with this local name, whatever its namespace prefix. */
function xmlText(xml: string, localName: string): string | null {
  const element = new RegExp(
    `<(?:[\\w.-]+:)?${localName}\\b[^>]*>([\\s\\S]*?)</(?:[\\w.-]+:)?${localName}>`,
  );
  const inner = element.exec(xml)?.[1];
  if (inner === undefined) return null;
  const text = inner.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1').replace(/<[^>]*>/g, '');
  return collapseWhitespace(decodeEntities(text)) || null;
}
