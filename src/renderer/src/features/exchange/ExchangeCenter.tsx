import { useCallback, useEffect, useState } from 'react';
import { BACKUP_EXTENSION, type ExchangeProgress } from '@core/exchange/backup-format';
import type { ForeignSet } from '@core/exchange/foreign';
import { looksLikeHypothesis, readHypothesisExport } from '@core/exchange/hypothesis-import';
import { hintsOf, suggestDocument } from '@core/exchange/place';
import { toQdpx, QDPX_MIME } from '@core/exchange/refi-export';
import {
  defaultCodeChoices,
  qdpxAnnotations,
  readQdpx,
  type QdpxProject,
} from '@core/exchange/refi-import';
import { toW3cCollection, W3C_MIME } from '@core/exchange/w3c-export';
import { readW3cAnnotations } from '@core/exchange/w3c-import';
import type { DocumentRecord } from '@core/model';
import {
  annotationExportData,
  importForeign,
  importProject,
  type ImportOutcome,
} from '../../db/annotation-exchange';
import { db } from '../../db/schema';
import type { ExchangeCommand, HostApi } from '../../host/host-api';
import { searchService } from '../search/search-service';
import { AboutLibrary } from './AboutLibrary';
import { onExchangeCommand } from './exchange-commands';
import {
  CodeMappingDialog,
  MatchDocumentsDialog,
  ProgressDialog,
  SummaryDialog,
  type HintRow,
  type SummaryContent,
} from './ExchangeDialogs';
import { exchangeService } from './exchange-service';
import { backupDue, isLowOnSpace, requestPersistence, storageState } from './storage';

type State =
  | { kind: 'idle' }
  | { kind: 'progress'; title: string; progress: ExchangeProgress | null }
  | { kind: 'summary'; content: SummaryContent }
  | {
      kind: 'match';
      fileName: string;
      set: ForeignSet;
      rows: HintRow[];
      documents: DocumentRecord[];
    }
  | { kind: 'codes'; project: QdpxProject }
  | { kind: 'about' };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const today = () => new Date().toISOString().slice(0, 10);

