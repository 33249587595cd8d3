import { useCallback, useEffect, useState } from 'react';
import type { MetaPatch } from '@core/meta-patch';
import { toggleFilter, NO_FILTERS, type FacetGroup } from '@core/search/query/facets';
import { documentsRepo } from '../../db/documents-repo';
import { isDialogOpen } from '../../ui/Dialog';
import { isTypingTarget } from '../../ui/keyboard';
import { notify } from '../../ui/notices';
import { ResizeHandle, usePanelWidth } from '../../ui/ResizeHandle';
import { useStore } from '../../ui/store';
import { NOTE_FIELD_ID } from '../annotations/AnnotationDetails';
import { AnnotationPanel } from '../annotations/AnnotationPanel';
import { annotationService } from '../annotations/annotation-service';
import { LinkPicker } from '../annotations/LinkPicker';
import { useDocumentAnnotations, usePlacedAnnotations } from '../annotations/use-annotations';
import { MetadataEditor } from '../library/MetadataEditor';
import { useDocument } from '../library/use-library';
import { AnnotationResults } from '../search/AnnotationResults';
import { SearchResults } from '../search/SearchResults';
import { searchService } from '../search/search-service';
import { searchStore } from '../search/search-store';
import type { ResultItem, SearchState } from '../search/use-search';
import type { AnnotationSearchState } from '../search/use-annotation-search';
import { navigate } from '../workspace/route-store';
import { Reader } from './Reader';
import { openAnnotation, openDocument, readerStore, selectAnnotation } from './reader-store';
import { targetOfSelection } from './reader-selection';

interface Props {
  docId: string | null;
  search: SearchState;
  annotationSearch: AnnotationSearchState;
  /** Asks for a file and imports it as a new version of the document. */
  onNewVersion: (docId: string) => void;
}

/** The reader, with search results beside it while a search is open and the annotations panel. */
export function ReaderView({ docId, search, annotationSearch, onNewVersion }: Props) {
  const { query, scope, filters } = useStore(searchStore);
  const { selectedId, hits } = useStore(readerStore);
  const [editing, setEditing] = useState(false);
  const [linking, setLinking] = useState(false);
  const open = useDocument(docId);
  const annotations = useDocumentAnnotations(docId);
  const placed = usePlacedAnnotations(annotations, open?.content.text, open?.content.pages);
  const selected = placed.find((p) => p.annotation.id === selectedId)?.annotation ?? null;
  const results = usePanelWidth('search-results', 480, 280, 900);
  const panel = usePanelWidth('annotations', 340);
  const searching = query.trim() !== '';

  const reattach = useCallback(
    (annotationId: string) => {
      if (!open) return;
      const target = targetOfSelection(open.record.id, open.content.text, open.record.contentHash);
      if (!target) {
        notify('Select the passage in the text first, then press Re-attach here.');
        return;
      }
      window.getSelection()?.removeAllRanges();
      void annotationService.update(annotationId, { target });
    },
    [open],
  );

  const saveDetails = useCallback(
    async (patch: MetaPatch) => {
      if (!docId) return;
      await documentsRepo().updateMeta(docId, patch);
      setEditing(false);
      void searchService.rebuild();
    },
    [docId],
  );

  // n and l act on the selected annotation; 1/2/3, Delete and j/k are the reader's own.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isDialogOpen() || !selectedId) return;
      if (event.key === 'n') {
        event.preventDefault();
        document.getElementById(NOTE_FIELD_ID)?.focus();
      } else if (event.key === 'l') {
        event.preventDefault();
        setLinking(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selectedId]);

  const openResult = useCallback(
    (item: ResultItem, hitIndex: number) => openDocument(item.doc.id, item.bodyMatches, hitIndex),
    [],
  );
  const toggleFacet = useCallback(
    (group: FacetGroup, value: string) =>
      searchStore.set((s) => ({ ...s, filters: toggleFilter(s.filters, group, value) })),
    [],
  );

  return (
    <div className="view-reader">
      {searching ? (
        <>
          <div className="side-panel search-side" style={{ width: results.width }}>
            {scope === 'documents' ? (
              <SearchResults
                state={search}
                filters={filters}
                onToggle={toggleFacet}
                onClear={() => searchStore.set((s) => ({ ...s, filters: NO_FILTERS }))}
                onOpen={openResult}
              />
            ) : (
              <AnnotationResults state={annotationSearch} onOpen={openAnnotation} />
            )}
          </div>
          <ResizeHandle
            label="Resize search results"
            width={results.width}
            min={results.min}
            max={results.max}
            onWidth={results.setWidth}
          />
        </>
      ) : null}
      <section className="center" aria-label="Document">
        {docId && open === null ? (
          <p className="placeholder">
            This document is no longer in the library.{' '}
            <button type="button" onClick={() => navigate({ view: 'library' })}>
              Go to the Library
            </button>
          </p>
        ) : docId ? (
          <Reader
            docId={docId}
            placed={placed}
            hits={hits.ranges}
            hitsKey={hits.key}
            hitFocus={hits.focus}
            selectedId={selectedId}
            onSelect={selectAnnotation}
            onEditDetails={() => setEditing(true)}
            onNewVersion={() => onNewVersion(docId)}
          />
        ) : (
          <p className="muted placeholder">
            Open a document from the{' '}
            <a
              href="#/library"
              onClick={(e) => {
                e.preventDefault();
                navigate({ view: 'library' });
              }}
            >
              Library
            </a>{' '}
            or the search results.
          </p>
        )}
      </section>
      {docId && open ? (
        <>
          <ResizeHandle
            label="Resize annotations panel"
            width={panel.width}
            min={panel.min}
            max={panel.max}
            onWidth={panel.setWidth}
            panelOnRight
          />
          <div className="side-panel annotations-side" style={{ width: panel.width }}>
            <AnnotationPanel
              placed={placed}
              selectedId={selectedId}
              onSelect={selectAnnotation}
              docDate={open.record.date ?? null}
              onLink={() => setLinking(true)}
              onDossier={(pledgeId) => navigate({ view: 'dossiers', pledgeId })}
              onReattach={reattach}
            />
          </div>
        </>
      ) : null}
      {editing && open ? (
        <MetadataEditor
          key={open.record.id}
          record={open.record}
          onSave={saveDetails}
          onCancel={() => setEditing(false)}
        />
      ) : null}
      {linking && selected ? (
        <LinkPicker key={selected.id} from={selected} onClose={() => setLinking(false)} />
      ) : null}
    </div>
  );
}
