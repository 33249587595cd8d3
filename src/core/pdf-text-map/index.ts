export {
  itemSpansOf,
  mapPageItems,
  pageOfOffset,
  textOffsetAt,
  type ItemSpan,
  type PageTextMap,
} from './pdf-text-map';
