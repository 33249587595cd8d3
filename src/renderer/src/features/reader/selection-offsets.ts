import type { TextRange } from '@core/anchoring';

function blockOf(node: Node): HTMLElement | null {
  const element = node instanceof HTMLElement ? node : node.parentElement;
  return element?.closest<HTMLElement>('[data-start]') ?? null;
}

/** Offset in the document text of a DOM position inside the reader. */
function textOffset(container: HTMLElement, node: Node, offset: number): number | null {
  const block = blockOf(node);
  if (block && container.contains(block)) {
    const range = document.createRange();
    range.setStart(block, 0);
    range.setEnd(node, offset);
    return Number(block.dataset.start) + range.toString().length;
  }
  // A position between blocks (e.g. after a triple click): use the block that follows it.
  if (node instanceof Element && container.contains(node)) {
    const next = node.childNodes[offset];
    const following =
      next instanceof HTMLElement
        ? next.matches('[data-start]')
          ? next
          : next.querySelector<HTMLElement>('[data-start]')
        : null;
    if (following) return Number(following.dataset.start);
    const blocks = node.querySelectorAll<HTMLElement>('[data-end]');
    const last = blocks[blocks.length - 1];
    if (last) return Number(last.dataset.end);
  }
  return null;
}

/**
 * The document range the user selected inside `container`, trimmed of surrounding
 * whitespace; null when nothing (or nothing but whitespace) is selected there.
 */
export function selectedRange(container: HTMLElement, text: string): TextRange | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  let start = textOffset(container, range.startContainer, range.startOffset);
  let end = textOffset(container, range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  if (end < start) [start, end] = [end, start];
  while (start < end && /\s/.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
  return end > start ? { start, end } : null;
}
