import JSZip from 'jszip';
import { Parser } from 'htmlparser2';
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

/**
 * Each element with a `data-dossier-cite` token, with its text as the quote. Read with a
 * streaming parser: a report of twenty thousand quotes is too big to build a DOM of quickly.
 */
export function readHtml(html: string): ReadQuote[] {
  const quotes: ReadQuote[] = [];
  let open: { token: CiteToken; depth: number; text: string } | null = null;
  let depth = 0;
  const parser = new Parser(
    {
      onopentag(_name, attributes) {
        depth += 1;
        const cite = attributes[CITE_ATTRIBUTE];
        const token = !open && cite !== undefined ? parseCiteToken(cite) : null;
        if (token) open = { token, depth, text: '' };
        else if (open && _name === 'br') open.text += '\n';
      },
      ontext(text) {
        if (open) open.text += text;
      },
      onclosetag() {
        if (open && depth === open.depth) {
          quotes.push({ quote: open.text, token: open.token });
          open = null;
        }
        depth -= 1;
      },
    },
    { decodeEntities: true },
  );
  parser.end(html);
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
    // Blank lines an editor may have put between the comment and its quote are skipped.
    let j = i + 1;
    while (j < lines.length && lines[j]!.trim() === '') j += 1;
    for (; j < lines.length && lines[j]!.startsWith('>'); j += 1) {
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
  wordParagraphs(footnotesXml, (paragraph) => {
    const token = parseCiteToken(paragraph.text);
    if (token && paragraph.note !== null) tokens.set(paragraph.note, token);
  });
  const quotes: ReadQuote[] = [];
  let pending: string[] = [];
  wordParagraphs(documentXml, ({ text, style, footnotes }) => {
    const token = footnotes.map((id) => tokens.get(id)).find((t) => t !== undefined);
    if (token) {
      quotes.push({ quote: [...pending, text].join('\n'), token });
      pending = [];
    } else if (style?.startsWith(QUOTE_STYLE)) pending.push(text);
    else pending = [];
  });
  return quotes;
}

interface WordParagraph {
  text: string;
  style: string | null;
  /** The ids of the footnotes it refers to. */
  footnotes: string[];
  /** The id of the footnote it is part of, in footnotes.xml. */
  note: string | null;
}

/** Text elements of a run read as what Word shows; deleted revisions and field codes skipped. */
const SKIPPED = new Set(['w:del', 'w:delText', 'w:instrText', 'w:pPr', 'w:rPr']);

/**
 * Each top-level paragraph of a WordprocessingML part, in order, as Word shows its text: runs'
 * text, tabs and line breaks, with its style and footnote references. A streaming parse, so a
 * large report reads quickly.
 */
function wordParagraphs(xml: string, onParagraph: (paragraph: WordParagraph) => void): void {
  let note: string | null = null;
  let paragraph: WordParagraph | null = null;
  let nested = 0;
  let skipping = 0;
  let inText = false;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === 'w:footnote') note = attributes['w:id'] ?? null;
        if (name === 'w:p') {
          if (paragraph) nested += 1;
          else paragraph = { text: '', style: null, footnotes: [], note };
          return;
        }
        if (!paragraph) return;
        if (name === 'w:pStyle' && nested === 0) paragraph.style = attributes['w:val'] ?? null;
        if (SKIPPED.has(name) || skipping > 0) {
          skipping += 1;
          return;
        }
        if (name === 'w:t') inText = true;
        else if (name === 'w:tab') paragraph.text += '\t';
        else if (name === 'w:br' || name === 'w:cr') {
          const type = attributes['w:type'];
          if (!type || type === 'textWrapping') paragraph.text += '\n';
        } else if (name === 'w:noBreakHyphen') paragraph.text += '-';
        else if (name === 'w:footnoteReference') paragraph.footnotes.push(attributes['w:id'] ?? '');
      },
      ontext(text) {
        if (paragraph && inText && skipping === 0) paragraph.text += text;
      },
      onclosetag(name) {
        if (name === 'w:p' && paragraph) {
          if (nested > 0) nested -= 1;
          else {
            onParagraph(paragraph);
            paragraph = null;
          }
        } else if (skipping > 0) skipping -= 1;
        else if (name === 'w:t') inText = false;
        if (name === 'w:footnote') note = null;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
}
