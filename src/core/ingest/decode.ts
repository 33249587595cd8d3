/**
 * Bytes to a JavaScript string. Kept to one entry point, decodeText, so that charset
 * detection (Windows-1252, Latin-1 exports) can be added here without touching the parsers.
 */

export type DecodeResult =
  { ok: true; text: string } | { ok: false; status: 'unsupported' | 'failed'; reason: string };

export const BINARY_REASON = 'binary content, not text';
export const INVALID_UTF8_REASON = 'not valid UTF-8 text';

/** How much of the file is inspected to tell text from binary. */
const SNIFF_LENGTH = 8192;
/** Share of control bytes above which a file is treated as binary rather than text. */
const MAX_CONTROL_SHARE = 0.1;

export function decodeText(bytes: Uint8Array): DecodeResult {
  // A UTF-16 file is full of NUL bytes, so its byte-order mark must be honoured before the
  // binary check would reject it.
  const utf16 = utf16Encoding(bytes);
  if (utf16) return decodeStrict(utf16, bytes);
  if (looksBinary(bytes)) return { ok: false, status: 'unsupported', reason: BINARY_REASON };
  return decodeStrict('utf-8', bytes);
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function decodeStrict(encoding: string, bytes: Uint8Array): DecodeResult {
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    const reason = encoding === 'utf-8' ? INVALID_UTF8_REASON : `not valid ${encoding} text`;
    return { ok: false, status: 'failed', reason };
  }
}

/** NUL bytes or many C0 control bytes (other than tab, line feed, form feed, carriage return). */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SNIFF_LENGTH);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (
      (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) ||
      byte === 0x7f
    ) {
      controls += 1;
    }
  }
  return sample.length > 0 && controls / sample.length > MAX_CONTROL_SHARE;
}
