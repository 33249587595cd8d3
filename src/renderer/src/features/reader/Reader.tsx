import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { describeRange, type TextRange } from '@core/anchoring';
import { TAGS, type Tag } from '@core/model';
import { annotationService } from '../annotations/annotation-service';
import type { PlacedAnnotation } from '../annotations/use-annotations';
import { useDocument } from '../library/use-library';
import { DocumentText } from './DocumentText';
import { SelectionToolbar } from './SelectionToolbar';
import type { Mark } from './segments';
import { selectedRange } from './selection-offsets';
import { isTypingTarget } from '../../ui/keyboard';

interface Props {
  docId: string;
  placed: readonly PlacedAnnotation[];
  /** Search matches to mark; the reader scrolls to the first when `hitsKey` changes. */
  hits: readonly TextRange[];
  hitsKey: number;
  selectedId: string | null;
  onSelect: (annotationId: string | null) => void;
  onEditDetails: () => void;
  onNewVersion: () => void;
}

interface Pending {
  range: TextRange;
  top: number;
  left: number;
}

export function Reader({
  docId,
  placed,
  hits,
  hitsKey,
  selectedId,
  onSelect,
  onEditDetails,
  onNewVersion,
}: Props) {
  const loaded = useDocument(docId);
  const bodyRef = useRef<HTMLDivElement>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const text = loaded?.content.text;

  const marks = useMemo<Mark[]>(() => {
    const out: Mark[] = hits.map((h) => ({ start: h.start, end: h.end }));
    for (const { annotation, range } of placed) {
      if (range) out.push({ ...range, annotation: { id: annotation.id, tag: annotation.tag } });
    }
    return out;
  }, [hits, placed]);

  // Track the selection inside the reader, and where to show the toolbar.
  useEffect(() => {
    const update = () => {
      const body = bodyRef.current;
      if (!body || text === undefined) return;
      const range = selectedRange(body, text);
      if (!range) {
        setPending(null);
        return;
      }
      const rect = window.getSelection()?.getRangeAt(0).getBoundingClientRect();
      const box = body.getBoundingClientRect();
      if (!rect) return;
      setPending({
        range,
        top: rect.top - box.top + body.scrollTop - 44,
        left: Math.max(0, rect.left - box.left + rect.width / 2 - 120),
      });
    };
    document.addEventListener('selectionchange', update);
    return () => document.removeEventListener('selectionchange', update);
  }, [text]);

  const tagSelection = useCallback(
    async (tag: Tag) => {
      if (!pending || !loaded) return;
      const selectors = describeRange(loaded.content.text, pending.range);
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

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const index = ['1', '2', '3'].indexOf(event.key);
      if (index >= 0 && pending) {
        event.preventDefault();
        void tagSelection(TAGS[index] as Tag);
      } else if (event.key === 'Escape') {
        window.getSelection()?.removeAllRanges();
        onSelect(null);
      } else if ((event.key === 'Delete' || event.key === 'Backspace') && selectedId && !pending) {
        event.preventDefault();
        void annotationService.remove(selectedId);
        onSelect(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pending, tagSelection, onSelect, selectedId]);

  // Opening a search result: bring its first hit into view.
  useLayoutEffect(() => {
    if (hits.length === 0) return;
    bodyRef.current?.querySelector('.search-hit')?.scrollIntoView({ block: 'center' });
  }, [hitsKey, hits.length, loaded]);

  useLayoutEffect(() => {
    if (!selectedId) return;
    bodyRef.current
      ?.querySelector(`[data-annotation-ids~="${CSS.escape(selectedId)}"]`)
      ?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, loaded]);

  const onClick = (event: React.MouseEvent) => {
    if (!window.getSelection()?.isCollapsed) return;
    const target = (event.target as HTMLElement).closest<HTMLElement>('[data-annotation-ids]');
    const ids = target?.dataset.annotationIds?.split(' ') ?? [];
    onSelect(ids[ids.length - 1] ?? null);
  };

  if (loaded === undefined) return <div className="reader muted">Opening…</div>;
  if (loaded === null)
    return <div className="reader muted">This document is no longer in the library.</div>;
  const { record, content } = loaded;
  return (
    <article className="reader" aria-label="Reader">
      <header className="reader-header">
        <h1>{record.title}</h1>
        <p className="meta">
          <span>{record.source ?? 'Unknown source'}</span>
          <span>{record.date ?? 'Undated'}</span>
          {record.author ? <span>{record.author}</span> : null}
          {record.url ? <span className="url">{record.url}</span> : null}
          {record.pageCount ? <span>{record.pageCount} pages</span> : null}
          {record.version && record.version > 1 ? <span>version {record.version}</span> : null}
        </p>
        {record.flags?.includes('no-text') ? (
          <p className="reader-flag" role="note">
            No text: this file has no text layer (a scan?), so it cannot be searched or tagged.
          </p>
        ) : null}
        <div className="reader-actions">
          <button type="button" onClick={onEditDetails}>
            Edit details
          </button>
          <button type="button" onClick={onNewVersion}>
            Import new version…
          </button>
        </div>
      </header>
      <div className="reader-body" ref={bodyRef} onClick={onClick} data-testid="reader-body">
        <DocumentText
          text={content.text}
          blocks={content.blocks}
          pages={content.pages}
          marks={marks}
          selectedId={selectedId}
        />
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
