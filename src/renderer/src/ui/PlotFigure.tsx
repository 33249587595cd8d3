import { useEffect, useRef } from 'react';

/**
 * Mounts an SVG made by Observable Plot (or any function returning an element) and lets
 * focusable marks open what they stand for with Enter, Space or a click.
 */
export function PlotFigure({
  make,
  onActivate,
  label,
}: {
  make: () => SVGSVGElement | HTMLElement;
  onActivate?: (key: string) => void;
  label: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const holder = ref.current;
    if (!holder) return;
    const element = make();
    holder.replaceChildren(element);
    return () => element.remove();
  }, [make]);
  const activate = (target: EventTarget | null) => {
    const mark = target instanceof Element ? target.closest('[data-key]') : null;
    const key = mark?.getAttribute('data-key');
    if (key && onActivate) onActivate(key);
  };
  return (
    <div
      ref={ref}
      className="plot"
      role="group"
      aria-label={label}
      onClick={(e) => activate(e.target)}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        activate(e.target);
      }}
    />
  );
}
