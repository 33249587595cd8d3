import { useCallback, useEffect, useState } from 'react';
import type { TextRange } from '@core/anchoring';
import type { MetaPatch } from '@core/meta-patch';
import { NO_FILTERS, toggleFilter, type FacetGroup } from '@core/search/query/facets';
import { AppToolbar } from './AppToolbar';
import { documentsRepo } from './db/documents-repo';
import { importRunsRepo } from './db/import-runs-repo';
import { AnnotationPanel } from './features/annotations/AnnotationPanel';
import { annotationService } from './features/annotations/annotation-service';
import {
  useAnnotationCounts,
  useDocumentAnnotations,
  usePlacedAnnotations,
} from './features/annotations/use-annotations';
import { LinkPicker } from './features/annotations/LinkPicker';
import { NOTE_FIELD_ID } from './features/annotations/AnnotationDetails';
import { ShortcutsDialog } from './features/annotations/ShortcutsDialog';
import { AllAnnotations } from './features/all-annotations/AllAnnotations';
import { NeedsReview } from './features/all-annotations/NeedsReview';
import { PledgeDossier } from './features/dossier/PledgeDossier';
import { exportReport } from './features/export/export-report';
import { ExchangeCenter } from './features/exchange/ExchangeCenter';
import { isExchangeCommand, runExchangeCommand } from './features/exchange/exchange-commands';
import { ImportProgressPanel } from './features/import/ImportProgressPanel';
import { ImportSummary } from './features/import/ImportSummary';
import { useFileDrop } from './features/import/use-file-drop';
import {
  prepareImport,
  useImport,
  type ImportRequest,
  type ShownSummary,
} from './features/import/use-import';
import { storedSource } from './features/import/stored-source';
import { LibraryNotices } from './features/library-check/LibraryNotices';
import { DocumentList } from './features/library/DocumentList';
import { EmptyLibrary } from './features/library/EmptyLibrary';
import { MetadataEditor } from './features/library/MetadataEditor';
import { useDocument, useDocuments } from './features/library/use-library';
import { Reader } from './features/reader/Reader';
import { targetOfSelection } from './features/reader/reader-selection';
import { AnnotationResults } from './features/search/AnnotationResults';
import { SearchResults } from './features/search/SearchResults';
import { searchService } from './features/search/search-service';
import { useAnnotationSearch } from './features/search/use-annotation-search';
import { useSearch, type ResultItem, type SearchScope } from './features/search/use-search';
import { getHost, type HostCommand, type SourceFile } from './host';
import { isTypingTarget } from './ui/keyboard';

const host = getHost();

/** What the centre of the window shows. */
type View =
  { kind: 'reader' } | { kind: 'all' } | { kind: 'review' } | { kind: 'dossier'; pledgeId: string };

