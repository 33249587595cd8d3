/**
 * Expansion of fuzzy and wildcard words over the library's words *before* stemming, so that
 * `goverment~1` finds "government" rather than every word one edit away from the stem "gover".
 */

// Rows reused across calls: a fuzzy scan runs this for hundreds of thousands of words.
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal string alignment distance (insert, delete, substitute, swap neighbours), or
 * max + 1 as soon as it is certain to exceed max. Only the band of cells within `max` of
 * the diagonal is computed.
 */
export function editDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  const far = max + 1;
  if (Math.abs(n - m) > max) return far;
  if ((rows[0] as Int32Array).length < m + 2) {
    rows = rows.map(() => new Int32Array(m * 2 + 2));
  }
  let prev2 = rows[0] as Int32Array;
  let prev = rows[1] as Int32Array;
  let row = rows[2] as Int32Array;
  for (let j = 0; j <= m; j += 1) prev[j] = j;
  prev[m + 1] = far;
  for (let i = 1; i <= n; i += 1) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    row[lo - 1] = lo === 1 ? i : far;
    let rowMin = lo === 1 ? i : far;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j += 1) {
      const cb = b.charCodeAt(j - 1);
      let v = (prev[j - 1] as number) + (ca === cb ? 0 : 1);
      const up = (prev[j] as number) + 1;
      const left = (row[j - 1] as number) + 1;
      if (up < v) v = up;
      if (left < v) v = left;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const swap = (prev2[j - 2] as number) + 1;
        if (swap < v) v = swap;
      }
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) row[hi + 1] = far;
    if (rowMin > max) return far;
    const spare = prev2;
    prev2 = prev;
    prev = row;
    row = spare;
  }
  const d = prev[m] as number;
  return d > max ? far : d;
}

/** A sorted word list with its words grouped by length, for quick fuzzy scans. */
export class Vocabulary {
  private byLength = new Map<number, string[]>();
  constructor(readonly sorted: readonly string[]) {
    for (const w of sorted) {
      let bucket = this.byLength.get(w.length);
      if (!bucket) {
        bucket = [];
        this.byLength.set(w.length, bucket);
      }
      bucket.push(w);
    }
  }

  fuzzy(word: string, distance: number): string[] {
    const out: string[] = [];
    for (let len = word.length - distance; len <= word.length + distance; len += 1) {
      for (const w of this.byLength.get(len) ?? []) {
        if (editDistance(word, w, distance) <= distance) out.push(w);
      }
    }
    return out;
  }

  /** Words matching a pattern where `*` stands for any run of characters. */
  wildcard(pattern: string): string[] {
    const star = pattern.indexOf('*');
    const prefix = star < 0 ? pattern : pattern.slice(0, star);
    if (star < 0) return this.has(pattern) ? [pattern] : [];
    const parts = pattern.split('*');
    const matches = (w: string) => {
      let at = 0;
      for (let i = 0; i < parts.length; i += 1) {
        const part = parts[i] ?? '';
        if (i === 0) {
          if (!w.startsWith(part)) return false;
          at = part.length;
        } else if (i === parts.length - 1) {
          return part === '' || (w.length - part.length >= at && w.endsWith(part));
        } else {
          const found = w.indexOf(part, at);
          if (found < 0) return false;
          at = found + part.length;
        }
      }
      return true;
    };
    const out: string[] = [];
    if (prefix !== '') {
      for (let i = this.lowerBound(prefix); i < this.sorted.length; i += 1) {
        const w = this.sorted[i] ?? '';
        if (!w.startsWith(prefix)) break;
        if (matches(w)) out.push(w);
      }
      return out;
    }
    for (const w of this.sorted) if (matches(w)) out.push(w);
    return out;
  }

  has(word: string): boolean {
    return this.sorted[this.lowerBound(word)] === word;
  }

  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sorted[mid] ?? '') < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Merges sorted, duplicate-free lists into one. */
export function mergeSorted(lists: readonly (readonly string[])[]): string[] {
  if (lists.length === 1) return [...(lists[0] ?? [])];
  const set = new Set<string>();
  for (const list of lists) for (const w of list) set.add(w);
  return [...set].sort();
}
