/** SHA-256 of `bytes` as lowercase hex, via the Web Crypto API (browser, worker and Node alike). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  // crypto.subtle will not take a view over a SharedArrayBuffer; copy only in that rare case.
  const data =
    bytes.buffer instanceof ArrayBuffer
      ? (bytes as Uint8Array<ArrayBuffer>)
      : new Uint8Array(bytes);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
  let hex = '';
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
