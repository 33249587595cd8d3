import { annotationService } from './features/annotations/annotation-service';
import { useHistory } from './features/annotations/use-annotations';
import { runReportCommand, useVerificationKept } from './features/export/report-commands';
import { LibraryMenu } from './features/exchange/LibraryMenu';
import { SearchBox } from './features/search/SearchBox';
import { useIndexStatus, type SearchScope } from './features/search/use-search';

interface Props {
  query: string;
  onQuery: (query: string) => void;
  scope: SearchScope;
  onScope: (scope: SearchScope) => void;
  queryError: string | null;
  onImportFiles: () => void;
  onImportFolder: () => void;
  onExport: () => void;
  onLastImport: () => void;
  view: string;
  onAllAnnotations: () => void;
  onNeedsReview: () => void;
  onShortcuts: () => void;
}

export function AppToolbar(props: Props) {
  const history = useHistory();
  const indexStatus = useIndexStatus();
  const verificationKept = useVerificationKept();
  return (
    <header className="toolbar">
      <span className="app-name">Dossier</span>
      <SearchBox
        query={props.query}
        onQuery={props.onQuery}
        scope={props.scope}
        onScope={props.onScope}
        error={props.queryError}
      />
      <button type="button" onClick={props.onImportFiles}>
        Import files
      </button>
      <button type="button" onClick={props.onImportFolder}>
        Import folder
      </button>
      <button type="button" onClick={props.onExport}>
        Export report
      </button>
      <button type="button" onClick={() => runReportCommand('verify-report')}>
        Verify report
      </button>
      {verificationKept ? (
        <button type="button" onClick={() => runReportCommand('verification-results')}>
          Verification results
        </button>
      ) : null}
      <LibraryMenu />
      <button
        type="button"
        disabled={!history.canUndo}
        onClick={() => void annotationService.undo()}
        title={`Undo ${history.undoLabel ?? ''} (Ctrl+Z)`}
      >
        Undo
      </button>
      <button
        type="button"
        disabled={!history.canRedo}
        onClick={() => void annotationService.redo()}
        title={`Redo ${history.redoLabel ?? ''} (Ctrl+Shift+Z)`}
      >
        Redo
      </button>
      <button type="button" onClick={props.onLastImport}>
        Last import
      </button>
      <button type="button" aria-pressed={props.view === 'all'} onClick={props.onAllAnnotations}>
        All annotations
      </button>
      <button type="button" aria-pressed={props.view === 'review'} onClick={props.onNeedsReview}>
        Needs review
      </button>
      <button
        type="button"
        aria-label="Keyboard shortcuts"
        aria-keyshortcuts="?"
        onClick={props.onShortcuts}
      >
        ?
      </button>
      <span className="index-status muted" aria-live="polite">
        {indexStatus.state === 'indexing' ? 'Indexing…' : null}
        {indexStatus.state === 'error' ? `Search index problem: ${indexStatus.message}` : null}
      </span>
    </header>
  );
}
