import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { TextRange } from '@core/anchoring';
import type { Tag } from '@core/model';
import { pageOfOffset } from '@core/pdf-text-map';
import { annotationService } from '../annotations/annotation-service';
import type { PlacedAnnotation } from '../annotations/use-annotations';
import { useDocument } from '../library/use-library';
import { DocumentText } from './DocumentText';
import { FindBar } from './FindBar';
import type { Focus, RenderedPage } from './PdfPage';
import { pdfSelectedRange } from './pdf-selection';
import { PdfView } from './PdfView';
import { selectorsFor, setReaderSelection } from './reader-selection';
import { SelectionToolbar } from './SelectionToolbar';
import type { Mark } from './segments';
import { selectedRange } from './selection-offsets';
import { useFind } from './use-find';
import { usePdf } from './use-pdf';
import { useReaderKeys } from './use-reader-keys';

interface Props {
  docId: string;
  placed: readonly PlacedAnnotation[];
  /** Search matches to mark; next/previous in the find bar step through them. */
  hits: readonly TextRange[];
  /** Changes when the reader is opened from another search result. */
  hitsKey: number;
  /** Index into `hits` of the hit to show first. */
  hitFocus?: number;
  selectedId: string | null;
  onSelect: (annotationId: string | null) => void;
  onEditDetails: () => void;
  onNewVersion: () => void;
}

interface Pending {
  range: TextRange;
  /** 0-based page, for PDFs. */
  page: number | null;
  top: number;
  left: number;
}

type View = 'pdf' | 'text';

