/**
 * A small language guesser for documents that do not declare their language: the writing
 * system decides for most scripts, and for Latin and Cyrillic text the share of each
 * language's most frequent function words. It answers null rather than guess on little text.
 */

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Khmer}/gu, 'km'],
  [/\p{Script=Thai}/gu, 'th'],
  [/\p{Script=Lao}/gu, 'lo'],
  [/\p{Script=Myanmar}/gu, 'my'],
  [/\p{Script=Hangul}/gu, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Devanagari}/gu, 'hi'],
  [/\p{Script=Armenian}/gu, 'hy'],
  [/\p{Script=Georgian}/gu, 'ka'],
  [/\p{Script=Tamil}/gu, 'ta'],
];
const LETTER = /\p{L}/gu;
/** Text in Latin script alone needs no per-script count. */
const NON_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

// The commonest short words of each language, which make up a large share of any prose.
const FUNCTION_WORDS: Record<string, string> = {
  en: 'the of and to in is that for it was on with as be by this are at from have not which',
  fr: 'le la les de des du et est un une que qui dans pour pas sur au avec par ce il sont',
  de: 'der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es',
  es: 'el la los las de del y que en un una por con para es se no su al lo como',
  it: 'il la le di del della che e un una per non sono con si da nel al gli è',
  pt: 'o a os as de do da dos das e que em um uma para com não se por é ao',
  nl: 'de het een en van is dat niet op te zijn voor met die aan er ook als',
  sv: 'och att det som en är av för på med den till inte har om ett de var',
  da: 'og at det som en er af for på med den til ikke har om et de var jeg',
  no: 'og at det som en er av for på med den til ikke har om et de var jeg',
  fi: 'ja on ei se että oli hän ovat kuin mutta myös tai sen joka ole niin',
  tr: 've bir bu için ile da de olarak daha çok olan gibi ne en ama kadar',
  ro: 'și de la în cu pe că nu un o a care din este sunt pentru mai fost',
  hu: 'a az és hogy nem is egy van meg de ez csak már volt mint el ki',
  pl: 'i w na z się nie do że to jest o jak po co ale od za tak',
  ru: 'и в не на что с по как это он а к из у за от то для же',
};

const PROFILES = new Map(
  Object.entries(FUNCTION_WORDS).map(([lang, words]) => [lang, new Set(words.split(' '))]),
);
const WORD = /[\p{L}\p{M}]+/gu;
const SAMPLE_CHARS = 20_000;
const MIN_WORDS = 20;
/** The share of letters a script must have before it decides. */
const SCRIPT_SHARE = 0.3;

function scriptLanguage(sample: string): string | null {
  if (!NON_LATIN.test(sample)) return null;
  const letters = sample.match(LETTER)?.length ?? 0;
  if (letters === 0) return null;
  for (const [re, lang] of SCRIPTS) {
    const count = sample.match(re)?.length ?? 0;
    if (count / letters >= SCRIPT_SHARE) return lang;
  }
  return null;
}

/** ISO 639-1 code of the text's language, or null when it cannot tell. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, SAMPLE_CHARS);
  const byScript = scriptLanguage(sample);
  if (byScript) return byScript;
  const words = (sample.match(WORD) ?? []).map((w) => w.toLowerCase());
  if (words.length < MIN_WORDS) return null;
  let best: string | null = null;
  let bestCount = 0;
  let second = 0;
  for (const [lang, set] of PROFILES) {
    let count = 0;
    for (const w of words) if (set.has(w)) count += 1;
    if (count > bestCount) {
      second = bestCount;
      bestCount = count;
      best = lang;
    } else if (count > second) second = count;
  }
  // Too few function words, or a near tie (Danish and Norwegian share most), is no answer.
  if (bestCount / words.length < 0.08 || bestCount < second * 1.15) return null;
  return best;
}
