import { BINARY_REASON, looksBinary } from './decode';

export type HtmlDecodeResult =
  | { ok: true; text: string; encoding: string }
  | { ok: false; status: 'unsupported' | 'failed'; reason: string };

/** Browsers look for a declared charset in the first 1024 bytes; saved pages stretch that. */
const PRESCAN_LENGTH = 2048;

/**
 * Bytes of a saved web page to a string, the way a browser picks the encoding: a byte-order
 * mark first, then a charset declared near the top (<meta charset>, http-equiv Content-Type,
 * an XML declaration), else UTF-8, falling back to Windows-1252 for the many old pages that
 * were written in it without saying so.
 */
export function decodeHtml(bytes: Uint8Array): HtmlDecodeResult {
  if (bytes.length === 0) return { ok: false, status: 'failed', reason: 'file is empty' };
  const bom = bomEncoding(bytes);
  if (bom) return decodeAs(bom, bytes);
  // UTF-16 without a mark still starts with "<" and a NUL; the binary check would reject it.
  if (bytes[0] === 0x3c && bytes[1] === 0) return decodeAs('utf-16le', bytes);
  if (bytes[0] === 0 && bytes[1] === 0x3c) return decodeAs('utf-16be', bytes);
  if (looksBinary(bytes)) return { ok: false, status: 'unsupported', reason: BINARY_REASON };

  const declared = declaredEncoding(bytes.subarray(0, PRESCAN_LENGTH));
  // A declaration readable as ASCII cannot describe UTF-16 bytes, so browsers read UTF-8 then.
  if (declared && declared !== 'utf-8' && !declared.startsWith('utf-16')) {
    return decodeAs(declared, bytes);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text, encoding: 'utf-8' };
  } catch {
    // A page that says UTF-8 but is not is mostly right: keep it, with replacement marks.
    if (declared === 'utf-8') return decodeAs('utf-8', bytes);
    return decodeAs('windows-1252', bytes);
  }
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function decodeAs(encoding: string, bytes: Uint8Array): HtmlDecodeResult {
  // Not fatal: a browser shows a page with a stray bad byte, and so do we.
  const text = new TextDecoder(encoding).decode(bytes);
  return { ok: true, text, encoding };
}

const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i;
const XML_ENCODING = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/i;

/** The charset the page declares, as the canonical name TextDecoder gives it, or null. */
export function declaredEncoding(head: Uint8Array): string | null {
  // Windows-1252 maps every byte to one character, so offsets and ASCII survive any encoding.
  const text = new TextDecoder('windows-1252').decode(head).replace(/<!--[\s\S]*?-->/g, '');
  const label = META_CHARSET.exec(text)?.[1] ?? XML_ENCODING.exec(text)?.[1];
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    // An unknown label ("utf8mb4", a typo) is ignored, as browsers do.
    return null;
  }
}
