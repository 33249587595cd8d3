/**
 * What the analyst typed, written into Markdown as text that every renderer shows as text:
 * no HTML (angle brackets become entities, which every Markdown flavour decodes to the
 * character), no emphasis, links, code, tables or strikethrough (their characters are
 * backslash-escaped), no bare address turned into a link (GFM's autolinks), and no line that
 * starts a heading, list, quote, rule or code block.
 * `unescapeMarkdown` reverses it exactly, so Verify report reads a quote back as written.
 */

/** Inline syntax: escaped wherever it appears. */
const INLINE = /[\\`*_[\]~|@]/g;
/** What GFM turns into a link without brackets: `scheme://` and `www.`. */
const AUTOLINK = /\b([A-Za-z][A-Za-z0-9+.-]*):(?=\/\/)|\b(www)\./gi;
/** Characters that start a block at the beginning of a line (or underline a heading). */
const LINE_START = /^[#+\-=]/;
/** An ordered-list marker: digits, then `.` or `)`. */
const ORDERED = /^(\d{1,9})([.)])/;

/** One line of text (no line breaks) as Markdown text. */
export function escapeMarkdownLine(line: string): string {
  let out = line
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(INLINE, '\\$&')
    .replace(AUTOLINK, (_, scheme?: string, www?: string) =>
      scheme ? `${scheme}\\:` : `${www}\\.`,
    );
  out = out.replace(LINE_START, '\\$&').replace(ORDERED, '$1\\$2');
  // Leading blanks would indent a code block, trailing ones make a hard break or vanish.
  out = out.replace(/^[ \t]+/, entities).replace(/[ \t]+$/, entities);
  return out;
}

/** Text of several lines as Markdown lines, each escaped; line breaks are kept. */
export function escapeMarkdownLines(text: string): string[] {
  return text.split('\n').map(escapeMarkdownLine);
}

function entities(blanks: string): string {
  return [...blanks].map((c) => `&#${c.codePointAt(0)};`).join('');
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Reverses escapeMarkdownLine (and reads the entities and escapes a hand edit may add). */
export function unescapeMarkdown(text: string): string {
  return text.replace(
    /\\([!-/:-@[-`{-~])|&(#x[0-9A-Fa-f]+|#\d+|[A-Za-z]+);/g,
    (whole, escaped: string | undefined, entity: string | undefined) => {
      if (escaped !== undefined) return escaped;
      if (!entity) return whole;
      if (entity.startsWith('#x') || entity.startsWith('#X')) {
        return fromCodePoint(parseInt(entity.slice(2), 16)) ?? whole;
      }
      if (entity.startsWith('#')) return fromCodePoint(parseInt(entity.slice(1), 10)) ?? whole;
      return NAMED[entity] ?? whole;
    },
  );
}

function fromCodePoint(n: number): string | undefined {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}
