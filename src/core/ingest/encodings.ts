/**
 * Encodings a text or HTML file can be read as, by their WHATWG names (what TextDecoder
 * reports as `.encoding`), with the names people know them by. Every one is decoded by the
 * platform's TextDecoder, in Chromium and in Node alike.
 */
export const TEXT_ENCODINGS: readonly { name: string; label: string }[] = [
  { name: 'utf-8', label: 'Unicode (UTF-8)' },
  { name: 'utf-16le', label: 'Unicode (UTF-16 LE)' },
  { name: 'utf-16be', label: 'Unicode (UTF-16 BE)' },
  { name: 'windows-1252', label: 'Western (Windows-1252)' },
  { name: 'iso-8859-15', label: 'Western (ISO-8859-15)' },
  { name: 'macintosh', label: 'Western (Mac Roman)' },
  { name: 'windows-1250', label: 'Central European (Windows-1250)' },
  { name: 'iso-8859-2', label: 'Central European (ISO-8859-2)' },
  { name: 'windows-1251', label: 'Cyrillic (Windows-1251)' },
  { name: 'koi8-r', label: 'Cyrillic (KOI8-R)' },
  { name: 'koi8-u', label: 'Cyrillic (KOI8-U)' },
  { name: 'ibm866', label: 'Cyrillic (CP866)' },
  { name: 'iso-8859-5', label: 'Cyrillic (ISO-8859-5)' },
  { name: 'windows-1253', label: 'Greek (Windows-1253)' },
  { name: 'windows-1254', label: 'Turkish (Windows-1254)' },
  { name: 'windows-1255', label: 'Hebrew (Windows-1255)' },
  { name: 'windows-1256', label: 'Arabic (Windows-1256)' },
  { name: 'windows-1257', label: 'Baltic (Windows-1257)' },
  { name: 'windows-1258', label: 'Vietnamese (Windows-1258)' },
  { name: 'windows-874', label: 'Thai (Windows-874)' },
  { name: 'shift_jis', label: 'Japanese (Shift_JIS)' },
  { name: 'euc-jp', label: 'Japanese (EUC-JP)' },
  { name: 'iso-2022-jp', label: 'Japanese (ISO-2022-JP)' },
  { name: 'gb18030', label: 'Chinese Simplified (GBK, GB18030)' },
  { name: 'big5', label: 'Chinese Traditional (Big5)' },
  { name: 'euc-kr', label: 'Korean (EUC-KR)' },
];

const LABELS = new Map(TEXT_ENCODINGS.map((e) => [e.name, e.label]));

/** The name shown to people: "Shift_JIS" for 'shift_jis', "GBK" for 'gbk'. */
export function encodingLabel(name: string): string {
  const label = LABELS.get(name === 'gbk' ? 'gb18030' : name);
  return label ? (/\(([^)]+)\)$/.exec(label)?.[1] ?? label) : name;
}

/** The WHATWG name of an encoding label ('latin1' -> 'windows-1252'), or null if unknown. */
export function canonicalEncoding(label: string): string | null {
  try {
    return new TextDecoder(label.trim()).encoding;
  } catch {
    return null;
  }
}
