/**
 * What "a typo" means, for documents and annotations alike: one edit of the optimal string
 * alignment distance between words as written (lowercased, apostrophes dropped), where
 * inserting, deleting or changing a letter, or swapping two neighbours, is one edit. So
 * `teh~1` reaches "tech", "ten" and (were it indexed) "the", and `shetler~1` "shelter".
 */

/**
 * How the words of a sorted list share prefixes, so a scan can skip every word that starts
 * with a given prefix in a few steps of integer comparisons: shared[i] is how many letters
 * word i shares with word i − 1, and past[i] the next word that shares fewer.
 */
export interface SharedPrefixes {
  shared: Uint16Array;
  past: Int32Array;
}

export function sharedPrefixes(sorted: readonly string[]): SharedPrefixes {
  const n = sorted.length;
  const shared = new Uint16Array(n);
  for (let i = 1; i < n; i += 1) {
    const a = sorted[i - 1] as string;
    const b = sorted[i] as string;
    const limit = Math.min(a.length, b.length, 0xffff);
    let k = 0;
    while (k < limit && a.charCodeAt(k) === b.charCodeAt(k)) k += 1;
    shared[i] = k;
  }
  const past = new Int32Array(n);
  const stack: number[] = [];
  for (let i = n - 1; i >= 0; i -= 1) {
    while (
      stack.length > 0 &&
      (shared[stack[stack.length - 1] as number] as number) >= (shared[i] as number)
    ) {
      stack.pop();
    }
    past[i] = stack.length > 0 ? (stack[stack.length - 1] as number) : n;
    stack.push(i);
  }
  return { shared, past };
}

/**
 * Every word of a sorted list within `max` edits of `word`, by the same distance as
 * editDistance. Words sharing a prefix share the table's rows for it, and a prefix already
 * more than `max` edits away skips every word that starts with it, so a list of a hundred
 * thousand words is searched by visiting a few thousand prefixes, as a walk down a trie would.
 */
export function withinEditsOf(
  sorted: readonly string[],
  word: string,
  max: number,
  prefixes: SharedPrefixes = sharedPrefixes(sorted),
): string[] {
  const { shared, past } = prefixes;
  const m = word.length;
  const width = m + 1;
  const far = max + 1;
  // Row d holds the distances from the first d letters of a listed word to each prefix of
  // `word`; rows are kept for the current word's prefixes. A row's smallest value never
  // falls further down, so a prefix whose row exceeds `max` ends every word under it.
  // Rows past m + max are never needed: their band is empty.
  const table = new Int32Array(width * (m + max + 2));
  for (let j = 0; j <= m; j += 1) table[j] = j;
  const out: string[] = [];
  let previous = '';
  let valid = 0;
  let i = 0;
  while (i < sorted.length) {
    const w = sorted[i] as string;
    let depth = 0;
    const limit = Math.min(valid, w.length, previous.length);
    while (depth < limit && w.charCodeAt(depth) === previous.charCodeAt(depth)) depth += 1;
    let pruned = -1;
    for (let d = depth + 1; d <= w.length; d += 1) {
      // Only cells within `max` of the diagonal can stay within `max`; the two beside the
      // band are marked too far, so a later row never reads a cell left from another word.
      const lo = Math.max(1, d - max);
      const hi = Math.min(m, d + max);
      if ((lo > hi && lo > 1) || (d + 1) * width > table.length) {
        pruned = d;
        break;
      }
      const at = d * width;
      const up = at - width;
      const ca = w.charCodeAt(d - 1);
      table[at + lo - 1] = lo === 1 ? d : far;
      if (hi < m) table[at + hi + 1] = far;
      let rowMin = lo === 1 ? d : far;
      for (let j = lo; j <= hi; j += 1) {
        const cb = word.charCodeAt(j - 1);
        let v = (table[up + j - 1] as number) + (ca === cb ? 0 : 1);
        const above = (table[up + j] as number) + 1;
        const left = (table[at + j - 1] as number) + 1;
        if (above < v) v = above;
        if (left < v) v = left;
        if (d > 1 && j > 1 && ca === word.charCodeAt(j - 2) && w.charCodeAt(d - 2) === cb) {
          const swap = (table[up - width + j - 2] as number) + 1;
          if (swap < v) v = swap;
        }
        table[at + j] = v > far ? far : v;
        if (v < rowMin) rowMin = v;
      }
      if (rowMin > max) {
        pruned = d;
        break;
      }
    }
    previous = w;
    if (pruned >= 0) {
      valid = pruned;
      // The first later word sharing fewer than `pruned` letters with this one.
      let next = i + 1;
      while (next < sorted.length && (shared[next] as number) >= pruned)
        next = past[next] as number;
      i = next;
      continue;
    }
    valid = w.length;
    if (Math.abs(w.length - m) <= max && (table[w.length * width + m] as number) <= max) {
      out.push(w);
    }
    i += 1;
  }
  return out;
}
