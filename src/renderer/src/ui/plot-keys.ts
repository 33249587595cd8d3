import type { RenderFunction } from '@observablehq/plot';

/**
 * A Plot render transform that makes each drawn mark focusable and names it: Tab reaches it,
 * its accessible name is its label, and its key (data-key) says what Enter or a click opens.
 * Plot draws a mark's elements in the order of its index, which is how they are matched.
 */
export function keyedMarks(
  keyOf: (i: number) => string,
  labelOf: (i: number) => string,
): RenderFunction {
  return (index, scales, values, dimensions, context, next) => {
    const g = next?.(index, scales, values, dimensions, context) ?? null;
    if (!g) return g;
    const elements = [...g.children].filter((c) => c.tagName !== 'title');
    elements.forEach((element, n) => {
      const i = index[n];
      if (i === undefined) return;
      element.setAttribute('data-key', keyOf(i));
      element.setAttribute('tabindex', '0');
      element.setAttribute('role', 'button');
      element.setAttribute('aria-label', labelOf(i));
    });
    return g;
  };
}
