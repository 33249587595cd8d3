import { ImportProgressPanel } from './ImportProgressPanel';
import { ImportSummary } from './ImportSummary';
import type { ImportActions } from './use-import-actions';

/** The running import's progress and the latest summaries, in the notices above the views. */
export function ImportNotices({ imports }: { imports: ImportActions }) {
  const { importer } = imports;
  const { summaries } = importer;
  return (
    <>
      {importer.queue.running || importer.queue.waiting.length > 0 ? (
        <ImportProgressPanel
          progress={importer.progress}
          running={importer.queue.running}
          waiting={importer.queue.waiting}
          onCancel={importer.cancel}
          onCancelWaiting={importer.cancelWaiting}
        />
      ) : null}
      {summaries.length > 0 ? (
        <ImportSummary
          key={summaries.map((s) => s.run.id).join()}
          runs={summaries.map((shown) => ({
            run: shown.run,
            onRetryWithPassword: shown.files
              ? (path: string, password: string) => imports.retryWithPassword(shown, path, password)
              : undefined,
          }))}
          onClose={() => importer.showSummary(null)}
          onReread={imports.rereadAs}
        />
      ) : null}
    </>
  );
}
