import { describeRange } from '@core/anchoring';
import type { AnnotationTarget } from '@core/model';
import { selectedRange } from '../reader/selection-offsets';

/**
 * A target for the text now selected in the reader, or null when nothing is selected there.
 * Read from the page's selection so re-attaching needs nothing from the reader but its body.
 */
export function targetOfReaderSelection(
  text: string,
  contentHash: string,
): AnnotationTarget | null {
  const body = document.querySelector<HTMLElement>('[data-testid="reader-body"]');
  if (!body) return null;
  const range = selectedRange(body, text);
  return range ? { contentHash, selectors: describeRange(text, range) } : null;
}
