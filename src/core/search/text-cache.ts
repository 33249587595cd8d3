/** About 16 million characters: some 32 MB of text, thousands of typical documents. */
export const TEXT_CACHE_CHARS = 16_000_000;

interface Entry<T> {
  version: string;
  value: T;
  size: number;
}

/**
 * The texts of the documents results were last shown from, kept between queries by whoever
 * answers them, up to `maxChars` characters in all, the least recently used going first.
 * Each text is kept with the version of its document it was read for and counts as missing
 * once the document's version changes.
 *
 * Why: highlights and snippets need the texts of the results shown, and a read of the table
 * that holds them waits while an import writes to it. Refining a query, paging through its
 * results or asking again as the index fills reads the same texts over again.
 */
export class TextCache<T extends { text: string }> {
  private readonly entries = new Map<string, Entry<T>>();
  private chars = 0;

  constructor(private readonly maxChars = TEXT_CACHE_CHARS) {}

  get(id: string, version: string): T | undefined {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    if (entry.version !== version) {
      this.chars -= entry.size;
      return undefined;
    }
    // Last in the map's order: the most recently used.
    this.entries.set(id, entry);
    return entry.value;
  }

  set(id: string, version: string, value: T): void {
    const before = this.entries.get(id);
    if (before) {
      this.entries.delete(id);
      this.chars -= before.size;
    }
    const size = value.text.length;
    if (size > this.maxChars) return;
    this.entries.set(id, { version, value, size });
    this.chars += size;
    for (const [oldest, entry] of this.entries) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(oldest);
      this.chars -= entry.size;
    }
  }

  /** Characters held now. */
  get size(): number {
    return this.chars;
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  clear(): void {
    this.entries.clear();
    this.chars = 0;
  }
}
