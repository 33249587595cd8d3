/**
 * pdf.js options that keep it to the bytes it is given and to the app's own files, for both
 * reading text on import and drawing pages in the reader. Range and stream loading are off;
 * no font is ever installed in the page (disableFontFace), no system font is looked up, and
 * pdf.js's worker never fetches anything itself (useWorkerFetch: false).
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

/**
 * Where pdf.js finds the files pdfjs-dist ships beside its code: the predefined Adobe CMaps
 * (`cmaps/`), without which text in CJK fonts that rely on them (many Chinese, Japanese and
 * Korean reports) comes out empty or wrong, and the standard font data (`standard_fonts/`),
 * without which fonts a PDF names but does not embed (Helvetica, Times, Arial…) are drawn
 * with stand-in glyphs. The app serves them itself; tests read them from node_modules.
 */
export interface PdfAssets {
  /** URL (in Node, a folder path) holding `cmaps/` and `standard_fonts/`; ends in "/". */
  baseUrl: string;
  /**
   * Reads one file, given its URL under baseUrl. Without it pdf.js reads the files itself,
   * which works on a page and in Node but not in a worker (it needs a document).
   */
  load?: (url: string) => Promise<Uint8Array>;
}

/** The offline options, with pdf.js pointed at the app's own CMaps and standard fonts. */
export function pdfOfflineOptions(assets: PdfAssets | undefined) {
  if (!assets) return PDF_OFFLINE_OPTIONS;
  const urls = {
    cMapUrl: `${assets.baseUrl}cmaps/`,
    standardFontDataUrl: `${assets.baseUrl}standard_fonts/`,
  };
  return {
    ...PDF_OFFLINE_OPTIONS,
    ...urls,
    cMapPacked: true,
    ...(assets.load ? { BinaryDataFactory: binaryDataFactory(urls, assets.load) } : {}),
  };
}

type AssetKind = 'cMapUrl' | 'standardFontDataUrl';

/**
 * A pdf.js BinaryDataFactory (the class pdf.js instantiates to read CMaps and font data) that
 * reads through `load`. pdf.js asks only for names it knows (`UniJIS-UCS2-H.bcmap`,
 * `FoxitSerif.pfb`), under the two folders; anything else (wasm, which is off) is refused.
 */
function binaryDataFactory(
  urls: Record<AssetKind, string>,
  load: (url: string) => Promise<Uint8Array>,
) {
  return class AppBinaryDataFactory {
    async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
      const base = kind === 'cMapUrl' || kind === 'standardFontDataUrl' ? urls[kind] : undefined;
      if (!base || !/^[\w.+-]+$/.test(filename)) {
        throw new Error(`pdf.js asked for ${kind} ${filename}, which the app does not ship`);
      }
      return load(`${base}${filename}`);
    }
  };
}
