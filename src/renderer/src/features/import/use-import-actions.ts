import { useCallback, useEffect, useMemo } from 'react';
import type { HostApi, SourceFile } from '../../host';
import { notify } from '../../ui/notices';
import { openDocument } from '../reader/reader-store';
import { navigate } from '../workspace/route-store';
import { importSampleAnnotations } from './sample-annotations';
import { storedSource } from './stored-source';
import { useFileDrop } from './use-file-drop';
import { prepareImport, useImport, type ImportRequest, type ShownSummary } from './use-import';

type Request = Omit<ImportRequest, 'files'> & { files: SourceFile[] | null };

/**
 * Every way to start an import (files, folder, drop, samples, a new version, a password or
 * encoding retry), over one queue of imports; shared by the toolbar, the views and the notices.
 */
export function useImportActions(host: HostApi) {
  const importer = useImport();
  const { run: runRequest } = importer;

  useEffect(() => {
    const warm = setTimeout(prepareImport, 1000);
    return () => clearTimeout(warm);
  }, []);

  const runImport = useCallback(
    async (request: Request) => {
      const { files } = request;
      if (!files) return null;
      try {
        const run = await runRequest({ ...request, files });
        const first = run?.files.find((f) => f.docId);
        if (first?.docId && request.versionOf) openDocument(first.docId);
        return run;
      } catch (error) {
        notify(`Import stopped: ${String(error)}`);
        return null;
      }
    },
    [runRequest],
  );

  const importFiles = useCallback(
    () => void host.pickFiles().then((files) => runImport({ files, origin: 'files' })),
    [host, runImport],
  );
  const importFolder = useCallback(
    () => void host.pickFolder().then((files) => runImport({ files, origin: 'folder' })),
    [host, runImport],
  );
  const dragging = useFileDrop(
    useCallback((files: SourceFile[]) => void runImport({ files, origin: 'drop' }), [runImport]),
  );

  const loadSamples = useCallback(
    async (withAnnotations: boolean) => {
      const run = await runImport({ files: await host.sampleFiles(), origin: 'samples' });
      if (!run) return;
      if (withAnnotations) {
        try {
          const added = await importSampleAnnotations();
          notify(`Loaded ${added.annotations} sample annotations and ${added.links} links.`);
          navigate({ view: 'dossiers', pledgeId: null });
          return;
        } catch (error) {
          notify(`The sample annotations could not be loaded: ${String(error)}`);
        }
      }
      const first = run.files.find((f) => f.docId);
      if (first?.docId) openDocument(first.docId);
    },
    [host, runImport],
  );

  const importNewVersion = useCallback(
    async (docId: string) => {
      const files = await host.pickFiles();
      if (!files) return;
      if (files.length !== 1) {
        notify('Choose exactly one file as the new version of this document.');
        return;
      }
      await runImport({ files, origin: 'files', versionOf: docId });
    },
    [host, runImport],
  );

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
        notify('That document is no longer in the library.');
        return;
      }
      await runImport({ files: [file], origin: 'files', versionOf: docId, encoding });
    },
    [runImport],
  );

  const importing = importer.queue.running !== null;
  return useMemo(
    () => ({
      importer,
      importing,
      dragging,
      /** Runs a prepared request (the rest of an interrupted import). */
      run: runImport,
      importFiles,
      importFolder,
      loadSamples: (withAnnotations: boolean) => void loadSamples(withAnnotations),
      importNewVersion: (docId: string) => void importNewVersion(docId),
      retryWithPassword,
      rereadAs: (docId: string, encoding: string) => void rereadAs(docId, encoding),
    }),
    [
      importer,
      importing,
      dragging,
      runImport,
      importFiles,
      importFolder,
      loadSamples,
      importNewVersion,
      retryWithPassword,
      rereadAs,
    ],
  );
}

export type ImportActions = ReturnType<typeof useImportActions>;
