import { isSpaceCode } from './space';

export interface Highlight {
  start: number;
  end: number;
}

export interface Snippet {
  /** The excerpt, with an ellipsis where it was cut. */
  text: string;
  /** Spans of `text` to highlight. */
  highlights: Highlight[];
  /** Offset in the document text of the first highlight. */
  anchor: number;
}

export interface SnippetOptions {
  /** Characters of context on each side of a match. */
  context?: number;
  maxSnippets?: number;
}

const ELLIPSIS = '…';
const NEWLINES = /\n/g;

function widenToWordBoundary(text: string, index: number, direction: -1 | 1): number {
  let i = index;
  const limit = 15;
  for (let step = 0; step < limit; step += 1) {
    const next = direction < 0 ? i - 1 : i;
    if (next < 0 || next >= text.length) break;
    if (isSpaceCode(text.charCodeAt(next))) break;
    i += direction;
  }
  return Math.max(0, Math.min(text.length, i));
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * lunr reports whole whitespace-delimited tokens, punctuation included ("officials,");
 * narrows a span to the word inside it so highlights cover words only.
 */
export function tightenSpan<T extends Highlight>(text: string, span: T): T {
  let { start, end } = span;
  while (start < end && !WORD_CHAR.test(text[start] ?? '')) start += 1;
  while (end > start && !WORD_CHAR.test(text[end - 1] ?? '')) end -= 1;
  return start < end ? { ...span, start, end } : span;
}

/** Matches all inside the text, none empty, in order: used as they are, without a copy. */
function usable(text: string, matches: readonly Highlight[]): boolean {
  let start = 0;
  for (const m of matches) {
    if (!(m.end > m.start && m.start >= start && m.end <= text.length)) return false;
    start = m.start;
  }
  return true;
}

/**
 * Builds short excerpts around match spans of `text`. Matches close together share one
 * excerpt; every match inside an excerpt is highlighted.
 */
export function makeSnippets(
  text: string,
  matches: readonly Highlight[],
  options: SnippetOptions = {},
): Snippet[] {
  const context = options.context ?? 70;
  const maxSnippets = options.maxSnippets ?? 3;
  const sorted = usable(text, matches)
    ? matches
    : [...matches]
        .filter((m) => m.end > m.start && m.start >= 0 && m.end <= text.length)
        .sort((a, b) => a.start - b.start);

  const windows: { start: number; end: number; hits: Highlight[] }[] = [];
  for (const match of sorted) {
    const last = windows[windows.length - 1];
    if (last && match.start - context <= last.end) {
      last.end = Math.max(last.end, Math.min(text.length, match.end + context));
      last.hits.push(match);
    } else {
      if (windows.length === maxSnippets) break;
      windows.push({
        start: Math.max(0, match.start - context),
        end: Math.min(text.length, match.end + context),
        hits: [match],
      });
    }
  }

  return windows.map((w) => {
    const start = widenToWordBoundary(text, w.start, -1);
    const end = widenToWordBoundary(text, w.end, 1);
    const lead = start > 0 ? ELLIPSIS : '';
    const tail = end < text.length ? ELLIPSIS : '';
    const body = text.slice(start, end).replace(NEWLINES, ' ');
    const shift = lead.length - start;
    return {
      text: lead + body + tail,
      highlights: w.hits.map((h) => ({ start: h.start + shift, end: h.end + shift })),
      anchor: w.hits[0]?.start ?? start,
    };
  });
}

/** Splits text into plain and highlighted runs, for rendering. */
export function splitHighlights(
  text: string,
  highlights: readonly Highlight[],
): { text: string; hit: boolean }[] {
  const runs: { text: string; hit: boolean }[] = [];
  let cursor = 0;
  for (const h of [...highlights].sort((a, b) => a.start - b.start)) {
    const start = Math.max(h.start, cursor);
    if (h.end <= start) continue;
    if (start > cursor) runs.push({ text: text.slice(cursor, start), hit: false });
    runs.push({ text: text.slice(start, h.end), hit: true });
    cursor = h.end;
  }
  if (cursor < text.length) runs.push({ text: text.slice(cursor), hit: false });
  return runs;
}

/** 1-based page of a text offset, for paginated documents; null for the others. */
export function pageOf(
  pages: readonly { end: number }[] | undefined,
  offset: number,
): number | null {
  if (!pages || pages.length === 0) return null;
  const i = pages.findIndex((p) => offset < p.end);
  return (i < 0 ? pages.length - 1 : i) + 1;
}
