import JSZip from 'jszip';
import { DOMParser, parseHTML } from 'linkedom/worker';
import { parseCiteToken, type CiteToken } from './cite-token';
import { parseCsv } from './csv';
import { unescapeMarkdown } from './markdown-escape';
import { COLUMNS, readNeutralised, type Column } from './report-rows';
import type { Citation, VerifyResult } from './report-types';
import { CITE_ATTRIBUTE } from './write-html';
import { QUOTE_STYLE } from './docx-style';

/** A quote read back from an exported report, with the citation it carries. */
export interface ReadQuote {
  quote: string;
  token: CiteToken;
  /** Document details the report states beside the token (the CSV's columns). */
  details?: Partial<Citation>;
}

export type ReadableFormat = VerifyResult['format'];

/** A file Verify report cannot read, with the reason in words. */
export class ReportReadError extends Error {
  override name = 'ReportReadError';
}

const ZIP_SIGNATURE = [0x50, 0x4b, 0x03, 0x04];

/** Recognises the report's format from its content (not its name) and reads its quotes. */
export async function readReport(
  bytes: Uint8Array,
): Promise<{ format: ReadableFormat; quotes: ReadQuote[] }> {
  if (ZIP_SIGNATURE.every((b, i) => bytes[i] === b)) {
    return { format: 'docx', quotes: await readDocx(bytes) };
  }
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) {
    throw new ReportReadError(
      'this is a PDF; Verify report reads the HTML, Markdown, Word and CSV reports (a PDF report is the HTML one printed)',
    );
  }
  const text = decodeText(bytes);
  if (text.includes(`${CITE_ATTRIBUTE}=`) && /<html[\s>]/i.test(text)) {
    return { format: 'html', quotes: readHtml(text) };
  }
  if (/^<!-- \[dossier:cite /m.test(text))
    return { format: 'markdown', quotes: readMarkdown(text) };
  const csv = readCsv(text);
  if (csv) return { format: 'csv', quotes: csv };
  throw new ReportReadError('it holds no Dossier citations (is it a report exported by Dossier?)');
}

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes); // drops a byte-order mark
}

/** Each quote block with its `data-dossier-cite` token; the block's text is the quote. */
export function readHtml(html: string): ReadQuote[] {
  const { document } = parseHTML(html);
  const quotes: ReadQuote[] = [];
  for (const element of document.querySelectorAll(`[${CITE_ATTRIBUTE}]`)) {
    const token = parseCiteToken(element.getAttribute(CITE_ATTRIBUTE) ?? '');
    if (token) quotes.push({ quote: element.textContent ?? '', token });
  }
  return quotes;
}

const MARKDOWN_TOKEN = /^<!-- (\[dossier:cite [^\]]*\]) -->\s*$/;

/** Each `<!-- [dossier:cite …] -->` line with the block quote under it, unescaped. */
export function readMarkdown(markdown: string): ReadQuote[] {
  const lines = markdown.split(/\r\n|\r|\n/);
  const quotes: ReadQuote[] = [];
  lines.forEach((line, i) => {
    const match = MARKDOWN_TOKEN.exec(line);
    const token = match ? parseCiteToken(match[1] ?? '') : null;
    if (!token) return;
    const quoted: string[] = [];
    for (let j = i + 1; j < lines.length && lines[j]!.startsWith('>'); j += 1) {
      quoted.push(unescapeMarkdown(lines[j]!.replace(/^>[ \t]?/, '')));
    }
    quotes.push({ quote: quoted.join('\n'), token });
  });
  return quotes;
}

