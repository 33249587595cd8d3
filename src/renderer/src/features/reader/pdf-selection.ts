import type { TextRange } from '@core/anchoring';
import { textOffsetAt } from '@core/pdf-text-map';
import type { RenderedPage } from './PdfPage';

export interface PdfSelection {
  range: TextRange;
  /** 0-based page the selection starts on. */
  page: number;
}

interface Point {
  page: number;
  item: number;
  char: number;
}

/** A DOM selection end inside a page's text layer, as page, item and character. */
function pointOf(
  node: Node,
  offset: number,
  side: 'start' | 'end',
  pages: ReadonlyMap<number, RenderedPage>,
): Point | null {
  let span: Element | null;
  let char: number;
  if (node.nodeType === Node.TEXT_NODE) {
    span = node.parentElement;
    char = offset;
  } else {
    // Between elements (a drag that ends past a line): the item beside the position.
    const element = node as Element;
    const child = side === 'start' ? element.childNodes[offset] : element.childNodes[offset - 1];
    span = child instanceof Element ? child : null;
    char = side === 'start' ? 0 : (span?.textContent?.length ?? 0);
  }
  const layer = span?.closest<HTMLElement>('.textLayer');
  if (!span || !layer) return null;
  const page = Number(layer.dataset.pageIndex);
  const divs = pages.get(page)?.divs;
  const item = divs ? divs.indexOf(span as HTMLElement) : -1;
  return item >= 0 ? { page, item, char } : null;
}

/**
 * The document range selected in the PDF pages inside `container`, found through each page's
 * item-to-text map; null when the selection is elsewhere or covers no text of the document.
 */
export function pdfSelectedRange(
  container: HTMLElement,
  pages: ReadonlyMap<number, RenderedPage>,
): PdfSelection | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const from = pointOf(range.startContainer, range.startOffset, 'start', pages);
  const to = pointOf(range.endContainer, range.endOffset, 'end', pages);
  if (!from || !to) return null;
  const fromMap = pages.get(from.page)?.map;
  const toMap = pages.get(to.page)?.map;
  if (!fromMap || !toMap) return null;
  const start = textOffsetAt(fromMap, from.item, from.char, 'start');
  const end = textOffsetAt(toMap, to.item, to.char, 'end');
  if (start === null || end === null || end <= start) return null;
  return { range: { start, end }, page: from.page };
}
