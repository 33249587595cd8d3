import { detectLegacyEncoding } from './detect-encoding';
import type { EncodingHow } from '../model';
import { canonicalEncoding } from './encodings';

/**
 * Bytes to a JavaScript string, with the charset found the way a text editor would: a
 * byte-order mark wins, then UTF-16 recognised by its NUL pattern, then UTF-8 (plain ASCII
 * included), and only for bytes that are none of these, a legacy encoding (Shift_JIS, GBK,
 * Windows-1251, ISO-8859-2, Windows-1252…) told by a detector. Binary content is refused
 * before anything is decoded, so a large binary file costs one 64 KB scan.
 */

export type DecodeResult =
  | { ok: true; text: string; encoding: string; how: EncodingHow }
  | { ok: false; status: 'unsupported' | 'failed'; reason: string };

export const BINARY_REASON = 'binary content, not text';
/** No longer produced (invalid UTF-8 now falls back to Windows-1252); kept for importers. */
export const INVALID_UTF8_REASON = 'not valid UTF-8 text';

/** How much of the file is inspected to tell text from binary and to spot BOM-less UTF-16. */
const SNIFF_LENGTH = 64 * 1024;
/** Share of UTF-16 code units with a NUL byte for BOM-less UTF-16 to be recognised. */
const UTF16_MIN_NUL_SHARE = 0.3;
/** Share of control bytes above which a file is treated as binary rather than text. */
const MAX_CONTROL_SHARE = 0.1;
/**
 * Share of characters that real text practically never holds (controls, U+FFFD, private use)
 * above which decoded UTF-16 is binary. Random bytes read as UTF-16 score about 13%.
 */
const MAX_UNLIKELY_SHARE = 0.05;
/** Decoded characters inspected by that check. */
const SNIFF_CHARS = 32 * 1024;
/**
 * Invalid UTF-8 is still read as UTF-8 (with U+FFFD for the bad bytes) when well-formed
 * non-ASCII characters outnumber the bad sequences this many times over: a UTF-8 file with one
 * stray byte, or cut off mid-character, must not turn every "é" into "Ã©".
 */
const MOSTLY_UTF8_RATIO = 4;

const REPLACEMENT = 0xfffd;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const BINARY: DecodeResult = { ok: false, status: 'unsupported', reason: BINARY_REASON };

/** `chosen`: read the bytes as this encoding (the analyst's choice), whatever they look like. */
export async function decodeText(bytes: Uint8Array, chosen?: string): Promise<DecodeResult> {
  if (chosen !== undefined) return decodeAsChosen(bytes, chosen);
  const bom = utf16ByBom(bytes);
  const utf16 = bom ?? utf16ByPattern(bytes.subarray(0, SNIFF_LENGTH));
  if (utf16) {
    // Non-fatal: a file cut off after an odd byte keeps its text; real garbage is caught below.
    const text = new TextDecoder(utf16).decode(bytes);
    if (looksBinaryText(text)) return BINARY;
    return { ok: true, text, encoding: utf16, how: bom ? 'bom' : 'detected' };
  }
  if (looksBinary(bytes)) return BINARY;
  const hasUtf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const how = hasUtf8Bom ? 'bom' : 'detected';
  try {
    return { ok: true, text: strictUtf8.decode(bytes), encoding: 'utf-8', how };
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    if (hasUtf8Bom || isMostlyValidUtf8(lenient)) {
      return { ok: true, text: lenient, encoding: 'utf-8', how };
    }
    const detected = await detectLegacyEncoding(bytes);
    return {
      ok: true,
      text: new TextDecoder(detected.encoding).decode(bytes),
      encoding: detected.encoding,
      how: detected.sure ? 'detected' : 'guessed',
    };
  }
}

/** Not fatal: bytes the encoding has no character for show as U+FFFD, as a browser shows them. */
export function decodeAsChosen(bytes: Uint8Array, chosen: string): DecodeResult {
  const encoding = canonicalEncoding(chosen);
  if (!encoding || encoding === 'replacement') {
    return { ok: false, status: 'failed', reason: `unknown text encoding “${chosen}”` };
  }
  return { ok: true, text: new TextDecoder(encoding).decode(bytes), encoding, how: 'chosen' };
}

function utf16ByBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * UTF-16 without a byte-order mark, recognised as Notepad-style files are: Latin text in
 * UTF-16 has a NUL in every high byte, so NULs pile up on one side (odd offsets for LE, even
 * for BE) and almost never on the other. Random or structured binary has NULs on both sides or
 * on neither. Mostly non-Latin text without a BOM has too few NULs to be recognised.
 */
function utf16ByPattern(sample: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const units = sample.length >> 1;
  if (sample.length % 2 !== 0) return null;
  let evenNuls = 0;
  let oddNuls = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) evenNuls += 1;
    if (sample[i + 1] === 0) oddNuls += 1;
  }
  const many = (n: number) => n >= Math.max(2, units * UTF16_MIN_NUL_SHARE);
  const few = (n: number) => n <= units * 0.01;
  if (many(oddNuls) && few(evenNuls)) return 'utf-16le';
  if (many(evenNuls) && few(oddNuls)) return 'utf-16be';
  return null;
}

/**
 * For 8-bit encodings: any NUL, or many C0 control bytes (other than tab, line feed, form feed
 * and carriage return), in the first 64 KB.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SNIFF_LENGTH);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (isControl(byte)) controls += 1;
  }
  return sample.length > 0 && controls / sample.length > MAX_CONTROL_SHARE;
}

/** For decoded UTF-16: NUL, or many characters that text does not contain. */
function looksBinaryText(text: string): boolean {
  const length = Math.min(text.length, SNIFF_CHARS);
  let unlikely = 0;
  for (let i = 0; i < length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if (isControl(c) || (c >= 0x80 && c <= 0x9f) || (c >= 0xe000 && c <= 0xf8ff) || c >= 0xfffd) {
      unlikely += 1;
    }
  }
  return length > 0 && unlikely / length > MAX_UNLIKELY_SHARE;
}

function isControl(code: number): boolean {
  return (
    (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) ||
    code === 0x7f
  );
}

function isMostlyValidUtf8(lenient: string): boolean {
  let replaced = 0;
  let wellFormed = 0;
  for (let i = 0; i < lenient.length; i += 1) {
    const c = lenient.charCodeAt(i);
    if (c === REPLACEMENT) replaced += 1;
    else if (c > 0x7f && !(c >= 0xdc00 && c <= 0xdfff)) wellFormed += 1;
  }
  return wellFormed >= replaced * MOSTLY_UTF8_RATIO;
}
