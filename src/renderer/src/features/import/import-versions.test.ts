import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnnotationService } from '@core/annotations/annotation-service';
import { describeRange, quoteSelectorOf } from '@core/anchoring';
import { runIngestJob } from '@core/jobs/ingest-job';
import { annotationStore, annotationsRepo } from '../../db/annotations-repo';
import { documentsRepo } from '../../db/documents-repo';
import { DossierDb } from '../../db/schema';
import type { SourceFile } from '../../host/host-api';
import { importFiles, type ImportOptions } from './import-service';

const utf8 = new TextEncoder();
let database: DossierDb;
let n = 0;

beforeEach(async () => {
  n += 1;
  database = new DossierDb(`dossier-versions-${n}`);
  await database.open();
});
afterEach(() => database.delete());

const ARTICLE = `Shelter Deadline Missed Again
Source: The Harbour Gazette
Date: 2016-02-11

The ministry promised a shelter in every province by the end of 2015.

Only three of the nine provinces had an open shelter in January, inspectors said.

Critics said the programme existed mostly on paper.
`;

function file(path: string, text: string): SourceFile {
  const bytes = utf8.encode(text);
  return {
    name: path.split('/').pop()!,
    relativePath: path,
    size: bytes.byteLength,
    read: async () => bytes,
  };
}

function run(files: SourceFile[], options: Partial<ImportOptions> = {}) {
  return importFiles(
    files,
    { ingest: (r) => runIngestJob(r), concurrency: 2, library: documentsRepo(database) },
    { origin: 'folder', ...options },
  );
}

async function annotate(docId: string, phrase: string) {
  const content = await documentsRepo(database).content(docId);
  const doc = await documentsRepo(database).get(docId);
  const start = content!.text.indexOf(phrase);
  return new AnnotationService(annotationStore(database)).create({
    docId,
    tag: 'evidence',
    note: 'checked with inspectors',
    target: {
      contentHash: doc!.contentHash,
      selectors: describeRange(content!.text, { start, end: start + phrase.length }),
    },
  });
}

describe('new versions of a document', () => {
  it('takes a changed file at the same path as a new version and carries annotations over', async () => {
    const first = await run([file('press/shelters.txt', ARTICLE)]);
    const docId = first.files[0]!.docId!;
    const kept = await annotate(docId, 'Only three of the nine provinces had an open shelter');
    const changed = await annotate(docId, 'Critics said the programme existed mostly on paper.');
    const gone = await annotate(docId, 'The ministry promised a shelter in every province');
    await documentsRepo(database).updateMeta(docId, { source: 'Harbour Gazette (print)' });

    const edited = ARTICLE.replace(
      'The ministry promised a shelter in every province by the end of 2015.',
      'A correction was appended to this article on 12 February.',
    )
      .replace(
        'Critics said the programme existed mostly on paper.',
        'Critics said the programme existed largely on paper.',
      )
      .replace('Only three', 'Inspectors visited in January.\n\nOnly three');
    const second = await run([file('press/shelters.txt', edited)]);
    expect(second.files[0]).toMatchObject({
      outcome: 'updated',
      docId,
      reason: 'new version; 3 annotations carried over, 2 to review',
    });

    expect(await database.documents.count()).toBe(1);
    const record = await documentsRepo(database).get(docId);
    expect(record).toMatchObject({
      version: 2,
      source: 'Harbour Gazette (print)',
      editedFields: ['source'],
    });
    const content = await documentsRepo(database).content(docId);
    expect(content!.text).toContain('A correction was appended');

    const byId = new Map(
      (await annotationsRepo(database).forDocument(docId)).map((a) => [a.id, a]),
    );
    expect(byId.size).toBe(3);
    expect(byId.get(kept.id)!.review).toBeUndefined();
    expect(byId.get(kept.id)!.target.contentHash).toBe(record!.contentHash);
    expect(byId.get(changed.id)!.review).toMatchObject({ reason: 'changed' });
    expect(quoteSelectorOf(byId.get(changed.id)!.target.selectors)!.exact).toContain(
      'largely on paper',
    );
    expect(byId.get(gone.id)!.review).toMatchObject({ reason: 'not-found' });
    expect(byId.get(gone.id)!.note).toBe('checked with inspectors');
  });

  it('takes a file chosen as a new version whatever its name', async () => {
    const first = await run([file('a.txt', ARTICLE)]);
    const docId = first.files[0]!.docId!;
    const second = await run([file('renamed-download.txt', `${ARTICLE}\nA last paragraph.\n`)], {
      versionOf: docId,
    });
    expect(second.files[0]).toMatchObject({ outcome: 'updated', docId });
    expect(await database.documents.count()).toBe(1);
  });

  it('reports the second of two identical files in one import as a duplicate', async () => {
    const result = await run([file('one/x.txt', ARTICLE), file('two/x.txt', ARTICLE)]);
    expect(result.files.map((f) => f.outcome).sort()).toEqual(['duplicate', 'imported']);
    expect(result.files.find((f) => f.outcome === 'duplicate')!.reason).toMatch(/in this import/);
    expect(await database.documents.count()).toBe(1);
  });
});

