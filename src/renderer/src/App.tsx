import { useCallback, useEffect, useState } from 'react';
import type { TextRange } from '@core/anchoring';
import { AnnotationPanel } from './features/annotations/AnnotationPanel';
import { annotationService } from './features/annotations/annotation-service';
import {
  useAnnotationCounts,
  useDocumentAnnotations,
  useHistory,
  usePlacedAnnotations,
} from './features/annotations/use-annotations';
import { exportReport } from './features/export/export-report';
import { ImportProgressPanel } from './features/import/ImportProgressPanel';
import { ImportSummary } from './features/import/ImportSummary';
import { useFileDrop } from './features/import/use-file-drop';
import { useImport } from './features/import/use-import';
import { DocumentList } from './features/library/DocumentList';
import { EmptyLibrary } from './features/library/EmptyLibrary';
import { useDocument, useDocuments } from './features/library/use-library';
import { Reader } from './features/reader/Reader';
import { SearchResults } from './features/search/SearchResults';
import { searchService } from './features/search/search-service';
import { useIndexStatus, useSearch, type ResultItem } from './features/search/use-search';
import { getHost, type HostCommand, type SourceFile } from './host';
import { importRunsRepo } from './db/import-runs-repo';
import { isTypingTarget } from './ui/keyboard';

const host = getHost();

export function App() {
  const documents = useDocuments();
  const counts = useAnnotationCounts();
  const importer = useImport();
  const { run: runImportFiles } = importer;
  const [query, setQuery] = useState('');
  const search = useSearch(query);
  const indexStatus = useIndexStatus();
  const [openId, setOpenId] = useState<string | null>(null);
  const [hits, setHits] = useState<{ ranges: TextRange[]; key: number }>({ ranges: [], key: 0 });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const history = useHistory();
  const open = useDocument(openId);
  const annotations = useDocumentAnnotations(openId);
  const placed = usePlacedAnnotations(annotations, open?.content.text);

  useEffect(() => void searchService.start(), []);

  const openDocument = useCallback((id: string, ranges: TextRange[] = []) => {
    setOpenId(id);
    setSelectedId(null);
    setHits((h) => ({ ranges, key: h.key + 1 }));
  }, []);

  const runImport = useCallback(
    async (files: SourceFile[] | null, origin: 'files' | 'folder' | 'drop' | 'samples') => {
      if (!files) return;
      try {
        const run = await runImportFiles(files, origin);
        const first = run?.files.find((f) => f.docId);
        if (first?.docId && origin === 'samples') openDocument(first.docId);
      } catch (error) {
        setMessage(`Import stopped: ${String(error)}`);
      }
    },
    [runImportFiles, openDocument],
  );

  const onDrop = useCallback((files: SourceFile[]) => void runImport(files, 'drop'), [runImport]);
  const dragging = useFileDrop(onDrop);

  const doExport = useCallback(async () => {
    try {
      const saved = await exportReport(host);
      setMessage(saved ? 'Report exported.' : null);
    } catch (error) {
      setMessage(`Export failed: ${String(error)}`);
    }
  }, []);

  useEffect(() => {
    const onCommand = (command: HostCommand) => {
      if (command === 'import-files') void host.pickFiles().then((f) => runImport(f, 'files'));
      if (command === 'import-folder') void host.pickFolder().then((f) => runImport(f, 'folder'));
      if (command === 'export-report') void doExport();
    };
    return host.onCommand(onCommand);
  }, [runImport, doExport]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target) || !(event.ctrlKey || event.metaKey)) return;
      if (event.key.toLowerCase() !== 'z' && event.key.toLowerCase() !== 'y') return;
      event.preventDefault();
      const redo = event.key.toLowerCase() === 'y' || event.shiftKey;
      void (redo ? annotationService.redo() : annotationService.undo());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const openResult = useCallback(
    (item: ResultItem) => openDocument(item.doc.id, item.bodyMatches),
    [openDocument],
  );

  const reopenSummary = async () => importer.showSummary((await importRunsRepo().latest()) ?? null);
  const empty = documents !== undefined && documents.length === 0;

  return (
    <div className="app">
      <header className="toolbar">
        <span className="app-name">Dossier</span>
        <input
          type="search"
          className="search-box"
          aria-label="Search documents"
          placeholder="Search documents (e.g. shelter, +complicit -customs, title:pledge, traff*)"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button
          type="button"
          onClick={() => void host.pickFiles().then((f) => runImport(f, 'files'))}
        >
          Import files
        </button>
        <button
          type="button"
          onClick={() => void host.pickFolder().then((f) => runImport(f, 'folder'))}
        >
          Import folder
        </button>
        <button type="button" onClick={() => void doExport()}>
          Export report
        </button>
        <button
          type="button"
          disabled={!history.canUndo}
          onClick={() => void annotationService.undo()}
          title="Ctrl+Z"
        >
          Undo
        </button>
        <button
          type="button"
          disabled={!history.canRedo}
          onClick={() => void annotationService.redo()}
          title="Ctrl+Shift+Z"
        >
          Redo
        </button>
        <button type="button" onClick={() => void reopenSummary()}>
          Last import
        </button>
        <span className="index-status muted" aria-live="polite">
          {indexStatus.state === 'indexing' ? 'Indexing…' : null}
          {indexStatus.state === 'error' ? `Search index problem: ${indexStatus.message}` : null}
        </span>
      </header>
      {message ? (
        <p className="banner" role="status">
          {message}{' '}
          <button type="button" onClick={() => setMessage(null)} aria-label="Dismiss message">
            ×
          </button>
        </p>
      ) : null}
      <main className="workspace">
        <section className="sidebar">
          {query.trim() !== '' ? (
            <SearchResults state={search} onOpen={openResult} />
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
              busy={importer.progress !== null}
              onLoadSamples={() => void host.sampleFiles().then((f) => runImport(f, 'samples'))}
            />
          ) : openId ? (
            <Reader
              docId={openId}
              placed={placed}
              hits={hits.ranges}
              hitsKey={hits.key}
              selectedId={selectedId}
              onSelect={setSelectedId}
            />
          ) : (
            <p className="muted placeholder">
              Open a document from the library or the search results.
            </p>
          )}
        </section>
        {openId ? (
          <AnnotationPanel placed={placed} selectedId={selectedId} onSelect={setSelectedId} />
        ) : null}
      </main>
      {importer.progress ? (
        <ImportProgressPanel progress={importer.progress} onCancel={importer.cancel} />
      ) : null}
      {importer.summary ? (
        <ImportSummary run={importer.summary} onClose={() => importer.showSummary(null)} />
      ) : null}
      {dragging ? <div className="drop-overlay">Drop files or folders to import them</div> : null}
    </div>
  );
}
