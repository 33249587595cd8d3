import JSZip from 'jszip';

/**
 * JSZip, which exceljs writes its packages with, encodes a long text in pieces of 16K UTF-16
 * units, and a character outside the Basic Multilingual Plane (an emoji, a rare CJK character)
 * whose two halves fall in two pieces is lost: each half becomes U+FFFD (or, in some builds, an
 * invalid byte sequence). A fix is proposed upstream (Stuk/jszip#963). Until then the Excel
 * writer hands exceljs texts in which each such character stands in as a character of the
 * Private Use Area that the texts do not use (one unit, so never split), then puts the real
 * characters back in the finished package, whose parts it re-packs from bytes.
 */
export class AstralStandIns {
  private readonly toStandIn = new Map<string, string>();
  private readonly toAstral = new Map<string, string>();

  /** Stand-ins for every astral character of `texts`, chosen among characters none of them uses. */
  constructor(texts: Iterable<string>) {
    const used = new Set<number>();
    const astral = new Set<string>();
    for (const text of texts) {
      if (!EITHER.test(text)) continue;
      for (const m of text.matchAll(PRIVATE_USE)) used.add(m[0].charCodeAt(0));
      for (const m of text.matchAll(PAIR)) astral.add(m[0]);
    }
    let next = FIRST_PRIVATE;
    for (const char of astral) {
      while (used.has(next)) next += 1;
      if (next > LAST_PRIVATE) {
        throw new Error(
          'too many different characters outside the Basic Multilingual Plane for an Excel report; export CSV instead',
        );
      }
      const standIn = String.fromCharCode(next++);
      this.toStandIn.set(char, standIn);
      this.toAstral.set(standIn, char);
    }
  }

  get needed(): boolean {
    return this.toStandIn.size > 0;
  }

  /** `text` with its astral characters as their stand-ins. */
  hide(text: string): string {
    return this.needed && HIGH.test(text)
      ? text.replace(PAIR, (c) => this.toStandIn.get(c) ?? c)
      : text;
  }

  /**
   * The package with the real characters back. exceljs writes every text cell to the shared
   * strings part, the only part that holds the texts handed to it.
   */
  async restore(bytes: Uint8Array, level = 1): Promise<Uint8Array> {
    if (!this.needed) return bytes;
    const zip = await JSZip.loadAsync(bytes);
    const part = zip.file(SHARED_STRINGS);
    if (!part) return bytes;
    const xml = await part.async('string');
    // Bytes, not a string: JSZip would cut the string into pieces again. The other parts keep
    // their compressed data.
    zip.file(
      SHARED_STRINGS,
      new TextEncoder().encode(xml.replace(PRIVATE_USE, (c) => this.toAstral.get(c) ?? c)),
    );
    return zip.generateAsync({
      type: 'uint8array',
      compression: 'DEFLATE',
      compressionOptions: { level },
    });
  }
}

const SHARED_STRINGS = 'xl/sharedStrings.xml';
const FIRST_PRIVATE = 0xe000;
const LAST_PRIVATE = 0xf8ff;
const PRIVATE_USE = /[\uE000-\uF8FF]/g;
const EITHER = /[\uD800-\uDBFF\uE000-\uF8FF]/;
const HIGH = /[\uD800-\uDBFF]/;
const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;
