import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { TextLayer, type PDFDocumentProxy, type RenderTask } from 'pdfjs-dist';
import { TAG_LABELS, type Page } from '@core/model';
import { itemSpansOf, mapPageItems, type PageTextMap } from '@core/pdf-text-map';
import type { PageSize } from './pdf-engine';
import type { Mark } from './segments';

/** What the reader needs to turn a selection in a page's text layer into document offsets. */
export interface RenderedPage {
  map: PageTextMap;
  divs: readonly HTMLElement[];
}

export interface Focus {
  start: number;
  end: number;
  key: number;
}

interface Props {
  pdf: PDFDocumentProxy;
  index: number;
  size: PageSize;
  scale: number;
  text: string;
  page: Page;
  marks: readonly Mark[];
  selectedId: string | null;
  focus: Focus | null;
  root: HTMLElement | null;
  onRendered: (index: number, page: RenderedPage | null) => void;
}

interface Box {
  key: string;
  /** The mark's range in the document text. */
  start: number;
  end: number;
  left: number;
  top: number;
  width: number;
  height: number;
  className: string;
  annotationId?: string;
  label?: string;
}

interface Drawn {
  boxes: Box[];
  rendered: RenderedPage | null;
  marks: readonly Mark[] | null;
  selectedId: string | null | undefined;
}

const NOTHING_DRAWN: Drawn = { boxes: [], rendered: null, marks: null, selectedId: undefined };

/** Pages this far outside the scrolled view are drawn ahead, so scrolling meets drawn pages. */
const AHEAD = '1000px 0px';

/**
 * One PDF page: a placeholder of the page's size until it scrolls near the view, then the
 * canvas, pdf.js's selectable text layer, and the highlights and find matches drawn as boxes
 * over the words that show them.
 */