export function App() {
  const importer = useImport();
  const importing = importer.queue.running !== null;
  const documents = useDocuments(importing);
  const counts = useAnnotationCounts();
  const { run: runImportRequest, summaries } = importer;
  const [query, setQuery] = useState('');
  const [scope, setScope] = useState<SearchScope>('documents');
  const [filters, setFilters] = useState(NO_FILTERS);
  const search = useSearch(query, filters, scope === 'documents');
  const annotationSearch = useAnnotationSearch(query, scope === 'annotations');
  const queryError =
    scope === 'documents'
      ? search.kind === 'error'
        ? search.message
        : null
      : 'ok' in annotationSearch && !annotationSearch.ok
        ? annotationSearch.message
        : null;
  const [openId, setOpenId] = useState<string | null>(null);
  const [hits, setHits] = useState<{ ranges: TextRange[]; key: number; focus: number }>({
    ranges: [],
    key: 0,
    focus: 0,
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [view, setView] = useState<View>({ kind: 'reader' });
  const [linking, setLinking] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const open = useDocument(openId);
  const annotations = useDocumentAnnotations(openId);
  const placed = usePlacedAnnotations(annotations, open?.content.text, open?.content.pages);

  useEffect(() => {
    void searchService.start();
    const warm = setTimeout(prepareImport, 1000);
    return () => clearTimeout(warm);
  }, []);

  const openDocument = useCallback((id: string, ranges: TextRange[] = [], focus = 0) => {
    setOpenId(id);
    setSelectedId(null);
    setEditing(false);
    setHits((h) => ({ ranges, key: h.key + 1, focus }));
    setView({ kind: 'reader' });
  }, []);

  const openAt = useCallback(
    (docId: string, annotationId: string) => {
      openDocument(docId);
      setSelectedId(annotationId);
    },
    [openDocument],
  );

  const selected = placed.find((p) => p.annotation.id === selectedId)?.annotation ?? null;

  const reattach = useCallback(
    (annotationId: string) => {
      if (!open) return;
      const target = targetOfSelection(open.record.id, open.content.text, open.record.contentHash);
      if (!target) {
        setMessage('Select the passage in the text first, then press Re-attach here.');
        return;
      }
      window.getSelection()?.removeAllRanges();
      void annotationService.update(annotationId, { target });
    },
    [open],
  );

  const runImport = useCallback(
    async (request: Omit<ImportRequest, 'files'> & { files: SourceFile[] | null }) => {
      const { files } = request;
      if (!files) return;
      try {
        const run = await runImportRequest({ ...request, files });
        const first = run?.files.find((f) => f.docId);
        if (first?.docId && (request.origin === 'samples' || request.versionOf)) {
          openDocument(first.docId);
        }
      } catch (error) {
        setMessage(`Import stopped: ${String(error)}`);
      }
    },
    [runImportRequest, openDocument],
  );

  const importFiles = useCallback(
    () => void host.pickFiles().then((files) => runImport({ files, origin: 'files' })),
    [runImport],
  );
  const importFolder = useCallback(
    () => void host.pickFolder().then((files) => runImport({ files, origin: 'folder' })),
    [runImport],
  );
  const onDrop = useCallback(
    (files: SourceFile[]) => void runImport({ files, origin: 'drop' }),
    [runImport],
  );
  const dragging = useFileDrop(onDrop);

  const importNewVersion = useCallback(async () => {
    if (!openId) return;
    const files = await host.pickFiles();
    if (!files) return;
    if (files.length !== 1) {
      setMessage('Choose exactly one file as the new version of this document.');
      return;
    }
    await runImport({ files, origin: 'files', versionOf: openId });
  }, [openId, runImport]);

  const retryWithPassword = useCallback(
    (shown: ShownSummary, relativePath: string, password: string) => {
      const file = shown.files?.find((f) => f.relativePath === relativePath);
      if (file) void runImport({ files: [file], origin: shown.run.origin, password });
    },
    [runImport],
  );

  // The document's stored original, read again as the chosen encoding: a new version of it.
  const rereadAs = useCallback(
    async (docId: string, encoding: string) => {
      const file = await storedSource(docId);
      if (!file) {
        setMessage('That document is no longer in the library.');
        return;
      }
      await runImport({ files: [file], origin: 'files', versionOf: docId, encoding });
    },
    [runImport],
  );

  const doExport = useCallback(async () => {
    try {
      const saved = await exportReport(host);
      setMessage(saved ? 'Report exported.' : null);
    } catch (error) {
      setMessage(`Export failed: ${String(error)}`);
    }
  }, []);

  const saveDetails = useCallback(
    async (patch: MetaPatch) => {
      if (!openId) return;
      await documentsRepo().updateMeta(openId, patch);
      setEditing(false);
      void searchService.rebuild();
    },
    [openId],
  );

  useEffect(() => {
    const onCommand = (command: HostCommand) => {
      if (command === 'import-files') importFiles();
      if (command === 'import-folder') importFolder();
      if (command === 'export-report') void doExport();
      if (isExchangeCommand(command)) runExchangeCommand(command);
    };
    return host.onCommand(onCommand);
  }, [importFiles, importFolder, doExport]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target) || !(event.ctrlKey || event.metaKey)) return;
      const key = event.key.toLowerCase();
      if (key !== 'z' && key !== 'y') return;
      event.preventDefault();
      void (key === 'y' || event.shiftKey ? annotationService.redo() : annotationService.undo());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Single-key commands on the selected annotation; the reader handles 1/2/3, Delete, j/k.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (document.querySelector('dialog[open]')) return;
      if (event.key === '?') {
        event.preventDefault();
        setShortcuts(true);
      } else if (event.key === 'n' && selectedId && view.kind === 'reader') {
        event.preventDefault();
        document.getElementById(NOTE_FIELD_ID)?.focus();
      } else if (event.key === 'l' && selectedId && view.kind === 'reader') {
        event.preventDefault();
        setLinking(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selectedId, view.kind]);

  const openResult = useCallback(
    (item: ResultItem, hitIndex: number) => openDocument(item.doc.id, item.bodyMatches, hitIndex),
    [openDocument],
  );
  const toggleFacet = useCallback(
    (group: FacetGroup, value: string) => setFilters((f) => toggleFilter(f, group, value)),
    [],
  );

  const reopenSummary = async () => importer.showSummary((await importRunsRepo().latest()) ?? null);
  const empty = documents !== undefined && documents.length === 0;
  const searching = query.trim() !== '';

  return (
    <div className="app">
      <AppToolbar
        query={query}
        onQuery={setQuery}
        scope={scope}
        onScope={setScope}
        queryError={queryError}
        onImportFiles={importFiles}
        onImportFolder={importFolder}
        onExport={() => void doExport()}
        onLastImport={() => void reopenSummary()}
        view={view.kind}
        onAllAnnotations={() => setView({ kind: view.kind === 'all' ? 'reader' : 'all' })}
        onNeedsReview={() => setView({ kind: view.kind === 'review' ? 'reader' : 'review' })}
        onShortcuts={() => setShortcuts(true)}
      />
      {message ? (
        <p className="banner" role="status">
          {message}{' '}
          <button type="button" onClick={() => setMessage(null)} aria-label="Dismiss message">
            ×
          </button>
        </p>
      ) : null}
      <LibraryNotices host={host} importing={importing} onImport={runImport} />
      <main className={`workspace${searching ? ' searching' : ''}`}>
        <section className="sidebar">
          {searching && scope === 'documents' ? (
            <SearchResults
              state={search}
              filters={filters}
              onToggle={toggleFacet}
              onClear={() => setFilters(NO_FILTERS)}
              onOpen={openResult}
            />
          ) : searching ? (
            <AnnotationResults state={annotationSearch} onOpen={openAt} />
          ) : documents && documents.length > 0 ? (
            <DocumentList
              documents={documents}
              counts={counts}
              openId={openId}
              onOpen={openDocument}
            />
          ) : null}
        </section>
        <section className="center">
          {documents === undefined ? null : empty ? (
            <EmptyLibrary
              busy={importing}
              onLoadSamples={() =>
                void host.sampleFiles().then((files) => runImport({ files, origin: 'samples' }))
              }
            />
          ) : view.kind === 'all' ? (
            <AllAnnotations onOpen={openAt} />
          ) : view.kind === 'review' ? (
            <NeedsReview onOpen={openAt} />
          ) : view.kind === 'dossier' ? (
            <PledgeDossier
              pledgeId={view.pledgeId}
              onOpen={openAt}
              onClose={() => setView({ kind: 'reader' })}
            />
          ) : openId ? (
            <Reader
              docId={openId}
              placed={placed}
              hits={hits.ranges}
              hitsKey={hits.key}
              hitFocus={hits.focus}
              selectedId={selectedId}
              onSelect={setSelectedId}
              onEditDetails={() => setEditing(true)}
              onNewVersion={() => void importNewVersion()}
            />
          ) : (
            <p className="muted placeholder">
              Open a document from the library or the search results.
            </p>
          )}
        </section>
        {openId && view.kind === 'reader' ? (
          <AnnotationPanel
            placed={placed}
            selectedId={selectedId}
            onSelect={setSelectedId}
            docDate={open?.record.date ?? null}
            onLink={() => setLinking(true)}
            onDossier={(pledgeId) => setView({ kind: 'dossier', pledgeId })}
            onReattach={reattach}
          />
        ) : null}
      </main>
      {editing && open ? (
        <MetadataEditor
          record={open.record}
          onSave={saveDetails}
          onCancel={() => setEditing(false)}
        />
      ) : null}
      <div className="import-panels">
        {summaries.length > 0 ? (
          <ImportSummary
            key={summaries.map((s) => s.run.id).join()}
            runs={summaries.map((shown) => ({
              run: shown.run,
              onRetryWithPassword: shown.files
                ? (path: string, password: string) => retryWithPassword(shown, path, password)
                : undefined,
            }))}
            onClose={() => importer.showSummary(null)}
            onReread={(docId, encoding) => void rereadAs(docId, encoding)}
          />
        ) : null}
        {importer.queue.running || importer.queue.waiting.length > 0 ? (
          <ImportProgressPanel
            progress={importer.progress}
            running={importer.queue.running}
            waiting={importer.queue.waiting}
            onCancel={importer.cancel}
            onCancelWaiting={importer.cancelWaiting}
          />
        ) : null}
      </div>
      {linking && selected ? (
        <LinkPicker key={selected.id} from={selected} onClose={() => setLinking(false)} />
      ) : null}
      <ExchangeCenter host={host} onMessage={setMessage} />
      {shortcuts ? <ShortcutsDialog onClose={() => setShortcuts(false)} /> : null}
      {dragging ? <div className="drop-overlay">Drop files or folders to import them</div> : null}
    </div>
  );
}
