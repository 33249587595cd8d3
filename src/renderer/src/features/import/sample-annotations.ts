import { SampleAnnotationsSchema, sampleRecords } from '@core/samples/sample-annotations';
import raw from '../../../../../resources/sample-annotations.json';
import { db, type DossierDb } from '../../db/schema';

/**
 * Adds the annotations written for the sample collection to the samples in the library, in one
 * transaction (after the samples' import has stored them).
 */
export async function importSampleAnnotations(
  database: DossierDb = db(),
): Promise<{ annotations: number; links: number }> {
  const data = SampleAnnotationsSchema.parse(raw);
  return database.transaction(
    'rw',
    database.documents,
    database.annotations,
    database.links,
    async () => {
      const found = await database.documents
        .where('contentHash')
        .anyOf(Object.values(data.files))
        .toArray();
      const byHash = new Map(found.map((d) => [d.contentHash, d.id]));
      const { annotations, links } = sampleRecords(data, byHash, Date.now());
      await database.annotations.bulkPut(annotations);
      await database.links.bulkPut(links);
      return { annotations: annotations.length, links: links.length };
    },
  );
}