/** Runs the library commands (backup, restore, exchange) and shows their dialogs and notices. */
export function ExchangeCenter({
  host,
  onMessage,
}: {
  host: HostApi;
  onMessage: (text: string) => void;
}) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const progress = (title: string) => (p: ExchangeProgress) =>
    setState({ kind: 'progress', title, progress: p });
  const fail = useCallback(
    (what: string, error: unknown) => {
      setState({ kind: 'idle' });
      // A restore writes in one transaction, so whatever stopped it left the library as it was.
      if (message(error) === 'cancelled') onMessage(`${what} cancelled; the library is as it was.`);
      else if (what === 'Restore')
        onMessage(`Restore refused: ${message(error)} Nothing was changed.`);
      else onMessage(`${what} failed: ${message(error)}`);
    },
    [onMessage],
  );

  // At start: ask to keep the storage, warn when space is low, remind to back up when due.
  useEffect(() => {
    void (async () => {
      await requestPersistence();
      const storage = await storageState();
      if (isLowOnSpace(storage))
        onMessage(
          'Storage space is running low: back up the library (Library › Back up library) and free some space.',
        );
      else if (backupDue(Date.now(), (await db().documents.count()) > 0))
        onMessage('It is time to back up the library (Library › Back up library).');
    })();
  }, [onMessage]);

  const outcome = (title: string, result: ImportOutcome, notes: string[] = []): SummaryContent => ({
    title,
    lines: [
      ...(result.review > 0
        ? [`${result.review} annotation(s) placed on changed text or not found: see Needs review.`]
        : []),
      ...(result.withoutDocument > 0
        ? [
            `${result.withoutDocument} annotation(s) not imported: their document is not in this library.`,
          ]
        : []),
    ],
    summary: result.summary,
    notes,
  });

  const run = useCallback(
    async (command: ExchangeCommand) => {
      if (command === 'about-library') return setState({ kind: 'about' });
      if (command === 'backup-library') {
        setState({ kind: 'progress', title: 'Back up library', progress: null });
        try {
          const saved = await exchangeService.backup(host, progress('Back up library'));
          setState({ kind: 'idle' });
          if (saved) onMessage('Library backed up.');
        } catch (error) {
          fail('Backup', error);
        }
        return;
      }
      if (command === 'restore-library') {
        const file = await host.pickFile([BACKUP_EXTENSION]);
        if (!file) return;
        setState({ kind: 'progress', title: 'Restore library', progress: null });
        try {
          const { summary, restored } = await exchangeService.restore(
            await file.read(),
            file.name,
            progress('Restore library'),
          );
          setState({
            kind: 'summary',
            content: {
              title: restored ? 'Library restored' : 'Backup merged',
              lines: [`From ${file.name}.`],
              summary,
            },
          });
        } catch (error) {
          fail('Restore', error);
        }
        return;
      }
      try {
        if (command === 'export-annotations') {
          const data = await annotationExportData(db());
          const json = toW3cCollection(data.docs, data.annotations, data.links, {
            now: Date.now(),
            collectionId: crypto.randomUUID(),
          });
          const bytes = new TextEncoder().encode(JSON.stringify(json, null, 1));
          if (await host.saveFile(`Dossier annotations ${today()}.jsonld`, bytes, W3C_MIME))
            onMessage(`Exported ${data.annotations.length} annotations.`);
        } else if (command === 'export-project') {
          const data = await annotationExportData(db());
          const result = toQdpx(data.docs, data.annotations, data.links, {
            projectName: `Dossier ${today()}`,
            appVersion: __DOSSIER_VERSION__,
            now: Date.now(),
            newGuid: () => crypto.randomUUID(),
          });
          if (await host.saveFile(`Dossier project ${today()}.qdpx`, result.bytes, QDPX_MIME)) {
            onMessage(
              `Project exported${result.unplaced ? `; ${result.unplaced} annotation(s) not found in their document's text were left out` : ''}.`,
            );
          }
        } else if (command === 'import-annotations') {
          const file = await host.pickFile(['json', 'jsonld']);
          if (!file) return;
          const json: unknown = JSON.parse(new TextDecoder().decode(await file.read()));
          const set = looksLikeHypothesis(json)
            ? readHypothesisExport(json, Date.now())
            : readW3cAnnotations(json, Date.now());
          const documents = await db().documents.toArray();
          documents.sort((a, b) => a.title.localeCompare(b.title));
          const rows = hintsOf(set.annotations).map(({ hint, count }) => ({
            hint,
            count,
            suggestion: suggestDocument(hint, documents),
          }));
          setState({ kind: 'match', fileName: file.name, set, rows, documents });
        } else if (command === 'import-project') {
          const file = await host.pickFile(['qdpx']);
          if (!file) return;
          setState({ kind: 'codes', project: readQdpx(await file.read()) });
        }
      } catch (error) {
        fail(command.startsWith('import') ? 'Import' : 'Export', error);
      }
    },
    [host, onMessage, fail],
  );

  useEffect(() => onExchangeCommand((c) => void run(c)), [run]);

  const close = () => setState({ kind: 'idle' });
  switch (state.kind) {
    case 'idle':
      return null;
    case 'about':
      return <AboutLibrary onClose={close} />;
    case 'progress':
      return (
        <ProgressDialog
          title={state.title}
          progress={state.progress}
          onCancel={() => exchangeService.cancel()}
        />
      );
    case 'summary':
      return <SummaryDialog content={state.content} onClose={close} />;
    case 'match':
      return (
        <MatchDocumentsDialog
          fileName={state.fileName}
          rows={state.rows}
          documents={state.documents}
          untagged={state.set.annotations.filter((a) => a.tag === null).length}
          onClose={close}
          onImport={(chosen, defaultTag) =>
            void importForeign(db(), state.set, chosen, { defaultTag })
              .then((r) => {
                void searchService.rebuild();
                setState({
                  kind: 'summary',
                  content: outcome('Annotations imported', r, state.set.skipped),
                });
              })
              .catch((e: unknown) => fail('Import', e))
          }
        />
      );
    case 'codes': {
      const { project } = state;
      return (
        <CodeMappingDialog
          projectName={project.name}
          sources={project.sources.length}
          selections={project.sources.reduce((n, s) => n + s.selections.length, 0)}
          codes={project.codes}
          initial={defaultCodeChoices(project.codes)}
          onClose={close}
          onImport={(choices, defaultTag) => {
            const set = qdpxAnnotations(project, choices);
            void importProject(db(), project, set, { defaultTag })
              .then((r) => {
                void searchService.rebuild();
                setState({
                  kind: 'summary',
                  content: outcome('Project imported', r, project.skipped),
                });
              })
              .catch((e: unknown) => fail('Import', e));
          }}
        />
      );
    }
  }
}
