/**
 * The charset a saved web page declares, found as browsers find it: the WHATWG "prescan a byte
 * stream to determine its encoding" (<meta charset>, <meta http-equiv="Content-Type">, comments
 * skipped), carried on past the first 1024 bytes for as long as the page is still in its
 * <head>, as Chromium does: some portals put the declaration after kilobytes of inline script
 * and style, and browsers honour it there. Script and style contents are skipped, so a
 * `document.write('<meta charset=…>')` in a script is not taken for the page's declaration.
 */

import { canonicalEncoding } from './encodings';

/** Where the WHATWG prescan stops; past it, only a page still in its head is read on. */
const PRESCAN_BYTES = 1024;
/** A head is never this long; the scan stops here whatever it has seen. */
const MAX_SCAN_BYTES = 1024 * 1024;
/** Elements a head may hold, as Chromium's meta charset parser counts them. */
const HEAD_ELEMENTS = new Set([
  'html',
  'head',
  'meta',
  'link',
  'script',
  'noscript',
  'style',
  'title',
  'base',
  'object',
  'template',
]);
/** Elements whose content is text up to their end tag, not markup. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'noscript']);

const isSpace = (c: string | undefined) =>
  c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';

/** The declared encoding's WHATWG name, or null when the page declares none we know. */
export function sniffHtmlCharset(bytes: Uint8Array): string | null {
  // Windows-1252 maps every byte to one character, so offsets and ASCII survive any encoding.
  const s = new TextDecoder('windows-1252').decode(bytes.subarray(0, MAX_SCAN_BYTES));
  const lower = s.toLowerCase();
  let pos = 0;
  while (pos < s.length) {
    const lt = s.indexOf('<', pos);
    if (lt < 0) return null;
    pos = lt;
    if (lower.startsWith('<!--', pos)) {
      // "<!-->" closes itself: the "-->" may share the opening's dashes.
      const end = s.indexOf('-->', pos + 2);
      if (end < 0) return null;
      pos = end + 3;
    } else if (/^<meta[\s/]/.test(lower.slice(pos, pos + 6))) {
      const { end, attributes } = readAttributes(s, pos + 5);
      const found = charsetOfMeta(attributes);
      if (found) return found;
      pos = end;
    } else if (/^<\/?[a-z]/.test(lower.slice(pos, pos + 3))) {
      const closing = s[pos + 1] === '/';
      const nameStart = pos + (closing ? 2 : 1);
      let nameEnd = nameStart;
      while (nameEnd < s.length && !isSpace(s[nameEnd]) && s[nameEnd] !== '>') nameEnd += 1;
      const name = lower.slice(nameStart, nameEnd).replace(/\/$/, '');
      if (!closing && pos >= PRESCAN_BYTES && !HEAD_ELEMENTS.has(name)) return null;
      pos = readAttributes(s, nameEnd).end;
      if (!closing && RAW_TEXT.has(name)) {
        const close = lower.indexOf(`</${name}`, pos);
        if (close < 0) return null;
        pos = close;
      }
    } else if (lower.startsWith('<!', pos) || lower.startsWith('</', pos) || s[pos + 1] === '?') {
      const end = s.indexOf('>', pos + 1);
      if (end < 0) return null;
      pos = end + 1;
    } else {
      pos += 1;
    }
  }
  return null;
}

/**
 * The WHATWG "get an attribute" loop: reads name/value pairs from `start` to the tag's end,
 * honouring quotes (a quoted ">" does not end the tag). Names are lower-cased.
 */
function readAttributes(s: string, start: number): { end: number; attributes: [string, string][] } {
  const attributes: [string, string][] = [];
  let pos = start;
  for (;;) {
    while (isSpace(s[pos]) || s[pos] === '/') pos += 1;
    if (pos >= s.length) return { end: pos, attributes };
    if (s[pos] === '>') return { end: pos + 1, attributes };
    let name = '';
    while (pos < s.length && !isSpace(s[pos]) && !'/>='.includes(s[pos] as string)) {
      name += s[pos];
      pos += 1;
    }
    while (isSpace(s[pos])) pos += 1;
    let value = '';
    if (s[pos] === '=') {
      pos += 1;
      while (isSpace(s[pos])) pos += 1;
      const quote = s[pos];
      if (quote === '"' || quote === "'") {
        const close = s.indexOf(quote, pos + 1);
        const end = close < 0 ? s.length : close;
        value = s.slice(pos + 1, end);
        pos = end + 1;
      } else {
        while (pos < s.length && !isSpace(s[pos]) && s[pos] !== '>') {
          value += s[pos];
          pos += 1;
        }
      }
    }
    if (name) attributes.push([name.toLowerCase(), value]);
  }
}

/** The WHATWG rules for a <meta>: `charset`, or `content` with an http-equiv Content-Type. */
function charsetOfMeta(attributes: readonly [string, string][]): string | null {
  const seen = new Set<string>();
  let gotPragma = false;
  let needPragma: boolean | null = null;
  let charset: string | null = null;
  for (const [name, value] of attributes) {
    if (seen.has(name)) continue;
    seen.add(name);
    if (name === 'http-equiv' && value.trim().toLowerCase() === 'content-type') gotPragma = true;
    else if (name === 'content' && charset === null) {
      const fromContent = charsetInContent(value);
      if (fromContent !== null) {
        charset = fromContent;
        needPragma = true;
      }
    } else if (name === 'charset') {
      charset = value;
      needPragma = false;
    }
  }
  if (needPragma === null || (needPragma && !gotPragma) || charset === null) return null;
  // Not a TextDecoder label, but one the standard reads as Windows-1252.
  if (charset.trim().toLowerCase() === 'x-user-defined') return 'windows-1252';
  // An unknown label ("utf8mb4", a typo) is ignored, as browsers do.
  const encoding = canonicalEncoding(charset);
  // A declaration readable as ASCII cannot describe UTF-16 bytes: browsers read UTF-8 then.
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return 'utf-8';
  return encoding;
}

/** "text/html; charset=gb2312" -> "gb2312" (WHATWG: extracting an encoding from a meta). */
function charsetInContent(content: string): string | null {
  const match = /charset\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s;"']+))/i.exec(content);
  if (!match) return null;
  return match[1] ?? match[2] ?? match[3] ?? null;
}
