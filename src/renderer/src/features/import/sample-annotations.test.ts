import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pledgeChains, prepareLibrary, runGapQuery } from '@core/analysis';
import { anchor, quoteSelectorOf } from '@core/anchoring';
import { SampleAnnotationsSchema } from '@core/samples/sample-annotations';
import raw from '../../../../../resources/sample-annotations.json';
import { importSamples } from '../../../../../tests/sample-library';
import { DossierDb } from '../../db/schema';
import { importSampleAnnotations } from './sample-annotations';

let database: DossierDb;

beforeAll(async () => {
  database = new DossierDb('dossier-sample-annotations');
  await database.open();
  await importSamples(database);
});
afterAll(async () => {
  await database.delete();
});

describe('the annotations written for the samples', () => {
  it('anchor exactly, by their stored position, on the samples as Dossier imports them', async () => {
    const data = SampleAnnotationsSchema.parse(raw);
    const added = await importSampleAnnotations(database);
    expect(added).toEqual({ annotations: data.annotations.length, links: data.links.length });
    const annotations = await database.annotations.toArray();
    expect(annotations).toHaveLength(data.annotations.length);
    for (const a of annotations) {
      const content = await database.contents.get(a.docId);
      const doc = await database.documents.get(a.docId);
      expect(a.target.contentHash).toBe(doc?.contentHash);
      const found = anchor(content?.text ?? '', a.target.selectors, content?.pages);
      expect(found, a.id).toMatchObject({ method: 'position', score: 1 });
      expect(content?.text.slice(found?.start, found?.end)).toBe(
        quoteSelectorOf(a.target.selectors)?.exact,
      );
    }
  });

  it('are written again, not copied, when loaded twice, and tell the seeded story', async () => {
    await importSampleAnnotations(database);
    const data = SampleAnnotationsSchema.parse(raw);
    const [annotations, links, documents] = await Promise.all([
      database.annotations.toArray(),
      database.links.toArray(),
      database.documents.toArray(),
    ]);
    expect(annotations).toHaveLength(data.annotations.length);
    expect(links).toHaveLength(data.links.length);
    const library = prepareLibrary({ annotations, links, documents });
    const chains = pledgeChains(library);
    // The 2008 pledge on complicit officials, criticised in 2015 and repeated the same year.
    const officials = chains.find((c) => c.id === 'sample-p-officials-2008');
    expect(officials?.pledges.map((p) => library.dates.get(p.id))).toEqual([
      '2008-03-13',
      '2013-05-02',
      '2015-01-20',
      '2016-04-11',
    ]);
    expect(officials?.items.map((i) => i.date)).toContain('2015-01-20');
    // A gap query answers at once: the hotline pledge has no evidence linked.
    const none = runGapQuery('no-evidence', { library, chains });
    expect(none.annotations.map((a) => a.id)).toContain('sample-p-hotline-2015');
    const unlinked = runGapQuery('unlinked-evidence', { library, chains });
    expect(unlinked.annotations.map((a) => a.id)).toContain('sample-e-hotline-recorded-2016');
  });
});
