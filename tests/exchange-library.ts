import { readFileSync } from 'node:fs';
import { AnnotationService } from '../src/core/annotations/annotation-service';
import { describeRange } from '../src/core/anchoring';
import { runIngestJob } from '../src/core/jobs/ingest-job';
import type { Annotation, Tag } from '../src/core/model';
import { annotationStore } from '../src/renderer/src/db/annotations-repo';
import { documentsRepo } from '../src/renderer/src/db/documents-repo';
import type { DossierDb } from '../src/renderer/src/db/schema';
import { importFiles } from '../src/renderer/src/features/import/import-service';
import type { SourceFile } from '../src/renderer/src/host/host-api';
import { nodePdfEngine } from './pdf-engine';
import { importSamples } from './sample-library';

/** A text with emoji, an ideograph outside the Basic Multilingual Plane and Windows line ends. */
export const ASTRAL_FIXTURE = new Uint8Array(
  readFileSync(new URL('./fixtures/exchange/patrol-log-astral-crlf.txt', import.meta.url)),
);

export function sourceOf(name: string, bytes: Uint8Array): SourceFile {
  return { name, relativePath: name, size: bytes.byteLength, read: async () => bytes };
}

export async function importInto(database: DossierDb, files: SourceFile[]): Promise<void> {
  await importFiles(
    files,
    { ingest: (r) => runIngestJob(r, nodePdfEngine), library: documentsRepo(database) },
    { origin: 'files' },
  );
}

/** Tags the first occurrence of `phrase` in the document titled like `title`. */
export async function tag(
  database: DossierDb,
  service: AnnotationService,
  title: RegExp,
  phrase: string,
  tagName: Tag,
): Promise<Annotation> {
  const doc = (await database.documents.toArray()).find((d) => title.test(d.title));
  if (!doc) throw new Error(`no document titled ${title}`);
  const content = await database.contents.get(doc.id);
  const start = content?.text.indexOf(phrase) ?? -1;
  if (!content || start < 0) throw new Error(`“${phrase}” is not in ${doc.title}`);
  const selectors = [...describeRange(content.text, { start, end: start + phrase.length })];
  return service.create({
    docId: doc.id,
    tag: tagName,
    target: { contentHash: doc.contentHash, selectors },
  });
}

/**
 * The samples plus the astral/CRLF text, with a pledge (assessed), evidence and a critique
 * linked to it, notes, labels and an actor: every kind of record a backup carries.
 */
export async function seedLibrary(database: DossierDb): Promise<AnnotationService> {
  await importSamples(database);
  await importInto(database, [sourceOf('patrol-log-astral-crlf.txt', ASTRAL_FIXTURE)]);
  let clock = 1_700_000_000_000;
  const service = new AnnotationService(annotationStore(database), { now: () => (clock += 1000) });
  const pledge = await tag(
    database,
    service,
    /Justice Minister Vows/,
    'Officials who collude with traffickers will be punished',
    'pledge',
  );
  await service.update(pledge.id, { actor: 'Justice Minister', labels: ['justice'] });
  await service.update(pledge.id, {
    status: 'broken',
    rationale: 'No senior official convicted by 2015.',
  });
  const critique = await tag(
    database,
    service,
    /Complicit Officials/,
    'complicit officials are never prosecuted',
    'critique',
  );
  await service.update(critique.id, { note: 'A former **deputy prosecutor** says so.' });
  await service.link(critique.id, pledge.id, 'contradicts');
  const astral = await tag(
    database,
    service,
    /Harbour patrol log/,
    'shelters in every province by 2012” 🏠',
    'pledge',
  );
  const evidence = await tag(
    database,
    service,
    /Harbour patrol log/,
    'two shelters, both closed 😞',
    'evidence',
  );
  await service.link(evidence.id, astral.id, 'supports');
  return service;
}

/** Every stored record of the library except the search index, in a stable order. */
export async function dumpLibrary(database: DossierDb) {
  const byKey =
    <T>(key: (t: T) => string) =>
    (a: T, b: T) =>
      key(a).localeCompare(key(b));
  return {
    documents: (await database.documents.toArray()).sort(byKey((d) => d.contentHash)),
    contents: (await database.contents.toArray()).sort(byKey((c) => c.docId)),
    originals: (await database.originals.toArray())
      .map((o) => ({ docId: o.docId, bytes: Array.from(o.bytes).join(',') }))
      .sort(byKey((o) => o.docId)),
    annotations: (await database.annotations.toArray()).sort(byKey((a) => a.id)),
    links: (await database.links.toArray()).sort(byKey((l) => l.id)),
    importRuns: (await database.importRuns.toArray()).sort(byKey((r) => r.id)),
  };
}
