import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnnotationService } from '@core/annotations/annotation-service';
import { importSamples } from '../../../../tests/sample-library';
import { importSampleAnnotations } from '../features/import/sample-annotations';
import { createSearchEngine } from '../features/search/search-engine';
import { annotationStore } from './annotations-repo';
import { documentsRepo } from './documents-repo';
import { DossierDb } from './schema';

let database: DossierDb;
let n = 0;
beforeEach(async () => {
  n += 1;
  database = new DossierDb(`dossier-delete-${n}`);
  await database.open();
  await importSamples(database);
  await importSampleAnnotations(database);
});
afterEach(() => database.delete());

async function snapshot() {
  const [documents, contents, originals, annotations, links] = await Promise.all([
    database.documents.toArray(),
    database.contents.toArray(),
    database.originals.toArray(),
    database.annotations.toArray(),
    database.links.toArray(),
  ]);
  const ids = <T>(rows: T[], key: (r: T) => string) => rows.map(key).sort();
  return {
    documents: ids(documents, (d) => d.id),
    contents: ids(contents, (c) => c.docId),
    originals: ids(originals, (o) => o.docId),
    annotations: ids(annotations, (a) => a.id),
    links: ids(links, (l) => l.id),
  };
}

async function hits(engine: ReturnType<typeof createSearchEngine>, query: string) {
  const reply = await engine.handle({ type: 'query', query });
  if (reply.type !== 'answer' || !reply.answer.ok) throw new Error('no answer');
  return reply.answer.items.map((i) => i.doc.title);
}

describe('deleting documents', () => {
  it('takes their text, file, annotations, every link touching them and their index entries, and Undo puts all back', async () => {
    const repo = documentsRepo(database);
    const engine = createSearchEngine(database);
    await engine.handle({ type: 'open' });
    const before = await snapshot();
    const docs = await repo.list();
    const pledge2008 = docs.find((d) => d.date === '2008-03-14');
    const audit = docs.find((d) => d.date === '2014-11-19');
    const ids = [pledge2008!.id, audit!.id];

    const impact = await repo.removalImpact(ids);
    // 3 pledges in the 2008 article, 3 annotations in the audit; links: every repeat of and
    // evidence on those pledges (7 + 2 + 3), and the audit's two links.
    expect(impact).toEqual({ annotations: 6, links: 14 });

    const service = new AnnotationService(annotationStore(database));
    let removed = await repo.removeMany(ids);
    await service.recordDone(
      'delete 2 documents',
      () => repo.restore(removed),
      async () => {
        removed = await repo.removeMany(ids);
      },
    );
    expect(removed.annotations).toHaveLength(6);
    expect(removed.links).toHaveLength(14);
    const after = await snapshot();
    expect(after.documents).toHaveLength(before.documents.length - 2);
    expect(after.annotations).toHaveLength(before.annotations.length - 6);
    expect(after.links).toHaveLength(before.links.length - 14);
    // No link is left pointing at an annotation that is gone.
    const left = new Set(after.annotations);
    for (const link of await database.links.toArray()) {
      expect(left.has(link.fromId) && left.has(link.toId)).toBe(true);
    }
    // The index marks them removed: a word only they hold finds nothing.
    await engine.handle({ type: 'rebuild' });
    expect(await hits(engine, '"exist only on paper"')).toEqual([]);

    expect(service.history()).toMatchObject({ canUndo: true, undoLabel: 'delete 2 documents' });
    await service.undo();
    expect(await snapshot()).toEqual(before);
    await engine.handle({ type: 'rebuild' });
    expect(await hits(engine, '"exist only on paper"')).toEqual([
      'Audit of the National Shelter Programme',
    ]);

    await service.redo();
    expect((await snapshot()).documents).toHaveLength(before.documents.length - 2);
  });

  it('brings back no link to an annotation deleted meanwhile', async () => {
    const repo = documentsRepo(database);
    const pm = (await repo.list()).find((d) => d.date === '2015-01-20')!;
    const removed = await repo.removeMany([pm.id]);
    // The 2008 pledge, which the 2015 one repeats, goes while the 2015 article is deleted.
    await new AnnotationService(annotationStore(database)).remove('sample-p-officials-2008');
    await repo.restore(removed);
    const links = await database.links.toArray();
    expect(links.some((l) => l.toId === 'sample-p-officials-2008')).toBe(false);
    expect(await database.annotations.get('sample-p-officials-2015')).toBeDefined();
  });
});