/** Each row of a CSV report, or null when the text is not one (no quote and hash columns). */
export function readCsv(text: string): ReadQuote[] | null {
  const [header, ...rows] = parseCsv(text);
  if (!header) return null;
  const index = new Map<Column, number>();
  for (const column of COLUMNS) {
    const at = header.findIndex((h) => h.trim() === column);
    if (at >= 0) index.set(column, at);
  }
  if (!['Quote', 'SHA-256', 'Start', 'End'].every((c) => index.has(c as Column))) return null;
  const cell = (row: string[], column: Column): string => {
    const at = index.get(column);
    return at === undefined ? '' : readNeutralised(row[at] ?? '');
  };
  const number = (value: string): number => (/^\d+$/.test(value.trim()) ? Number(value) : -1);
  const orNull = (value: string) => (value === '' ? null : value);
  return rows
    .filter((row) => row.some((c) => c !== ''))
    .map((row) => {
      const page = number(cell(row, 'Page'));
      return {
        quote: cell(row, 'Quote'),
        token: {
          sha256: cell(row, 'SHA-256').trim().toLowerCase(),
          start: number(cell(row, 'Start')),
          end: number(cell(row, 'End')),
          page: page >= 0 ? page : null,
          fileName: cell(row, 'File name'),
        },
        details: {
          title: cell(row, 'Document title'),
          source: orNull(cell(row, 'Source')),
          author: orNull(cell(row, 'Author')),
          date: orNull(cell(row, 'Date')),
          url: orNull(cell(row, 'URL')),
        },
      };
    });
}

/**
 * The quotes of a Word report: paragraphs in the quote style (or any paragraph) ending in a
 * footnote reference whose footnote carries a citation token. A quote an editor split into
 * several paragraphs is joined again with line breaks.
 */
export async function readDocx(bytes: Uint8Array): Promise<ReadQuote[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new ReportReadError('it is not a Word document (damaged zip)');
  }
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (documentXml === undefined) {
    const what = zip.file('xl/workbook.xml') ? 'an Excel workbook' : 'not a Word document';
    throw new ReportReadError(
      `it is ${what}; Verify report reads the HTML, Markdown, Word and CSV reports`,
    );
  }
  const footnotesXml = (await zip.file('word/footnotes.xml')?.async('string')) ?? '';
  const tokens = new Map<string, CiteToken>();
  for (const note of elements(parseXml(footnotesXml), 'w:footnote')) {
    const token = parseCiteToken(textOf(note).text);
    if (token) tokens.set(note.getAttribute('w:id') ?? '', token);
  }
  const quotes: ReadQuote[] = [];
  let pending: string[] = [];
  for (const paragraph of elements(parseXml(documentXml), 'w:p')) {
    const { text, footnotes } = textOf(paragraph);
    const isQuote = styleOf(paragraph) === QUOTE_STYLE;
    const token = footnotes.map((id) => tokens.get(id)).find((t) => t !== undefined);
    if (token) {
      quotes.push({ quote: [...pending, text].join('\n'), token });
      pending = [];
    } else if (isQuote) pending.push(text);
    else pending = [];
  }
  return quotes;
}

interface XmlElement {
  tagName: string;
  textContent: string | null;
  childNodes: ArrayLike<XmlNode>;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<XmlElement>;
}
interface XmlNode {
  nodeType: number;
  textContent: string | null;
}

function parseXml(xml: string): XmlElement {
  return new DOMParser().parseFromString(xml || '<empty/>', 'text/xml')
    .documentElement as unknown as XmlElement;
}

function elements(root: XmlElement, name: string): XmlElement[] {
  return Array.from(root.getElementsByTagName(name));
}

function styleOf(paragraph: XmlElement): string | null {
  const style = paragraph.getElementsByTagName('w:pStyle')[0];
  return style ? style.getAttribute('w:val') : null;
}

/** A paragraph's text as Word shows it (deleted revisions and field codes left out). */
function textOf(root: XmlElement): { text: string; footnotes: string[] } {
  let text = '';
  const footnotes: string[] = [];
  const walk = (node: XmlElement): void => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType !== 1) continue;
      const element = child as unknown as XmlElement;
      switch (element.tagName) {
        case 'w:t':
          text += element.textContent ?? '';
          break;
        case 'w:tab':
          text += '\t';
          break;
        case 'w:br':
        case 'w:cr': {
          const type = element.getAttribute('w:type');
          if (!type || type === 'textWrapping') text += '\n';
          break;
        }
        case 'w:noBreakHyphen':
          text += '-';
          break;
        case 'w:footnoteReference':
          footnotes.push(element.getAttribute('w:id') ?? '');
          break;
        case 'w:del':
        case 'w:delText':
        case 'w:instrText':
        case 'w:pPr':
        case 'w:rPr':
          break;
        default:
          walk(element);
      }
    }
  };
  walk(root);
  return { text, footnotes };
}
