/**
 * pdf.js options that keep it to the bytes it is given, for both reading text on import and
 * drawing pages in the reader. Without the URLs of standard fonts, CMaps or wasm decoders
 * pdf.js has nowhere to fetch from, and range or stream loading is off; no font is ever
 * installed in the page (disableFontFace) and no system font is looked up. CMaps being left
 * out, CJK text in fonts that rely on predefined CMaps may not come out.
 */
export const PDF_OFFLINE_OPTIONS = {
  disableFontFace: true,
  useSystemFonts: false,
  useWorkerFetch: false,
  useWasm: false,
  disableRange: true,
  disableStream: true,
  disableAutoFetch: true,
  stopAtErrors: false,
  verbosity: 0,
} as const;
