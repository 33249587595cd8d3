import { runIngestJob } from '../src/core/jobs/ingest-job';
import { documentsRepo } from '../src/renderer/src/db/documents-repo';
import type { DossierDb } from '../src/renderer/src/db/schema';
import { importFiles } from '../src/renderer/src/features/import/import-service';
import { nodePdfEngine } from './pdf-engine';
import { sampleFiles, type SampleFile } from './samples';

/** Imports files into `database` the way the app's import does. */
export async function importLibrary(
  database: DossierDb,
  files: readonly SampleFile[],
  origin: 'files' | 'samples' = 'files',
): Promise<void> {
  await importFiles(
    files.map((s) => ({
      name: s.name,
      relativePath: s.name,
      size: s.bytes.byteLength,
      read: async () => s.bytes,
    })),
    { ingest: (r) => runIngestJob(r, nodePdfEngine), library: documentsRepo(database) },
    { origin },
  );
}

/** Imports the bundled samples into `database` the way the app's import does. */
export async function importSamples(database: DossierDb): Promise<void> {
  await importLibrary(database, sampleFiles(), 'samples');
}
