import { words } from '../engine/analyse';
import type { Analyse } from '../engine/types';

/** The engine's word splitting without stemming or stop words, for exact phrases. */
export const exactWords: Analyse = (text, language) =>
  words(text, language).map((w) => ({ start: w.start, end: w.end, term: w.word }));
