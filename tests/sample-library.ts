import { runIngestJob } from '../src/core/jobs/ingest-job';
import { documentsRepo } from '../src/renderer/src/db/documents-repo';
import type { DossierDb } from '../src/renderer/src/db/schema';
import { importFiles } from '../src/renderer/src/features/import/import-service';
import { nodePdfEngine } from './pdf-engine';
import { sampleFiles } from './samples';

/** Imports the bundled samples into `database` the way the app's import does. */
export async function importSamples(database: DossierDb): Promise<void> {
  await importFiles(
    sampleFiles().map((s) => ({
      name: s.name,
      relativePath: s.name,
      size: s.bytes.byteLength,
      read: async () => s.bytes,
    })),
    { ingest: (r) => runIngestJob(r, nodePdfEngine), library: documentsRepo(database) },
    { origin: 'samples' },
  );
}