describe('duplicates within one import', () => {
  it('imports the first of two identical files even when the later one is parsed first', async () => {
    const first = file('reports/gazette.txt', ARTICLE);
    // The first file is slow to read, so its copy is parsed and decided before it.
    const slow: SourceFile = {
      ...first,
      read: () => new Promise((resolve) => setTimeout(() => void first.read().then(resolve), 50)),
    };
    const run1 = await run([slow, file('copies/gazette-copy.txt', ARTICLE)]);
    expect(run1.files.map((f) => [f.relativePath, f.outcome])).toEqual([
      ['reports/gazette.txt', 'imported'],
      ['copies/gazette-copy.txt', 'duplicate'],
    ]);
    expect(run1.files[1]?.reason).toBe(
      'same content as “Shelter Deadline Missed Again” in this import',
    );
    const stored = await documentsRepo(database).list();
    expect(stored.map((d) => d.filePath)).toEqual(['reports/gazette.txt']);
  });
});

describe('reading a document again as another encoding', () => {
  // A Czech note in ISO-8859-2 whose first reading was wrong (Windows-1250 reads š and ž
  // from other bytes).
  const note = 'Azylový dům v Tarsku\n\nŠkola pro oběti je zavřená a ministerstvo to ví.\n';
  const encode = (text: string) => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const chars = new TextDecoder('iso-8859-2').decode(all);
    const byteOf = new Map([...chars].map((c, byte) => [c, byte]));
    return Uint8Array.from(text, (c) => byteOf.get(c) ?? 0x3f);
  };

  it('replaces the text as a new version of the same document, though the bytes are the same', async () => {
    const bytes = encode(note);
    const source: SourceFile = {
      name: 'tarsk.txt',
      relativePath: 'notes/tarsk.txt',
      size: bytes.byteLength,
      read: async () => bytes,
    };
    const first = await run([source], { encoding: 'windows-1250' });
    const docId = first.files[0]!.docId!;
    expect(first.files[0]!.readAs).toEqual({ encoding: 'windows-1250', how: 'chosen' });
    expect((await documentsRepo(database).content(docId))!.text).not.toContain('Škola');
    const annotation = await annotate(docId, 'ministerstvo to v');

    const again = await run([source], { versionOf: docId, encoding: 'iso-8859-2' });
    expect(again.files[0]).toMatchObject({
      outcome: 'updated',
      docId,
      readAs: { encoding: 'iso-8859-2', how: 'chosen' },
      reason: 'new version; 1 annotation carried over',
    });
    expect((await documentsRepo(database).content(docId))!.text).toContain(
      'Škola pro oběti je zavřená a ministerstvo to ví.',
    );
    const record = await documentsRepo(database).get(docId);
    expect(record).toMatchObject({ title: 'Azylový dům v Tarsku', version: 2 });
    expect(record?.readAs).toEqual({ encoding: 'iso-8859-2', how: 'chosen' });
    expect(await documentsRepo(database).count()).toBe(1);
    const moved = await annotationsRepo(database).get(annotation.id);
    expect(quoteSelectorOf(moved!.target.selectors)?.exact).toBe('ministerstvo to v');

    // The same bytes imported as a plain new file are still a duplicate.
    const duplicate = await run([{ ...source, relativePath: 'copy/tarsk.txt' }]);
    expect(duplicate.files[0]!.outcome).toBe('duplicate');
  });
});
