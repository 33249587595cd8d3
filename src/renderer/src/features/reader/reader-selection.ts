import { describeRange, type TextRange } from '@core/anchoring';
import type { AnnotationTarget, Selector } from '@core/model';

export interface ReaderSelection {
  docId: string;
  range: TextRange;
  /** 0-based page the selection starts on, for PDFs. */
  page: number | null;
}

// The reader is the one place that can turn a DOM selection into document offsets (in the
// reading text or in a PDF's text layer), so it publishes what is selected for other panels.
let current: ReaderSelection | null = null;

export function setReaderSelection(selection: ReaderSelection | null): void {
  current = selection;
}

export function readerSelection(): ReaderSelection | null {
  return current;
}

/** Selectors for a selection in a document's text: quote, position and (for PDFs) page. */
export function selectorsFor(text: string, range: TextRange, page: number | null): Selector[] {
  const selectors: Selector[] = describeRange(text, range);
  if (page !== null) selectors.push({ type: 'PageSelector', index: page });
  return selectors;
}

/** A target for what is selected now in document `docId`, or null when nothing is. */
export function targetOfSelection(
  docId: string,
  text: string,
  contentHash: string,
): AnnotationTarget | null {
  const selected = current;
  if (!selected || selected.docId !== docId) return null;
  return { contentHash, selectors: selectorsFor(text, selected.range, selected.page) };
}
