/**
 * Expansion of fuzzy and wildcard words over the library's words *before* stemming, so that
 * `goverment~1` finds "government" rather than every word one edit away from the stem "gover".
 */
import { sharedPrefixes, withinEditsOf, type SharedPrefixes } from './edit-distance';

/** A sorted word list, for fuzzy and wildcard scans. */
export class Vocabulary {
  private prefixes: SharedPrefixes | null = null;
  constructor(readonly sorted: readonly string[]) {}

  /** Words within `distance` typos (edit-distance.ts), in sorted order. */
  fuzzy(word: string, distance: number): string[] {
    this.prefixes ??= sharedPrefixes(this.sorted);
    return withinEditsOf(this.sorted, word, distance, this.prefixes);
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
