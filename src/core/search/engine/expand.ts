/**
 * Expansion of fuzzy and wildcard words over the library's words *before* stemming, so that
 * `goverment~1` finds "government" rather than every word one edit away from the stem "gover".
 */

/** Optimal string alignment distance (insert, delete, substitute, swap neighbours), or
 * max + 1 as soon as it is certain to exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      }
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length] ?? max + 1;
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
