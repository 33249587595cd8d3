import { Lexer, type MarkedToken, type Token, type Tokens } from 'marked';
import type { ParsedDocument } from '../model';
import { collapseWhitespace } from '../text/normalise';
import {
  assembleBlocks,
  BYLINE_LINES,
  resolveMeta,
  setHeader,
  type DraftBlock,
  type Headers,
} from './document';

/** A title taken from the first line of an untitled file is cut to about this length. */
const MAX_FALLBACK_TITLE = 150;

/**
 * Parses Markdown into plain-text blocks. `text` must already be normalised (normaliseText).
 * Inline markup is reduced to the words a reader sees; block structure becomes Block kinds.
 */
export function parseMarkdownDocument(text: string, fileName: string): ParsedDocument {
  const { headers, body } = splitFrontMatter(text);
  const drafts: DraftBlock[] = [];
  collectBlocks(lex(body), false, drafts);
  const { text: plain, blocks } = assembleBlocks(drafts);

  const firstHeading = drafts.find((d) => d.kind === 'heading' && collapseWhitespace(d.text));
  const meta = resolveMeta({
    headers,
    text: plain,
    fileName,
    bodyTitle: firstHeading ? collapseWhitespace(firstHeading.text) : firstLineTitle(body),
    leadLines: blocks.slice(0, BYLINE_LINES).map((b) => plain.slice(b.start, b.end)),
  });
  return { ...meta, format: 'md', text: plain, blocks };
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const FRONT_MATTER_LINE = /^([A-Za-z][\w-]*)[ \t]*:[ \t]*(.*)$/;

/** Simple `key: value` front matter; nested YAML (lists, maps) is not needed for metadata. */
export function splitFrontMatter(text: string): { headers: Headers; body: string } {
  const match = FRONT_MATTER.exec(text);
  const headers: Headers = {};
  if (!match) return { headers, body: text };
  for (const line of (match[1] ?? '').split('\n')) {
    const [, key, value] = FRONT_MATTER_LINE.exec(line) ?? [];
    if (key !== undefined && value !== undefined) setHeader(headers, key, unquote(value.trim()));
  }
  return { headers, body: text.slice(match[0].length) };
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) {
    return value.slice(1, -1).replace(/''/g, "'");
  }
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(["\\])/g, '$1');
  }
  return value;
}

function lex(body: string): MarkedToken[] {
  // A fresh options object keeps this parse independent of any marked.use() elsewhere in
  // the same realm (the Lexer adopts and mutates the object it is given).
  return new Lexer({ gfm: true }).lex(body) as MarkedToken[];
}

function collectBlocks(tokens: readonly Token[], inQuote: boolean, out: DraftBlock[]): void {
  for (const token of tokens as readonly MarkedToken[]) {
    switch (token.type) {
      case 'heading':
        out.push(
          inQuote
            ? { kind: 'quote', text: inlineText(token.tokens) }
            : { kind: 'heading', level: token.depth, text: inlineText(token.tokens) },
        );
        break;
      case 'paragraph':
      case 'text':
        out.push({
          kind: inQuote ? 'quote' : 'paragraph',
          text: inlineText(token.tokens, token.text),
        });
        break;
      case 'blockquote':
        collectBlocks(token.tokens, true, out);
        break;
      case 'list':
        for (const item of token.items) collectListItem(item, inQuote, out);
        break;
      case 'code':
        out.push({ kind: inQuote ? 'quote' : 'code', text: token.text });
        break;
      case 'html':
        out.push({ kind: inQuote ? 'quote' : 'paragraph', text: htmlText(token.text) });
        break;
      case 'table':
        for (const row of [token.header, ...token.rows]) {
          const cells = row.map((cell) => inlineText(cell.tokens, cell.text));
          out.push({ kind: inQuote ? 'quote' : 'paragraph', text: cells.join(' | ') });
        }
        break;
      default:
        // space, hr, def: nothing a reader would quote.
        break;
    }
  }
}

/** One block per item; nested lists follow their parent item as blocks of their own. */
function collectListItem(item: Tokens.ListItem, inQuote: boolean, out: DraftBlock[]): void {
  const own: DraftBlock[] = [];
  const nested: DraftBlock[] = [];
  for (const child of item.tokens as MarkedToken[]) {
    if (child.type === 'list') {
      for (const sub of child.items) collectListItem(sub, inQuote, nested);
    } else if (child.type !== 'checkbox') {
      collectBlocks([child], inQuote, own);
    }
  }
  out.push({ kind: inQuote ? 'quote' : 'list-item', text: own.map((d) => d.text).join(' ') });
  out.push(...nested);
}

function inlineText(tokens: readonly Token[] | undefined, fallback = ''): string {
  if (!tokens) return decodeEntities(fallback);
  return (tokens as readonly MarkedToken[]).map(inlineTokenText).join('');
}

function inlineTokenText(token: MarkedToken): string {
  switch (token.type) {
    case 'text':
      return token.tokens ? inlineText(token.tokens) : decodeEntities(token.text);
    case 'escape':
    case 'codespan':
      return token.text;
    case 'strong':
    case 'em':
    case 'del':
      return inlineText(token.tokens);
    case 'link':
      // Autolinked URLs are literal: "a?b&amp;c" in one is not an entity.
      return token.autolink ? token.text : inlineText(token.tokens, token.text);
    case 'image':
      return decodeEntities(token.text);
    case 'br':
      return '\n';
    case 'html':
    case 'checkbox':
      return '';
    default:
      return 'text' in token && typeof token.text === 'string' ? decodeEntities(token.text) : '';
  }
}

function htmlText(html: string): string {
  const withoutCode = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  return decodeEntities(withoutCode.replace(/<[^>]*>/g, ' '));
}

/** The first line of the body as plain text, for files with neither front matter title nor heading. */
function firstLineTitle(body: string): string | null {
  const line = body.split('\n').find((l) => l.trim() !== '');
  if (line === undefined) return null;
  const plain = collapseWhitespace(
    inlineText(Lexer.lexInline(line.replace(/^\s*(?:[>#*+-]+|\d+[.)])\s+/, ''), { gfm: true })),
  );
  if (plain.length <= MAX_FALLBACK_TITLE) return plain || null;
  const cut = plain.slice(0, MAX_FALLBACK_TITLE);
  const space = cut.lastIndexOf(' ');
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  shy: '',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  euro: '€',
  pound: '£',
  sect: '§',
  times: '×',
};

/** Decodes numeric references and the named entities that turn up in prose. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  const entity = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]*));/g;
  return s.replace(entity, (whole: string, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? whole;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : '\uFFFD';
  });
}