export function Reader({
  docId,
  placed,
  hits,
  hitsKey,
  hitFocus = 0,
  selectedId,
  onSelect,
  onEditDetails,
  onNewVersion,
}: Props) {
  const loaded = useDocument(docId);
  const bodyRef = useRef<HTMLDivElement>(null);
  const rendered = useMemo(() => new Map<number, RenderedPage>(), []);
  const [pending, setPending] = useState<Pending | null>(null);
  const [chosenView, setView] = useState<View | null>(null);
  const [focus, setFocus] = useState<Focus | null>(null);
  const [findFocusKey, setFindFocusKey] = useState(0);
  const text = loaded?.content.text;
  const pages = loaded?.content.pages;
  const record = loaded?.record;
  const isPdf = record?.format === 'pdf' && !record.flags?.includes('no-text');
  const view: View = isPdf ? (chosenView ?? 'pdf') : 'text';
  const pdf = usePdf(isPdf ? docId : null, record?.version ?? 1);
  const find = useFind(text, hits, hitsKey, hitFocus);

  // Another document opens in its own default view, with nothing of the last one to show.
  useEffect(() => {
    setView(null);
    setFocus(null);
  }, [docId]);

  const current = find.ranges[find.index];
  const marks = useMemo<Mark[]>(() => {
    const out: Mark[] = find.ranges.map((r, i) => ({ ...r, current: i === find.index }));
    // While finding other words, the search hits stay marked, without stepping.
    if (find.kind === 'matches') hits.forEach((h) => out.push({ start: h.start, end: h.end }));
    for (const { annotation, range } of placed) {
      if (range) out.push({ ...range, annotation: { id: annotation.id, tag: annotation.tag } });
    }
    return out;
  }, [find.kind, find.ranges, find.index, hits, placed]);

  // Show the current find match or search hit whenever it changes.
  useEffect(() => {
    if (current) setFocus((f) => ({ ...current, key: (f?.key ?? 0) + 1 }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [find.stepKey, loaded === undefined]);

  // Show the selected annotation (clicked in the panel, or reached with j/k).
  useEffect(() => {
    const range = placed.find((p) => p.annotation.id === selectedId)?.range;
    if (range) setFocus((f) => ({ start: range.start, end: range.end, key: (f?.key ?? 0) + 1 }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedId]);

  // Switching between PDF pages and reading text shows again what was shown last.
  useEffect(() => setFocus((f) => (f ? { ...f, key: f.key + 1 } : f)), [view]);

  // Track the selection inside the reader, and where to show the toolbar.
  useEffect(() => {
    const update = () => {
      const body = bodyRef.current;
      if (!body || text === undefined) return;
      const found =
        view === 'pdf'
          ? pdfSelectedRange(body, rendered)
          : (() => {
              const range = selectedRange(body, text);
              return range
                ? { range, page: pages ? pageOfOffset(pages, range.start) : null }
                : null;
            })();
      setReaderSelection(found ? { docId, ...found } : null);
      if (!found) {
        setPending(null);
        return;
      }
      const rect = window.getSelection()?.getRangeAt(0).getBoundingClientRect();
      const box = body.getBoundingClientRect();
      if (!rect) return;
      setPending({
        ...found,
        top: rect.top - box.top + body.scrollTop - 44,
        left: Math.max(0, rect.left - box.left + body.scrollLeft + rect.width / 2 - 120),
      });
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [docId, text, pages, view, rendered]);

  const tagSelection = useCallback(
    async (tag: Tag) => {
      if (!pending || !loaded) return;
      const selectors = selectorsFor(loaded.content.text, pending.range, pending.page);
      const created = await annotationService.create({
        docId,
        tag,
        target: { contentHash: loaded.record.contentHash, selectors },
      });
      window.getSelection()?.removeAllRanges();
      setPending(null);
      onSelect(created.id);
    },
    [pending, loaded, docId, onSelect],
  );

  const nextHighlight = useCallback(
    (direction: 1 | -1) => {
      const list = placed.filter((p) => p.range !== null);
      if (list.length === 0) return;
      const at = list.findIndex((p) => p.annotation.id === selectedId);
      const next =
        at < 0
          ? direction === 1
            ? 0
            : list.length - 1
          : (at + direction + list.length) % list.length;
      onSelect(list[next]?.annotation.id ?? null);
    },
    [placed, selectedId, onSelect],
  );

  useReaderKeys({
    canTag: pending !== null,
    tag: (tag) => void tagSelection(tag),
    clear: () => {
      window.getSelection()?.removeAllRanges();
      onSelect(null);
    },
    remove: selectedId
      ? () => {
          void annotationService.remove(selectedId);
          onSelect(null);
        }
      : null,
    openFind: () => {
      find.setOpen(true);
      setFindFocusKey((k) => k + 1);
    },
    nextHighlight,
  });

  // In the reading text, scroll to what was asked for once it is drawn.
  useLayoutEffect(() => {
    if (view !== 'text' || !focus) return;
    const body = bodyRef.current;
    const selected = placed.find((p) => p.annotation.id === selectedId)?.range;
    const showSelected = selected?.start === focus.start && selected.end === focus.end;
    const target =
      showSelected && selectedId
        ? body?.querySelector(`[data-annotation-ids~="${CSS.escape(selectedId)}"]`)
        : body?.querySelector('.search-hit.current');
    target?.scrollIntoView({ block: 'center' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus?.key, view]);

  const onClick = (event: React.MouseEvent) => {
    if (!window.getSelection()?.isCollapsed) return;
    if (view === 'pdf') {
      const hit = [...(bodyRef.current?.querySelectorAll<HTMLElement>('.pdf-mark.hl') ?? [])]
        .reverse()
        .find((mark) => contains(mark.getBoundingClientRect(), event.clientX, event.clientY));
      onSelect(hit?.dataset.annotationId ?? null);
      return;
    }
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-annotation-ids]');
    const ids = target?.dataset.annotationIds?.split(' ') ?? [];
    onSelect(ids[ids.length - 1] ?? null);
  };

  if (loaded === undefined) return <div className="reader muted">Opening…</div>;
  if (loaded === null)
    return <div className="reader muted">This document is no longer in the library.</div>;
  const { content } = loaded;
  const doc = loaded.record;
  return (
    <article className="reader" aria-label="Reader">
      <header className="reader-header">
        <h1>{doc.title}</h1>
        <p className="meta">
          <span>{doc.source ?? 'Unknown source'}</span>
          <span>{doc.date ?? 'Undated'}</span>
          {doc.author ? <span>{doc.author}</span> : null}
          {doc.url ? <span className="url">{doc.url}</span> : null}
          {doc.pageCount ? <span>{doc.pageCount} pages</span> : null}
          {doc.version && doc.version > 1 ? <span>version {doc.version}</span> : null}
        </p>
        {doc.flags?.includes('no-text') ? (
          <p className="reader-flag" role="note">
            No text: this file has no text layer (a scan?), so it cannot be searched or tagged.
          </p>
        ) : null}
        <div className="reader-actions">
          {isPdf ? (
            <span className="view-switch" role="group" aria-label="Show as">
              <button type="button" aria-pressed={view === 'pdf'} onClick={() => setView('pdf')}>
                PDF pages
              </button>
              <button type="button" aria-pressed={view === 'text'} onClick={() => setView('text')}>
                Reading text
              </button>
            </span>
          ) : null}
          <button
            type="button"
            aria-pressed={find.open}
            onClick={() => {
              find.setOpen(!find.open);
              setFindFocusKey((k) => k + 1);
            }}
            aria-keyshortcuts="Control+F"
          >
            Find in document
          </button>
          <button type="button" onClick={onEditDetails}>
            Edit details
          </button>
          <button type="button" onClick={onNewVersion}>
            Import new version…
          </button>
        </div>
        {find.open ? <FindBar find={find} focusKey={findFocusKey} /> : null}
      </header>
      <div
        className={`reader-body${view === 'pdf' ? ' pdf-mode' : ''}`}
        ref={bodyRef}
        onClick={onClick}
        data-testid="reader-body"
        // Scrolled by keyboard too: the arrows and Page Down move through the text.
        tabIndex={0}
        role="region"
        aria-label="Document text"
      >
        {view === 'text' ? (
          <DocumentText
            text={content.text}
            blocks={content.blocks}
            pages={content.pages}
            marks={marks}
            selectedId={selectedId}
          />
        ) : pdf.status === 'ready' ? (
          <PdfView
            doc={pdf.doc}
            text={content.text}
            pages={content.pages ?? []}
            marks={marks}
            selectedId={selectedId}
            focus={focus}
            scroller={bodyRef}
            rendered={rendered}
          />
        ) : pdf.status === 'failed' ? (
          <p className="muted" role="alert">
            The PDF could not be shown ({pdf.reason}). Its text is under “Reading text”.
          </p>
        ) : (
          <p className="muted">Opening the PDF…</p>
        )}
        {pending ? (
          <SelectionToolbar
            top={pending.top}
            left={pending.left}
            onTag={(tag) => void tagSelection(tag)}
          />
        ) : null}
      </div>
    </article>
  );
}

function contains(rect: DOMRect, x: number, y: number): boolean {
  return x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;
}
