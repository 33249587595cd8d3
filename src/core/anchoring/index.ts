export {
  describeRange,
  positionSelectorOf,
  quoteSelectorOf,
  DEFAULT_CONTEXT_LENGTH,
  type TextRange,
} from './selectors';
export { anchor, MIN_QUOTE_SIMILARITY, type Anchored, type AnchorMethod } from './anchor';
export { reanchorAnnotation, type ReanchorOutcome } from './reanchor';
