import { askedUnits, isRunEnd, startsWithCluster } from '../engine/grams';
import type { AnalysedToken } from '../engine/types';
import type { Highlight } from '../snippets';

/**
 * Every place where the phrase's words stand in a row in `tokens`, as spans of the text.
 * Tokens skip whitespace and punctuation, so a phrase broken over a line (or a PDF's column
 * join) still matches; where tokens carry places (exact words), the gaps between the words
 * must be the phrase's own, so a phrase does not run on across a sentence end. Text in Thai,
 * Lao, Khmer or Burmese is matched by its pairs of clusters, as the engine matches it.
 */
export function findPhrase(
  tokens: readonly AnalysedToken[],
  typed: readonly AnalysedToken[],
): Highlight[] {
  const found: Highlight[] = [];
  const wanted = askedUnits(typed, (t) => t.term);
  const first = wanted[0];
  if (first === undefined) return found;
  if (wanted.length === 1 && isRunEnd(first.term)) {
    // One cluster: wherever it begins a pair or ends a run.
    const cluster = first.term.slice(0, -1);
    for (const t of tokens) {
      if (startsWithCluster(t.term, cluster)) {
        found.push({ start: t.start, end: Math.min(t.end, t.start + cluster.length) });
      }
    }
    return found;
  }
  const gap = (list: readonly AnalysedToken[], from: number, k: number): number | undefined => {
    const a = list[from]?.place;
    const b = list[from + k]?.place;
    return a === undefined || b === undefined ? undefined : b - a;
  };
  for (let i = 0; i + wanted.length <= tokens.length; i += 1) {
    if (tokens[i]?.term !== first.term) continue;
    let k = 1;
    while (
      k < wanted.length &&
      tokens[i + k]?.term === wanted[k]?.term &&
      gap(tokens, i, k) === gap(wanted, 0, k)
    ) {
      k += 1;
    }
    if (k === wanted.length) {
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
