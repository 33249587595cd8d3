import { useCallback, useEffect, useState } from 'react';
import { AppToolbar } from './AppToolbar';
import { importRunsRepo } from './db/import-runs-repo';
import { AnnotationsView } from './features/annotations/AnnotationsView';
import { ShortcutsDialog } from './features/annotations/ShortcutsDialog';
import { AnalysisView } from './features/analysis/AnalysisView';
import { copyDiagnosticReport } from './features/diagnostics/copy-diagnostic-report';
import { DiagnosticReportDialog } from './features/diagnostics/DiagnosticReportDialog';
import { ViewBoundary } from './features/diagnostics/ViewBoundary';
import { DossiersView } from './features/dossiers/DossiersView';
import { isReportCommand, runReportCommand } from './features/export/report-commands';
import { ReportsCenter } from './features/export/ReportsCenter';
import { ExchangeCenter } from './features/exchange/ExchangeCenter';
import { isExchangeCommand, runExchangeCommand } from './features/exchange/exchange-commands';
import { ImportNotices } from './features/import/ImportNotices';
import { useImportActions } from './features/import/use-import-actions';
import { EmptyLibrary } from './features/library/EmptyLibrary';
import { LibraryNotices } from './features/library-check/LibraryNotices';
import { LibraryView } from './features/library/LibraryView';
import { useDocuments } from './features/library/use-library';
import { ReaderView } from './features/reader/ReaderView';
import { searchStore } from './features/search/search-store';
import { searchService } from './features/search/search-service';
import { useAnnotationSearch } from './features/search/use-annotation-search';
import { useSearch } from './features/search/use-search';
import { NavBar } from './features/workspace/NavBar';
import { Notices } from './features/workspace/Notices';
import { formatHash, VIEW_LABELS } from './features/workspace/route';
import { navigate, useRoute } from './features/workspace/route-store';
import { useWorkspaceKeys } from './features/workspace/use-workspace-keys';
import { getHost, type HostCommand } from './host';
import { notify } from './ui/notices';
import { useStore } from './ui/store';

const host = getHost();

/**
 * The workspace: the toolbar, the navigation between views, notices, and the view the route
 * names. Each view lives in its feature folder and reads the state it shares from small stores.
 */
export function App() {
  const route = useRoute();
  const imports = useImportActions(host);
  const documents = useDocuments(imports.importing);
  const { query, scope, filters } = useStore(searchStore);
  const search = useSearch(query, filters, scope === 'documents');
  const annotationSearch = useAnnotationSearch(query, scope === 'annotations');
  const [shortcuts, setShortcuts] = useState(false);
  // The diagnostic report, shown when the clipboard refused it.
  const [report, setReport] = useState<string | null>(null);
  const queryError =
    scope === 'documents'
      ? search.kind === 'error'
        ? search.message
        : null
      : 'ok' in annotationSearch && !annotationSearch.ok
        ? annotationSearch.message
        : null;

  useEffect(() => {
    void searchService.start();
  }, []);
  useWorkspaceKeys(() => setShortcuts(true));

  useEffect(() => {
    const onCommand = (command: HostCommand) => {
      if (command === 'import-files') imports.importFiles();
      if (command === 'import-folder') imports.importFolder();
      if (isReportCommand(command)) runReportCommand(command);
      if (isExchangeCommand(command)) runExchangeCommand(command);
    };
    return host.onCommand(onCommand);
  }, [imports]);

  // Typing a search shows its results beside the reader, wherever the analyst was.
  const onQuery = useCallback(
    (next: string) => {
      searchStore.set((s) => ({ ...s, query: next }));
      const current = route;
      if (next.trim() !== '' && current.view !== 'reader') {
        navigate({ view: 'reader', docId: null });
      }
    },
    [route],
  );

  const empty = documents !== undefined && documents.length === 0;
  const openId = route.view === 'reader' ? route.docId : null;

  return (
    <div className="app">
      <AppToolbar
        query={query}
        onQuery={onQuery}
        scope={scope}
        onScope={(s) => searchStore.set((state) => ({ ...state, scope: s }))}
        queryError={queryError}
        onImportFiles={imports.importFiles}
        onImportFolder={imports.importFolder}
        onLastImport={() =>
          void importRunsRepo()
            .latest()
            .then((run) => imports.importer.showSummary(run ?? null))
        }
        onShortcuts={() => setShortcuts(true)}
        onCopyDiagnostics={() => void copyDiagnosticReport(host).then(setReport)}
      />
      <NavBar current={route.view} />
      <div className="notices">
        <Notices />
        <ImportNotices imports={imports} />
        <LibraryNotices host={host} importing={imports.importing} onImport={imports.run} />
      </div>
      <main
        className="workspace"
        aria-label={`${route.view[0]?.toUpperCase()}${route.view.slice(1)}`}
      >
        <ViewBoundary name={`${VIEW_LABELS[route.view]} view`} resetKey={formatHash(route)}>
          {documents === undefined ? null : empty && route.view !== 'analysis' ? (
            <EmptyLibrary
              busy={imports.importing}
              onLoadSamples={(withAnnotations) => imports.loadSamples(withAnnotations)}
            />
          ) : route.view === 'library' ? (
            <LibraryView documents={documents} openId={null} />
          ) : route.view === 'reader' ? (
            <ReaderView
              docId={openId}
              search={search}
              annotationSearch={annotationSearch}
              onNewVersion={imports.importNewVersion}
            />
          ) : route.view === 'annotations' ? (
            <AnnotationsView tab={route.tab} />
          ) : route.view === 'dossiers' ? (
            <DossiersView pledgeId={route.pledgeId} />
          ) : (
            <AnalysisView tab={route.tab} />
          )}
        </ViewBoundary>
      </main>
      <ReportsCenter host={host} />
      <ExchangeCenter host={host} onMessage={(text) => (text ? notify(text) : undefined)} />
      {shortcuts ? <ShortcutsDialog onClose={() => setShortcuts(false)} /> : null}
      {report !== null ? (
        <DiagnosticReportDialog report={report} onClose={() => setReport(null)} />
      ) : null}
      {imports.dragging ? (
        <div className="drop-overlay">Drop files or folders to import them</div>
      ) : null}
    </div>
  );
}
