export * from './types';
export { analyse, words, normaliseWord, type Word } from './analyse';
export { createEngine, type Engine, type EngineOptions } from './engine';
export {
  buildSegment,
  segmentFromData,
  segmentToData,
  type Segment,
  type SegmentData,
} from './segment';
export { analysisLanguage, hasStemmer, registerLunrLanguage, termOf } from './languages';
