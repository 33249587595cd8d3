import { fromByteArray, toByteArray } from 'base64-js';
import type { Word } from './analyse';
import { isSpaceCode } from '../space';

/**
 * Where each word of a document's body stands, so exact phrases are answered from the index
 * instead of reading every candidate's text. Words are kept as written (lowercased, not
 * stemmed, common words included), so "my experience" finds neither "experiences" nor "an
 * experience".
 *
 * A word's place counts the words before it, plus one for every sentence end (".", "!", "?"
 * or ";" followed by a space, or a Khmer or Burmese full stop) in between, where a mark is
 * stored as if it were a word. So a
 * phrase does not run on from one sentence into the next ("… to an end. Trafficking …" is
 * not "end trafficking", and "end. Trafficking" is not "end the trafficking"), while a line
 * break or a PDF's column join inside a sentence does not matter.
 */

/** What stands at a sentence end's place; no word can be this. */
export const SENTENCE_MARK = '\u0001.';

/** Whether text[from, to) holds a sentence end; read by character codes, as it runs per word. */
function endsSentence(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 46 || c === 33 || c === 63 || c === 59) {
      if (i + 1 < to && isSpaceCode(text.charCodeAt(i + 1))) return true;
    } else if (isFullStop(c)) {
      return true;
    }
  }
  return false;
}
/** Khmer and Burmese full stops end a sentence with or without a space after them. */
const isFullStop = (c: number): boolean => c === 0x17d4 || c === 0x17d5 || c === 0x104b;

/** The place of each word (see above); `words` are `text`'s words in order. */
export function placesOf(text: string, words: readonly Word[]): number[] {
  const places: number[] = [];
  let place = -1;
  let end = -1;
  for (const w of words) {
    place += 1;
    const gap = w.start - end;
    if (
      end >= 0 &&
      (gap > 1 ? endsSentence(text, end, w.start) : gap === 1 && isFullStop(text.charCodeAt(end)))
    )
      place += 1;
    places.push(place);
    end = w.end;
  }
  return places;
}

/** The words with their places, and a sentence mark at every place skipped between two. */
export function withSentenceMarks(
  words: readonly string[],
  places: readonly number[],
): { words: string[]; places: number[] } {
  const out = { words: [] as string[], places: [] as number[] };
  words.forEach((word, i) => {
    const place = places[i] as number;
    if (i > 0 && place - (places[i - 1] as number) === 2) {
      out.words.push(SENTENCE_MARK);
      out.places.push(place - 1);
    }
    out.words.push(word);
    out.places.push(place);
  });
  return out;
}

/**
 * Per word, its places in every document of a segment, as bytes: for each document in
 * ascending order, varints of (document number − previous one, count, place − previous
 * place × count). About 1.3 bytes a word of text.
 */
export class PositionsBuilder {
  private ids = new Map<string, number>();
  private words: string[] = [];
  private buffers: Uint8Array[] = [];
  private lengths: number[] = [];
  private lastRef: number[] = [];
  /** One document's (word id × 2^21 + place), sorted to group each word's places. */
  private pairs = new Float64Array(1024);
  /** The id of each word of the last document added (-1 past the last place kept). */
  wordIds = new Int32Array(1024);

  /**
   * Adds one document's words (see placesOf for their places and the sentence marks), each
   * kept under `prefix` + word, so one field's words stay apart from another's.
   */
  add(ref: number, text: string, found: readonly Word[], prefix = ''): void {
    const needed = found.length * 2;
    if (this.pairs.length < needed) this.pairs = new Float64Array(needed * 2);
    if (this.wordIds.length < found.length) this.wordIds = new Int32Array(found.length * 2);
    const { pairs, wordIds } = this;
    wordIds.fill(-1, 0, found.length);
    const places = placesOf(text, found);
    let n = 0;
    for (let k = 0; k < found.length; k += 1) {
      const place = places[k] as number;
      if (place >= PLACE_SPAN) break;
      // A place skipped since the word before is a sentence end: its mark stands there.
      if (k > 0 && place - (places[k - 1] as number) === 2) {
        pairs[n++] = this.idOf(prefix + SENTENCE_MARK) * PLACE_SPAN + place - 1;
      }
      const word = (found[k] as Word).word;
      const id = this.idOf(prefix === '' ? word : prefix + word);
      wordIds[k] = id;
      pairs[n++] = id * PLACE_SPAN + place;
    }
    const sorted = pairs.subarray(0, n).sort();
    let i = 0;
    while (i < n) {
      const id = Math.floor((sorted[i] as number) / PLACE_SPAN);
      let j = i;
      while (j < n && Math.floor((sorted[j] as number) / PLACE_SPAN) === id) j += 1;
      this.put(id, ref - (this.lastRef[id] as number));
      this.lastRef[id] = ref;
      this.put(id, j - i);
      let previous = 0;
      for (let k = i; k < j; k += 1) {
        const p = (sorted[k] as number) - id * PLACE_SPAN;
        this.put(id, p - previous);
        previous = p;
      }
      i = j;
    }
  }