export const PdfPage = memo(function PdfPage({
  pdf,
  index,
  size,
  scale,
  text,
  page,
  marks,
  selectedId,
  focus,
  root,
  onRendered,
}: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const layerRef = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [rendered, setRendered] = useState<(RenderedPage & { scale: number }) | null>(null);
  // The boxes drawn, and the marks and selection they were measured for: a focus request waits
  // until the boxes in the page are those of the current selection.
  const [drawn, setDrawn] = useState<Drawn>(NOTHING_DRAWN);
  const boxes = drawn.boxes;
  const drawing = useRef<RenderTask | null>(null);
  // By value: a re-read of the document hands over equal pages as new objects.
  const { start, end } = page;

  // Pages far from the view give their canvas back, so a long report does not hold every page.
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1];
        if (entry) setNear(entry.isIntersecting);
      },
      { root, rootMargin: AHEAD },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [root]);

  useEffect(() => {
    const canvas = canvasRef.current;
    const layer = layerRef.current;
    if (!canvas || !layer) return;
    if (!near) {
      canvas.width = 0;
      canvas.height = 0;
      layer.replaceChildren();
      setRendered(null);
      onRendered(index, null);
      return;
    }
    let cancelled = false;
    let textLayer: TextLayer | null = null;
    void (async () => {
      // pdf.js refuses a second render into a canvas still being drawn: let the last one stop.
      const previous = drawing.current;
      previous?.cancel();
      await previous?.promise.catch(() => undefined);
      const pdfPage = await pdf.getPage(index + 1);
      if (cancelled) return;
      const viewport = pdfPage.getViewport({ scale });
      const ratio = window.devicePixelRatio || 1;
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      drawing.current = pdfPage.render({
        canvas,
        viewport,
        transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0],
      });
      const content = await pdfPage.getTextContent();
      if (cancelled) return;
      layer.replaceChildren();
      textLayer = new TextLayer({ textContentSource: content, container: layer, viewport });
      await textLayer.render();
      if (cancelled) return;
      const map = mapPageItems(text, { start, end }, textLayer.textContentItemsStr);
      const next = { map, divs: textLayer.textDivs, scale };
      setRendered(next);
      onRendered(index, next);
    })().catch(() => undefined);
    return () => {
      cancelled = true;
      drawing.current?.cancel();
      textLayer?.cancel();
    };
  }, [near, pdf, index, scale, text, start, end, onRendered]);

  useEffect(() => () => onRendered(index, null), [index, onRendered]);

  // Boxes are measured from the laid-out text layer, so they follow pdf.js's own placement.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!rendered || !element) return setDrawn(NOTHING_DRAWN);
    const origin = element.getBoundingClientRect();
    const out: Box[] = [];
    const onPage = marks.filter((m) => m.end > start && m.start < end);
    onPage.forEach((mark, m) => {
      const id = mark.annotation?.id;
      const classes = mark.annotation
        ? ['pdf-mark', 'hl', `hl-${mark.annotation.tag}`]
        : ['pdf-mark', 'search-hit'];
      if (id && id === selectedId) classes.push('hl-selected');
      if (mark.current) classes.push('current');
      let first = true;
      for (const span of itemSpansOf(rendered.map, mark)) {
        const node = rendered.divs[span.item]?.firstChild;
        if (!node) continue;
        const range = document.createRange();
        range.setStart(node, span.from);
        range.setEnd(node, Math.min(span.to, node.textContent?.length ?? span.to));
        for (const rect of range.getClientRects()) {
          out.push({
            key: `${m}-${out.length}`,
            start: mark.start,
            end: mark.end,
            left: rect.left - origin.left,
            top: rect.top - origin.top,
            width: rect.width,
            height: rect.height,
            className: classes.join(' '),
            annotationId: id,
            label:
              first && mark.annotation && mark.start >= start
                ? TAG_LABELS[mark.annotation.tag]
                : undefined,
          });
          first = false;
        }
      }
    });
    setDrawn({ boxes: out, rendered, marks, selectedId });
  }, [rendered, marks, selectedId, start, end]);

  // Scroll to a focus request once: to the page while it is a placeholder, then to the words.
  const doneFocus = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (!focus || focus.key === doneFocus.current) return;
    if (focus.end <= start || focus.start >= end) return;
    const element = ref.current;
    if (!element) return;
    if (!rendered) {
      element.scrollIntoView({ block: 'start' });
      return;
    }
    // The boxes of a new selection are drawn one render after it: until then, ask again.
    if (drawn.rendered !== rendered || drawn.marks !== marks || drawn.selectedId !== selectedId) {
      return;
    }
    // The box of what was asked for: the selected highlight or the current match, whichever
    // the request names, even where both are on the page.
    const exact = drawn.boxes.findIndex((b) => b.start === focus.start && b.end === focus.end);
    const at =
      exact >= 0 ? exact : drawn.boxes.findIndex((b) => b.end > focus.start && b.start < focus.end);
    const target = at >= 0 ? element.querySelectorAll('.pdf-marks > .pdf-mark')[at] : null;
    (target ?? element).scrollIntoView({ block: 'center' });
    doneFocus.current = focus.key;
  }, [focus, rendered, drawn, start, end, marks, selectedId]);

  return (
    <div
      ref={ref}
      className="pdf-page"
      data-page-number={index + 1}
      aria-label={`Page ${index + 1}`}
      role="region"
      style={{
        width: size.width * scale,
        height: size.height * scale,
        ['--total-scale-factor' as string]: scale,
      }}
    >
      <canvas
        ref={canvasRef}
        style={{ width: size.width * scale, height: size.height * scale }}
        aria-hidden="true"
      />
      <div className="pdf-marks" aria-hidden="true">
        {boxes.map((box) => (
          <div
            key={box.key}
            className={box.className}
            data-annotation-id={box.annotationId}
            data-label={box.label}
            style={{ left: box.left, top: box.top, width: box.width, height: box.height }}
          />
        ))}
      </div>
      <div ref={layerRef} className="textLayer" data-page-index={index} />
      {rendered ? null : <p className="pdf-page-loading muted">Page {index + 1}</p>}
    </div>
  );
});
