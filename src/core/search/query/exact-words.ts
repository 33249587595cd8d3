import { units } from '../engine/analyse';
import { placesOf } from '../engine/positions';
import type { Analyse } from '../engine/types';

/**
 * The engine's word splitting without stemming or stop words, with each word's place as
 * the index keeps it, for exact phrases; text in Thai, Lao, Khmer and Burmese comes as the
 * index's pairs of clusters.
 */
export const exactWords: Analyse = (text, language) => {
  const found = units(text, language);
  const places = placesOf(text, found);
  return found.map((w, i) => ({ start: w.start, end: w.end, term: w.word, place: places[i] }));
};
