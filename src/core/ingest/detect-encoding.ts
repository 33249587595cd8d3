/**
 * Which legacy (8-bit or East Asian multi-byte) encoding a file that is not UTF-8 is in, by
 * jschardet (a port of Python's chardet 7). Only called for bytes that are neither UTF-8 nor
 * UTF-16: those are never second-guessed.
 */

/** One candidate as jschardet reports it. */
export interface Candidate {
  encoding: string | null;
  confidence: number;
}

export interface Detected {
  /** WHATWG name, for TextDecoder. */
  encoding: string;
  /** False when the evidence was thin or another reading came close: worth checking. */
  sure: boolean;
}

/** jschardet's names for the encodings it may answer, and the WHATWG name of each. */
const DETECTABLE: Readonly<Record<string, string>> = {
  shift_jis: 'shift_jis',
  cp932: 'shift_jis',
  'euc-jp': 'euc-jp',
  gb18030: 'gb18030',
  big5: 'big5',
  'euc-kr': 'euc-kr',
  cp949: 'euc-kr',
  'koi8-r': 'koi8-r',
  'koi8-u': 'koi8-u',
  'windows-1250': 'windows-1250',
  'windows-1251': 'windows-1251',
  'windows-1252': 'windows-1252',
  'windows-1253': 'windows-1253',
  'windows-1254': 'windows-1254',
  'windows-1255': 'windows-1255',
  'windows-1256': 'windows-1256',
  'windows-1257': 'windows-1257',
  'windows-1258': 'windows-1258',
  cp874: 'windows-874',
  'iso-8859-1': 'windows-1252',
  'iso-8859-2': 'iso-8859-2',
  'iso-8859-15': 'iso-8859-15',
};

/** Bytes looked at: enough for any language model, bounded for very large files. */
const SAMPLE_BYTES = 64 * 1024;
/**
 * Below this confidence the detector has next to nothing to go on (a few accented letters in
 * a line of English): Windows-1252 is kept, as a guess.
 */
const MIN_EVIDENCE = 0.1;
/** Below this confidence the best candidate is a guess, however far ahead of the rest. */
const MIN_SURE_CONFIDENCE = 0.2;
/** A different reading scoring this share of the best one's confidence makes the best a guess. */
const RIVAL_SHARE = 0.75;

type Detector = typeof import('jschardet');
let detector: Promise<Detector> | null = null;

/**
 * Loaded on first use: jschardet's language models are large, and most imports (UTF-8 text,
 * PDF, Word) never need them.
 */
function loadDetector(): Promise<Detector> {
  detector ??= import('jschardet');
  return detector;
}

export async function detectLegacyEncoding(bytes: Uint8Array): Promise<Detected> {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  const { detectAll } = await loadDetector();
  const candidates = detectAll(sample, {
    detectEncodings: Object.keys(DETECTABLE),
    minimumThreshold: 0,
  });
  return chooseEncoding(sample, candidates);
}

/**
 * Picks among the detector's candidates. Candidates that read the sample as the same text are
 * one reading (ISO-8859-1 and Windows-1252 for most French), and Windows-1252 is preferred
 * among such twins, as it was what Dossier read every non-UTF-8 file as; so it is when the
 * detector has almost nothing to go on. The pick is sure when it is confident and no different
 * reading comes close; when one does and it is Windows-1252, Windows-1252 is kept.
 */
export function chooseEncoding(sample: Uint8Array, candidates: readonly Candidate[]): Detected {
  const readings: { encoding: string; confidence: number; text: string }[] = [];
  for (const candidate of candidates) {
    const encoding = DETECTABLE[normalName(candidate.encoding ?? '')];
    if (!encoding || readings.some((r) => r.encoding === encoding)) continue;
    readings.push({ encoding, confidence: candidate.confidence, text: decode(sample, encoding) });
  }
  const best = readings[0];
  if (!best || best.confidence < MIN_EVIDENCE) return { encoding: 'windows-1252', sure: false };
  const western = readings.find((r) => r.encoding === 'windows-1252');
  const encoding = western && western.text === best.text ? 'windows-1252' : best.encoding;
  const rival = readings.find((r) => r.text !== best.text);
  const close = rival !== undefined && rival.confidence >= best.confidence * RIVAL_SHARE;
  if (close && rival.encoding === 'windows-1252') {
    return { encoding: 'windows-1252', sure: false };
  }
  return { encoding, sure: best.confidence >= MIN_SURE_CONFIDENCE && !close };
}

/** jschardet spells names its own way ('Windows-1251', 'iso8859-15', 'SHIFT_JIS'). */
function normalName(name: string): string {
  return name.toLowerCase().replace(/^iso8859-/, 'iso-8859-');
}

function decode(bytes: Uint8Array, encoding: string): string {
  // A sample cut inside a character ends in one replacement mark in every reading alike.
  return new TextDecoder(encoding).decode(bytes);
}
