import { BINARY_REASON, decodeAsChosen, looksBinary } from './decode';
import { detectLegacyEncoding } from './detect-encoding';
import type { EncodingHow } from '../model';
import { canonicalEncoding } from './encodings';
import { sniffHtmlCharset } from './html-charset';

export type HtmlDecodeResult =
  | { ok: true; text: string; encoding: string; how: EncodingHow }
  | { ok: false; status: 'unsupported' | 'failed'; reason: string };

/**
 * Bytes of a saved web page to a string, the way a browser picks the encoding: a byte-order
 * mark first, then the charset the page declares (in its <head>, however far down: see
 * sniffHtmlCharset; or in an XML declaration), else UTF-8, and for pages that are not UTF-8 and
 * say nothing, the legacy encoding a detector finds in their text. `chosen` reads the page as
 * that encoding instead (the analyst's choice).
 */
export async function decodeHtml(bytes: Uint8Array, chosen?: string): Promise<HtmlDecodeResult> {
  if (bytes.length === 0) return { ok: false, status: 'failed', reason: 'file is empty' };
  if (chosen !== undefined) return decodeAsChosen(bytes, chosen);
  const bom = bomEncoding(bytes);
  if (bom) return decodeAs(bom, bytes, 'bom');
  // UTF-16 without a mark still starts with "<" and a NUL; the binary check would reject it.
  if (bytes[0] === 0x3c && bytes[1] === 0) return decodeAs('utf-16le', bytes, 'detected');
  if (bytes[0] === 0 && bytes[1] === 0x3c) return decodeAs('utf-16be', bytes, 'detected');
  if (looksBinary(bytes)) return { ok: false, status: 'unsupported', reason: BINARY_REASON };

  const declared = xmlEncoding(bytes) ?? sniffHtmlCharset(bytes);
  if (declared && declared !== 'utf-8') return decodeAs(declared, bytes, 'declared');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { ok: true, text, encoding: 'utf-8', how: declared ? 'declared' : 'detected' };
  } catch {
    // A page that says UTF-8 but is not is mostly right: keep it, with replacement marks.
    if (declared === 'utf-8') return decodeAs('utf-8', bytes, 'declared');
    const detected = await detectLegacyEncoding(textBytesOf(bytes));
    return decodeAs(detected.encoding, bytes, detected.sure ? 'detected' : 'guessed');
  }
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function decodeAs(encoding: string, bytes: Uint8Array, how: EncodingHow): HtmlDecodeResult {
  // Not fatal: a browser shows a page with a stray bad byte, and so do we.
  const text = new TextDecoder(encoding).decode(bytes);
  return { ok: true, text, encoding, how };
}

const XML_ENCODING = /^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/i;

/** An XHTML page's `<?xml … encoding="…"?>`, as the canonical name TextDecoder gives it. */
function xmlEncoding(bytes: Uint8Array): string | null {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 256));
  const label = XML_ENCODING.exec(head)?.[1];
  const encoding = label ? canonicalEncoding(label) : null;
  // As for <meta>: bytes that spell out the declaration in ASCII are not UTF-16.
  return encoding?.startsWith('utf-16') ? 'utf-8' : encoding;
}

/**
 * The page's text bytes for the detector: outside tags, scripts and styles. Markup and code
 * are ASCII and would drown the few bytes that tell one encoding from another. A "<" or ">"
 * byte is never the second byte of a character in the encodings detected, so cutting at them
 * splits no character.
 */
function textBytesOf(bytes: Uint8Array): Uint8Array {
  // Windows-1252 maps every byte to one character, so offsets are byte offsets.
  const lower = new TextDecoder('windows-1252').decode(bytes).toLowerCase();
  const out = new Uint8Array(bytes.length);
  let length = 0;
  let pos = 0;
  while (pos < bytes.length) {
    const lt = lower.indexOf('<', pos);
    const end = lt < 0 ? bytes.length : lt;
    out.set(bytes.subarray(pos, end), length);
    length += end - pos;
    if (lt < 0) break;
    const code = /^<(script|style)[\s>]/.exec(lower.slice(lt, lt + 8))?.[1];
    const close = code ? lower.indexOf(`</${code}`, lt) : lt;
    const gt = lower.indexOf('>', close < 0 ? bytes.length : close);
    pos = gt < 0 ? bytes.length : gt + 1;
  }
  return out.subarray(0, length);
}
