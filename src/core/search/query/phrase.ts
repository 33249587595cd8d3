import type { AnalysedToken } from '../engine/types';
import type { Highlight } from '../snippets';

/**
 * Every place where the phrase's terms stand next to each other in `tokens`, as spans of the
 * analysed text. Tokens skip whitespace and punctuation, so a phrase broken over a line (or
 * a PDF's page-column join) still matches, while "end. Trafficking" does too, as a reader
 * would expect of an index without positions of punctuation.
 */
export function findPhrase(
  tokens: readonly AnalysedToken[],
  terms: readonly string[],
): Highlight[] {
  const found: Highlight[] = [];
  const first = terms[0];
  if (first === undefined) return found;
  for (let i = 0; i + terms.length <= tokens.length; i += 1) {
    if (tokens[i]?.term !== first) continue;
    let k = 1;
    while (k < terms.length && tokens[i + k]?.term === terms[k]) k += 1;
    if (k === terms.length) {
      const start = tokens[i]?.start ?? 0;
      const end = tokens[i + k - 1]?.end ?? start;
      found.push({ start, end });
      i += k - 1;
    }
  }
  return found;
}

/** Drops spans lying inside a longer one, so each word is marked once. */
export function withoutNested(spans: readonly Highlight[]): Highlight[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Highlight[] = [];
  for (const span of sorted) {
    const last = out[out.length - 1];
    if (last && span.start < last.end) continue;
    out.push({ start: span.start, end: span.end });
  }
  return out;
}
