import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AnnotationService } from '@core/annotations/annotation-service';
import { describeRange } from '@core/anchoring';
import type { Tag } from '@core/model';
import {
  annotationStore,
  annotationsRepo,
  linksRepo,
  onAnnotationsChanged,
} from './annotations-repo';
import { DossierDb } from './schema';

// From the sample collection: a 2008 pledge, its 2015 repetition, and what followed.
const TEXT =
  'Officials who collude with traffickers will be prosecuted within two years, the Justice ' +
  'Minister said. In 2015 the Prime Minister repeated the pledge. No official was convicted ' +
  'by 2016, according to the court statistics.';

let database: DossierDb;
let service: AnnotationService;
let clock = 1000;
let n = 0;

beforeEach(async () => {
  n += 1;
  database = new DossierDb(`dossier-links-test-${n}`);
  await database.open();
  clock = 1000;
  service = new AnnotationService(annotationStore(database), { now: () => (clock += 10) });
});

afterEach(async () => {
  await database.delete();
});

function tagPhrase(phrase: string, tag: Tag, actor?: string) {
  const start = TEXT.indexOf(phrase);
  const selectors = describeRange(TEXT, { start, end: start + phrase.length });
  return service.create({
    docId: 'd1',
    tag,
    actor,
    statementDate: '2008-03-14',
    target: { contentHash: 'h', selectors },
  });
}

