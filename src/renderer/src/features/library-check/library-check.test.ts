import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkLibrary } from '@core/library-check';
import { ingestFile } from '@core/ingest';
import { nodePdfEngine } from '../../../../../tests/pdf-engine';
import { seedLibrary, tag } from '../../../../../tests/exchange-library';
import { annotationsRepo, linksRepo } from '../../db/annotations-repo';
import { documentsRepo } from '../../db/documents-repo';
import { libraryCheckRepo } from '../../db/library-check-repo';
import { DossierDb } from '../../db/schema';
import { checkAndRepair, type TextReader } from './library-check';

let database: DossierDb;
let n = 0;

beforeEach(async () => {
  n += 1;
  database = new DossierDb(`dossier-check-${n}`);
  await database.open();
});
afterEach(() => database.delete());

/** Reads a file's text with the real parsers, as the ingest worker does. */
const readText: TextReader = async (fileName, bytes) => {
  const result = await ingestFile(fileName, bytes, { pdf: nodePdfEngine });
  return result.status === 'ok'
    ? { text: result.doc.text, blocks: result.doc.blocks, pages: result.doc.pages }
    : { error: result.reason };
};

const byTitle = async (pattern: RegExp) => {
  const found = (await documentsRepo(database).list()).find((d) => pattern.test(d.title));
  if (!found) throw new Error(`no document titled ${pattern}`);
  return found;
};

describe('the check of the library at start', () => {
  it('finds nothing to do in a sound library', async () => {
    await seedLibrary(database);
    const outcome = await checkAndRepair(libraryCheckRepo(database), readText);
    expect(outcome.lines).toEqual([]);
    expect(outcome.changedDocuments).toBe(false);
  });

  it('removes links to annotations that are gone, and only those', async () => {
    const service = await seedLibrary(database);
    const links = await linksRepo(database).all();
    expect(links).toHaveLength(2);
    // A crash between two writes of an older version: the annotation went, its link stayed.
    const [gone] = links;
    await database.annotations.delete(gone!.fromId);
    const outcome = await checkAndRepair(libraryCheckRepo(database), readText);
    expect(outcome.lines).toEqual(['1 link to annotations no longer in the library was removed.']);
    expect((await linksRepo(database).all()).map((l) => l.id)).toEqual([links[1]!.id]);
    // Undo history still works on what is left.
    expect(service.history().canUndo).toBe(true);
  });

  it('keeps annotations whose document is gone and says they are in Needs review', async () => {
    await seedLibrary(database);
    const annotations = await annotationsRepo(database).all();
    await database.annotations.put({ ...annotations[0]!, id: 'stray', docId: 'no-such-doc' });
    const outcome = await checkAndRepair(libraryCheckRepo(database), readText);
    expect(outcome.report.repairs.orphanAnnotations).toEqual(['stray']);
    expect(outcome.lines).toEqual([
      '1 annotation whose document is no longer in the library is kept and listed in Needs review.',
    ]);
    expect(await annotationsRepo(database).get('stray')).toBeDefined();
  });

  it('reads a missing text again from the original file', async () => {
    await seedLibrary(database);
    const audit = await byTitle(/audit/i);
    const before = await documentsRepo(database).content(audit.id);
    await database.contents.delete(audit.id);
    const outcome = await checkAndRepair(libraryCheckRepo(database), readText);
    expect(outcome.report.restored).toEqual([audit.title]);
    expect(outcome.changedDocuments).toBe(true);
    expect(outcome.lines[0]).toMatch(/^The text of 1 document was missing and was read again/);
    expect(await documentsRepo(database).content(audit.id)).toEqual(before);
  });

  it('removes a document with neither text nor file, keeping its annotations as orphans', async () => {
    const service = await seedLibrary(database);
    const op = await byTitle(/Complicit Officials/);
    const note = await tag(
      database,
      service,
      /Complicit Officials/,
      'never prosecuted',
      'evidence',
    );
    await database.contents.delete(op.id);
    await database.originals.delete(op.id);
    // And leftovers of a document that is gone: a text and a file.
    await database.contents.put({ docId: 'ghost', text: 'left behind', blocks: [] });
    await database.originals.put({ docId: 'ghost', bytes: new Uint8Array([1, 2]) });

    const outcome = await checkAndRepair(libraryCheckRepo(database), readText);
    expect(outcome.report.removedTitles).toEqual([op.title]);
    expect(outcome.report.repairs.orphanAnnotations).toContain(note.id);
    expect(outcome.lines).toEqual([
      `1 document had lost both text and original file and was removed from the library: “${op.title}”.`,
      '2 annotations whose document is no longer in the library are kept and listed in Needs review.',
      '2 stored texts and files without a document were removed.',
    ]);
    expect(await documentsRepo(database).get(op.id)).toBeUndefined();
    expect(await annotationsRepo(database).get(note.id)).toBeDefined();
    expect(await database.contents.get('ghost')).toBeUndefined();
    expect(await database.originals.get('ghost')).toBeUndefined();

    // Checked again, only the orphans are left to mention.
    const again = checkLibrary(await libraryCheckRepo(database).facts());
    expect(again.danglingLinks).toEqual([]);
    expect(again.emptyDocuments).toEqual([]);
    expect(again.orphanAnnotations.sort()).toEqual(outcome.report.repairs.orphanAnnotations.sort());
  });

  it('says which text could not be read again, and leaves that document in place', async () => {
    await seedLibrary(database);
    const doc = await byTitle(/Harbour patrol log/);
    await database.contents.delete(doc.id);
    await database.originals.put({ docId: doc.id, bytes: new Uint8Array() });
    const outcome = await checkAndRepair(libraryCheckRepo(database), readText);
    expect(outcome.lines).toEqual([
      `The text of “${doc.title}” is missing and could not be read again: file is empty.`,
    ]);
    expect(await documentsRepo(database).get(doc.id)).toBeDefined();
  });
});
