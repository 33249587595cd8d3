import { annotationService } from './features/annotations/annotation-service';
import { useHistory } from './features/annotations/use-annotations';
import { useIndexStatus } from './features/search/use-search';

interface Props {
  query: string;
  onQuery: (query: string) => void;
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
  return (
    <header className="toolbar">
      <span className="app-name">Dossier</span>
      <input
        type="search"
        className="search-box"
        aria-label="Search documents"
        placeholder="Search documents (e.g. shelter, +complicit -customs, title:pledge, traff*)"
        value={props.query}
        onChange={(e) => props.onQuery(e.target.value)}
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