describe('annotation service over IndexedDB', () => {
  it('edits actor, statement date and labels, and undoes each edit', async () => {
    const pledge = await tagPhrase('Officials who collude', 'pledge', 'Justice Minister');
    await service.update(pledge.id, { actor: '  Minister Halvorsen ' });
    await service.update(pledge.id, { statementDate: '2008-03-15' });
    await service.update(pledge.id, { labels: ['prosecution', ' courts ', 'prosecution', ''] });
    const edited = await database.annotations.get(pledge.id);
    expect(edited).toMatchObject({
      actor: 'Minister Halvorsen',
      statementDate: '2008-03-15',
      labels: ['prosecution', 'courts'],
    });
    expect(service.history().undoLabel).toBe('edit labels');
    await service.undo();
    await service.undo();
    expect(await database.annotations.get(pledge.id)).toMatchObject({
      actor: 'Minister Halvorsen',
      statementDate: '2008-03-14',
    });
    expect((await database.annotations.get(pledge.id))?.labels).toBeUndefined();
    await service.update(pledge.id, { actor: '' });
    expect((await database.annotations.get(pledge.id))?.actor).toBeUndefined();
    expect(await annotationsRepo(database).actors()).toEqual([]);
  });

  it('keeps a dated history of status changes and ignores edits that change nothing', async () => {
    const pledge = await tagPhrase('Officials who collude', 'pledge');
    await service.update(pledge.id, { status: 'open', rationale: 'Deadline is 2010.' });
    await service.update(pledge.id, { status: 'broken', rationale: 'No conviction by 2016.' });
    const same = await service.update(pledge.id, { status: 'broken' });
    const stored = await database.annotations.get(pledge.id);
    expect(same).toEqual(stored);
    expect(stored?.status).toBe('broken');
    expect(stored?.rationale).toBe('No conviction by 2016.');
    expect(stored?.statusHistory?.map((h) => [h.status, h.rationale])).toEqual([
      ['open', 'Deadline is 2010.'],
      ['broken', 'No conviction by 2016.'],
    ]);
    const times = stored?.statusHistory?.map((h) => h.at) ?? [];
    expect(times[1]).toBeGreaterThan(times[0] ?? Infinity);
    await service.undo();
    expect((await database.annotations.get(pledge.id))?.status).toBe('open');
    expect((await database.annotations.get(pledge.id))?.statusHistory).toHaveLength(1);
  });

  it('links to pledges, changes a relation instead of duplicating, and refuses bad links', async () => {
    const pledge = await tagPhrase('Officials who collude', 'pledge');
    const repeat = await tagPhrase('the Prime Minister repeated the pledge', 'pledge');
    const evidence = await tagPhrase('No official was convicted', 'evidence');
    await service.link(repeat.id, pledge.id, 'repeats');
    await service.link(evidence.id, pledge.id, 'supports');
    await service.link(evidence.id, pledge.id, 'contradicts');
    const links = await linksRepo(database).of(pledge.id);
    expect(links.map((l) => [l.fromId, l.relation]).sort()).toEqual(
      [
        [repeat.id, 'repeats'],
        [evidence.id, 'contradicts'],
      ].sort(),
    );
    await expect(service.link(pledge.id, evidence.id, 'supports')).rejects.toThrow(/pledge/);
    await expect(service.link(pledge.id, pledge.id, 'repeats')).rejects.toThrow(/itself/);
    await service.undo();
    expect((await linksRepo(database).of(evidence.id))[0]?.relation).toBe('supports');
    const link = (await linksRepo(database).of(evidence.id))[0];
    await service.unlink(link?.id ?? '', evidence.id);
    expect(await linksRepo(database).of(evidence.id)).toEqual([]);
    await service.undo();
    expect(await linksRepo(database).of(evidence.id)).toHaveLength(1);
  });

  it('deletes an annotation with its links, and undo and redo move both', async () => {
    const pledge = await tagPhrase('Officials who collude', 'pledge');
    const repeat = await tagPhrase('the Prime Minister repeated the pledge', 'pledge');
    const evidence = await tagPhrase('No official was convicted', 'evidence');
    await service.link(repeat.id, pledge.id, 'repeats');
    await service.link(evidence.id, pledge.id, 'contradicts');
    await service.remove(pledge.id);
    expect(await database.annotations.get(pledge.id)).toBeUndefined();
    expect(await database.links.count()).toBe(0);
    expect(service.history().undoLabel).toBe('delete pledge');
    expect(await service.undo()).toBe(pledge.id);
    expect(await database.annotations.get(pledge.id)).toEqual(pledge);
    expect(await database.links.count()).toBe(2);
    await service.redo();
    expect(await database.annotations.count()).toBe(2);
    expect(await database.links.count()).toBe(0);
  });

  it('re-attaches an orphan to new text and clears its review flag', async () => {
    const pledge = await tagPhrase('Officials who collude', 'pledge');
    await database.annotations.update(pledge.id, {
      review: { reason: 'not-found', previousQuote: 'Officials who collude', since: 5 },
    });
    const start = TEXT.indexOf('repeated the pledge');
    const selectors = describeRange(TEXT, { start, end: start + 'repeated the pledge'.length });
    await service.update(pledge.id, { target: { contentHash: 'h2', selectors } });
    const moved = await database.annotations.get(pledge.id);
    expect(moved?.review).toBeUndefined();
    expect(moved?.target.contentHash).toBe('h2');
    expect(service.history().undoLabel).toBe('re-attach');
    await service.undo();
    expect((await database.annotations.get(pledge.id))?.review?.reason).toBe('not-found');
  });

  it('suggests actors, most named first', async () => {
    await tagPhrase('Officials who collude', 'pledge', 'Justice Minister');
    await tagPhrase('the Prime Minister repeated the pledge', 'pledge', 'Prime Minister');
    await tagPhrase('No official was convicted', 'evidence', 'Prime Minister');
    expect(await annotationsRepo(database).actors()).toEqual([
      'Prime Minister',
      'Justice Minister',
    ]);
  });
});

describe('hearing of annotation changes', () => {
  it('tells of each committed change to annotations, and of nothing else', async () => {
    let heard = 0;
    const stop = onAnnotationsChanged(() => (heard += 1), database);
    const pledge = await tagPhrase('Officials who collude', 'pledge');
    expect(heard).toBe(1);
    await service.update(pledge.id, { tag: 'critique' });
    expect(heard).toBe(2);
    await service.remove(pledge.id);
    expect(heard).toBe(3);
    await database.searchIndex.put({ id: 'main', signatures: {}, deleted: {}, builtAt: 1 });
    // Another library's annotations are not this one's.
    const other = new DossierDb(`${database.name}-other`);
    await annotationStore(other).put({ ...pledge, id: 'elsewhere' });
    await other.delete();
    expect(heard).toBe(3);
    stop();
    await tagPhrase('the pledge', 'evidence');
    expect(heard).toBe(3);
    expect(await annotationsRepo(database).tagsByDocument()).toEqual([
      { docId: 'd1', tag: 'evidence' },
    ]);
  });
});
