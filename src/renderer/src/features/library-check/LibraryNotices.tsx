import { useCallback, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { importJournalRepo, type InterruptedImport } from '../../db/import-journal-repo';
import { onSkippedRecords, skippedRecords } from '../../db/valid-records';
import type { HostApi } from '../../host';
import { interruptedMessage, planResume } from '../import/import-resume';
import type { ImportRequest } from '../import/use-import';
import { useIndexStatus } from '../search/use-search';
import { startupCheck } from './startup';

interface Props {
  host: HostApi;
  /** An import runs: the interrupted one may have just been completed. */
  importing: boolean;
  onImport: (request: ImportRequest) => Promise<unknown> | void;
}

const KIND_NAMES = {
  documents: 'document',
  contents: 'document text',
  annotations: 'annotation',
  links: 'link',
  importRuns: 'import summary',
} as const;

function Notice({
  label,
  children,
  onDismiss,
}: {
  label: string;
  children: ReactNode;
  onDismiss: () => void;
}) {
  return (
    <div className="library-notice" role="status" aria-label={label}>
      {children}
      <button type="button" className="inline" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}

/**
 * What the start found and did: an interrupted import, with "Import the rest…"; repairs
 * made to the library; stored records that could not be read; a search index rebuilt.
 */
export function LibraryNotices({ host, importing, onImport }: Props) {
  const [interrupted, setInterrupted] = useState<InterruptedImport | null>(null);
  const [repairs, setRepairs] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [hiddenSkipped, setHiddenSkipped] = useState(0);
  const [indexNoticeHidden, setIndexNoticeHidden] = useState(false);
  const skipped = useSyncExternalStore(onSkippedRecords, skippedRecords);
  const index = useIndexStatus();

  useEffect(() => {
    let live = true;
    void startupCheck().then((report) => {
      if (!live) return;
      setInterrupted(report.interrupted[0] ?? null);
      setRepairs(report.repairs);
    });
    return () => {
      live = false;
    };
  }, []);

  // Once an import ends, an interrupted one it completed is gone; another may be next.
  useEffect(() => {
    if (importing) return;
    let live = true;
    void startupCheck()
      .then(() => importJournalRepo().interrupted())
      .then((found) => live && setInterrupted(found[0] ?? null));
    return () => {
      live = false;
    };
  }, [importing]);

  const importRest = useCallback(
    async (found: InterruptedImport) => {
      const { job } = found;
      const rows = await importJournalRepo().files(job.id);
      const chosen =
        job.origin === 'samples'
          ? await host.sampleFiles()
          : job.origin === 'folder'
            ? await host.pickFolder()
            : await host.pickFiles();
      if (!chosen) return;
      const plan = planResume(job.id, rows, chosen);
      if (!plan) {
        setProblem(
          'None of the chosen files were part of the interrupted import. Choose the same folder or files again.',
        );
        return;
      }
      setProblem(
        plan.missing > 0
          ? `${plan.missing} file${plan.missing === 1 ? '' : 's'} of the interrupted import ${plan.missing === 1 ? 'was' : 'were'} not among those chosen and ${plan.missing === 1 ? 'is' : 'are'} not imported.`
          : null,
      );
      setInterrupted(null);
      await onImport({ files: plan.files, origin: job.origin, resume: plan.resume });
    },
    [host, onImport],
  );

  const dismissInterrupted = useCallback(async (found: InterruptedImport) => {
    setInterrupted(null);
    await importJournalRepo().dismiss(found.job.id);
  }, []);

  const shownSkipped = skipped.length > hiddenSkipped ? skipped : [];
  const anything =
    interrupted || problem || repairs.length > 0 || shownSkipped.length > 0 || index.repaired;
  if (!anything) return null;
  return (
    <section className="library-notices" aria-label="Library notices">
      {interrupted && !importing ? (
        <Notice label="Interrupted import" onDismiss={() => void dismissInterrupted(interrupted)}>
          <p>
            {interruptedMessage(interrupted.job, interrupted.stored)}{' '}
            <span className="muted">
              ({interrupted.job.label}.{' '}
              {interrupted.job.origin === 'samples'
                ? 'The samples are read again;'
                : `Choose the same ${interrupted.job.origin === 'folder' ? 'folder' : 'files'} again;`}{' '}
              what is stored is skipped.)
            </span>
          </p>
          <button type="button" onClick={() => void importRest(interrupted)}>
            Import the rest…
          </button>
        </Notice>
      ) : null}
      {problem ? (
        <Notice label="Import the rest" onDismiss={() => setProblem(null)}>
          <p>{problem}</p>
        </Notice>
      ) : null}
      {repairs.length > 0 ? (
        <Notice label="Library check" onDismiss={() => setRepairs([])}>
          <p>The library was checked at start and repaired:</p>
          <ul>
            {repairs.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {shownSkipped.length > 0 ? (
        <Notice label="Unreadable records" onDismiss={() => setHiddenSkipped(skipped.length)}>
          <p>
            {shownSkipped.length} stored record{shownSkipped.length === 1 ? '' : 's'} could not be
            read and {shownSkipped.length === 1 ? 'was' : 'were'} skipped.
          </p>
          <details>
            <summary>Which</summary>
            <ul>
              {shownSkipped.map((s) => (
                <li key={`${s.kind}/${s.key}`}>
                  {KIND_NAMES[s.kind]} {s.key}: {s.issue}
                </li>
              ))}
            </ul>
          </details>
        </Notice>
      ) : null}
      {index.repaired && !indexNoticeHidden ? (
        <Notice label="Search index" onDismiss={() => setIndexNoticeHidden(true)}>
          <p>
            The saved search index did not match the library and{' '}
            {index.state === 'indexing' ? 'is being rebuilt' : 'was rebuilt'} from it.
          </p>
        </Notice>
      ) : null}
    </section>
  );
}
