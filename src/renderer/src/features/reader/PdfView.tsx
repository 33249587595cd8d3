import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { Page } from '@core/model';
import type { OpenPdf } from './pdf-engine';
import { PdfPage, type Focus, type RenderedPage } from './PdfPage';
import type { Mark } from './segments';

interface Props {
  doc: OpenPdf;
  text: string;
  pages: readonly Page[];
  marks: readonly Mark[];
  selectedId: string | null;
  focus: Focus | null;
  /** The scrolling element the pages are in. */
  scroller: RefObject<HTMLDivElement | null>;
  /** Pages drawn so far, for turning a selection into document offsets. */
  rendered: Map<number, RenderedPage>;
}

const MIN_SCALE = 0.25;
const MAX_SCALE = 4;
const STEP = 1.2;
/** Room left beside a page fitted to the width (padding and the scrollbar). */
const FIT_MARGIN = 48;

/**
 * The PDF as pages: a toolbar (zoom, fit width, go to page) and every page as a placeholder of
 * its own size, drawn when it comes near the view.
 */
export function PdfView({ doc, text, pages, marks, selectedId, focus, scroller, rendered }: Props) {
  const [root, setRoot] = useState<HTMLElement | null>(null);
  const [scale, setScale] = useState<number | null>(null);
  const [goTo, setGoTo] = useState('');
  const count = doc.sizes.length;

  const fitWidth = useCallback(() => {
    const width = scroller.current?.clientWidth ?? 800;
    const widest = Math.max(...doc.sizes.map((s) => s.width), 1);
    setScale(clamp((width - FIT_MARGIN) / widest));
  }, [doc, scroller]);

  useEffect(() => {
    setRoot(scroller.current);
    fitWidth();
  }, [scroller, fitWidth]);

  const onRendered = useCallback(
    (index: number, page: RenderedPage | null) => {
      if (page) rendered.set(index, page);
      else rendered.delete(index);
    },
    [rendered],
  );

  const showPage = (n: number) => {
    const page = scroller.current?.querySelector(`.pdf-page[data-page-number="${n}"]`);
    page?.scrollIntoView({ block: 'start' });
  };

  return (
    <div className="pdf-view">
      <div className="pdf-toolbar" role="toolbar" aria-label="PDF pages">
        <button
          type="button"
          onClick={() => setScale((s) => clamp((s ?? 1) / STEP))}
          aria-label="Zoom out"
          title="Zoom out"
        >
          −
        </button>
        <span className="pdf-zoom" aria-live="polite">
          {Math.round((scale ?? 1) * 100)}%
        </span>
        <button
          type="button"
          onClick={() => setScale((s) => clamp((s ?? 1) * STEP))}
          aria-label="Zoom in"
          title="Zoom in"
        >
          +
        </button>
        <button type="button" onClick={fitWidth}>
          Fit width
        </button>
        <form
          className="pdf-goto"
          onSubmit={(event) => {
            event.preventDefault();
            const n = Number(goTo);
            if (Number.isInteger(n) && n >= 1 && n <= count) showPage(n);
          }}
        >
          <label>
            Go to page
            <input
              type="number"
              min={1}
              max={count}
              value={goTo}
              onChange={(e) => setGoTo(e.target.value)}
            />
          </label>
          <span className="muted">of {count}</span>
        </form>
      </div>
      {scale === null
        ? null
        : doc.sizes.map((size, i) => (
            <PdfPage
              key={i}
              pdf={doc.pdf}
              index={i}
              size={size}
              scale={scale}
              text={text}
              page={pages[i] ?? EMPTY_PAGE}
              marks={marks}
              selectedId={selectedId}
              focus={focus}
              root={root}
              onRendered={onRendered}
            />
          ))}
    </div>
  );
}

const EMPTY_PAGE: Page = { start: 0, end: 0 };

function clamp(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, Math.round(scale * 100) / 100));
}