  finish(): Map<string, Uint8Array> {
    const out = new Map<string, Uint8Array>();
    this.words.forEach((word, id) => {
      out.set(word, (this.buffers[id] as Uint8Array).slice(0, this.lengths[id]));
    });
    return out;
  }

  private idOf(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.push(word) - 1;
      this.ids.set(word, id);
      this.buffers.push(new Uint8Array(8));
      this.lengths.push(0);
      this.lastRef.push(0);
    }
    return id;
  }

  /** Appends a varint to word `id`'s bytes. */
  private put(id: number, value: number): void {
    let buffer = this.buffers[id] as Uint8Array;
    let at = this.lengths[id] as number;
    if (buffer.length < at + 5) {
      const bigger = new Uint8Array(buffer.length * 2 + 5);
      bigger.set(buffer);
      buffer = bigger;
      this.buffers[id] = buffer;
    }
    let v = value;
    while (v >= 0x80) {
      buffer[at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    buffer[at++] = v;
    this.lengths[id] = at;
  }
}

/** Places beyond this in one document are not kept (a body of two million words). */
const PLACE_SPAN = 2 ** 21;

/** One word's places, decoded: document `refs[i]` has places[starts[i] .. starts[i + 1]). */
export interface WordPlaces {
  refs: Int32Array;
  starts: Int32Array;
  places: Int32Array;
}

export function decodePlaces(bytes: Uint8Array): WordPlaces {
  const refs: number[] = [];
  const starts: number[] = [];
  const places: number[] = [];
  let at = 0;
  const next = () => {
    let value = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[at] as number;
      at += 1;
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
      shift += 7;
    }
  };
  let ref = 0;
  while (at < bytes.length) {
    ref += next();
    refs.push(ref);
    starts.push(places.length);
    const count = next();
    let place = 0;
    for (let i = 0; i < count; i += 1) {
      place += next();
      places.push(place);
    }
  }
  starts.push(places.length);
  return {
    refs: Int32Array.from(refs),
    starts: Int32Array.from(starts),
    places: Int32Array.from(places),
  };
}

/** Where `value` is in values[lo .. hi), ascending, or -1. */
function indexIn(values: Int32Array, value: number, lo: number, hi: number): number {
  let a = lo;
  let b = hi - 1;
  while (a <= b) {
    const mid = (a + b) >> 1;
    const v = values[mid] as number;
    if (v === value) return mid;
    if (v < value) a = mid + 1;
    else b = mid - 1;
  }
  return -1;
}

/**
 * The first entry of `list` at or after `from` whose document is `ref` or later: steps of
 * 1, 2, 4… then a binary search, so walking a list in order costs little whether the other
 * word is much rarer or about as common.
 */
function seek(list: WordPlaces, ref: number, from: number): number {
  const { refs } = list;
  let lo = from;
  let step = 1;
  let hi = from;
  while (hi < refs.length && (refs[hi] as number) < ref) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  if (hi > refs.length) hi = refs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((refs[mid] as number) < ref) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const hasPlace = (list: WordPlaces, entry: number, place: number): boolean =>
  indexIn(list.places, place, list.starts[entry] as number, list.starts[entry + 1] as number) >= 0;

/**
 * Documents (by number) where the words stand at the given places relative to each other:
 * `offsets[i]` is word i's place minus word 0's, as in the typed phrase. Given `counts`, it
 * receives how often the phrase stands in each of them.
 */
export function phraseRefs(
  lists: readonly WordPlaces[],
  offsets: readonly number[],
  counts?: number[],
): number[] {
  if (lists.length === 0) return [];
  // Walk the rarest word's documents; look the others up.
  let rarest = 0;
  lists.forEach((l, i) => {
    if (l.refs.length < (lists[rarest] as WordPlaces).refs.length) rarest = i;
  });
  const base = lists[rarest] as WordPlaces;
  const rarestOffset = offsets[rarest] as number;
  const cursors = new Int32Array(lists.length);
  const entries = new Int32Array(lists.length);
  const out: number[] = [];
  for (let e = 0; e < base.refs.length; e += 1) {
    const ref = base.refs[e] as number;
    let all = true;
    for (let i = 0; i < lists.length && all; i += 1) {
      if (i === rarest) continue;
      const list = lists[i] as WordPlaces;
      const at = seek(list, ref, cursors[i] as number);
      cursors[i] = at;
      entries[i] = at;
      all = list.refs[at] === ref;
    }
    if (!all) continue;
    let count = 0;
    for (let p = base.starts[e] as number; p < (base.starts[e + 1] as number); p += 1) {
      const start = (base.places[p] as number) - rarestOffset;
      let holds = start >= 0;
      for (let i = 0; i < lists.length && holds; i += 1) {
        if (i === rarest) continue;
        holds = hasPlace(
          lists[i] as WordPlaces,
          entries[i] as number,
          start + (offsets[i] as number),
        );
      }
      if (holds) {
        count += 1;
        if (!counts) break;
      }
    }
    if (count > 0) {
      out.push(ref);
      counts?.push(count);
    }
  }
  return out;
}

export const placesToText = (bytes: Uint8Array): string => fromByteArray(bytes);
export const placesFromText = (text: string): Uint8Array => toByteArray(text);
