/** Measures of lines of plain text, shared by the plain-text parser's layout rules. */

const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Khmer}\p{Script=Lao}\p{Script=Myanmar}]/gu;

/**
 * Words in a line; in scripts written without spaces two characters count as one word, about
 * what a word is there.
 */
export function wordCount(text: string): number {
  const unspaced = text.match(UNSPACED)?.length ?? 0;
  const spaced = text.replace(UNSPACED, ' ').match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.:/-]*/gu);
  return (spaced?.length ?? 0) + unspaced / 2;
}

const SENTENCE_END = /[.!?…:;。！？"”’»)]$/u;

/**
 * True for running text: a sentence or more, as body paragraphs are, rather than a heading,
 * a menu entry or a caption fragment. `text` is collapsed to one line.
 */
export function isProse(text: string): boolean {
  if (text.length < 50) return false;
  const nonSpace = text.replace(/\s/g, '');
  const letters = nonSpace.match(/\p{L}/gu)?.length ?? 0;
  if (letters < nonSpace.length * 0.6) return false;
  const words = wordCount(text);
  if (words < 10 || text.length < 50) return false;
  // Sentences are mostly lower-case words; names, menus and title-case headings are not.
  const cased = text.match(/(?<![\p{L}\p{N}])[\p{Lu}\p{Ll}]/gu) ?? [];
  const lower = cased.filter((c) => c !== c.toUpperCase()).length;
  if (cased.length >= 5 && lower < cased.length * 0.3) return false;
  return SENTENCE_END.test(text) || text.length >= 160;
}

/**
 * What a line break means in a file: `wrapped` when sentences often carry on, lower-case, on
 * the next line (a hard-wrapped file: lines make up paragraphs); `blocks` when many lines
 * follow each other and almost none runs on (a web page copied as text: every line is a
 * heading, a paragraph, a menu entry); `unknown` for too little to tell.
 */
export function lineBreaks(lines: readonly string[]): 'wrapped' | 'blocks' | 'unknown' {
  let long = 0;
  let longRunOn = 0;
  let pairs = 0;
  let pairsRunOn = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]?.trim() ?? '';
    const next = lines[i + 1]?.trim() ?? '';
    if (!line) continue;
    const runsOn = !/[.!?:;]$/.test(line) && /^\p{Ll}/u.test(next);
    if (line.length >= 40) {
      long += 1;
      if (runsOn) longRunOn += 1;
    }
    if (next) {
      pairs += 1;
      if (runsOn) pairsRunOn += 1;
    }
  }
  if (long >= 3 && longRunOn / long >= 0.3) return 'wrapped';
  return pairs >= 8 && pairsRunOn / pairs < 0.1 ? 'blocks' : 'unknown';
}

/**
 * A small hint of what site furniture says, matched against whole lines (lower case, trailing
 * punctuation ignored). The shape of a line decides; this list only catches the labels that
 * could pass for a headline.
 */
export const FURNITURE = new Set([
  'advertisement',
  'back to top',
  'breaking news',
  'close menu',
  'comments',
  'continue reading',
  'home',
  'live',
  'log in',
  'log out',
  'main menu',
  'menu',
  'most popular',
  'most read',
  'my account',
  'newsletter',
  'open menu',
  'print',
  'read more',
  'register',
  'related articles',
  'related stories',
  'search',
  'share',
  'share on facebook',
  'share on twitter',
  'share on x',
  'share this article',
  'share via email',
  'sign in',
  'sign out',
  'sign up',
  'skip advertisement',
  'skip navigation',
  'skip to content',
  'skip to main content',
  'skip to navigation',
  'subscribe',
  'subscribe now',
  'toggle navigation',
]);

/** Most words of at least four letters capitalised, as English and some sites write headlines. */
export function isTitleCase(text: string): boolean {
  const words = text
    .split(/\s+/)
    .slice(1)
    .filter((w) => /^\p{L}{4,}/u.test(w));
  if (words.length < 2) return false;
  const upper = words.filter((w) => /^\p{Lu}/u.test(w)).length;
  return upper / words.length >= 0.6 && !isAllCaps(text);
}

export function isAllCaps(text: string): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  const upper = text.match(/\p{Lu}/gu)?.length ?? 0;
  return letters >= 4 && upper / letters > 0.8;
}

/**
 * Words of four letters or more, lower-cased; in scripts written without spaces, pairs of
 * characters stand in for words.
 */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const [token] of text.toLowerCase().matchAll(/[\p{L}\p{M}]+/gu)) {
    if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u.test(token)) {
      for (let i = 0; i + 1 < token.length; i += 1) out.add(token.slice(i, i + 2));
    } else if (token.length >= 4) {
      out.add(token);
    }
  }
  return out;
}

/** A line as menus repeat it: lower case, without trailing punctuation. */
export function lineKey(text: string): string {
  return text.toLowerCase().replace(/[\s.:!»›>|¶]+$/u, '');
}
