import type { ForeignLink, ForeignSet } from '@core/exchange/foreign';
import { planMerge, type MergeSummary } from '@core/exchange/merge';
import { placeAnnotations, type PlaceDoc } from '@core/exchange/place';
import type { LibraryDocument } from '@core/exchange/records';
import type { QdpxSource } from '@core/exchange/refi-import';
import { sha256Hex } from '@core/ingest/hash';
import type { Annotation, AnnotationLink, Block, DocumentRecord, Tag } from '@core/model';
import { applyMergePlan, librarySnapshot } from './library-exchange';
import type { DossierDb } from './schema';

/** What an annotation export needs: the annotated documents with their text, annotations, links. */
export async function annotationExportData(database: DossierDb) {
  const [annotations, links] = await Promise.all([
    database.annotations.toArray(),
    database.links.toArray(),
  ]);
  const ids = [...new Set(annotations.map((a) => a.docId))];
  const [records, contents] = await Promise.all([
    database.documents.bulkGet(ids),
    database.contents.bulkGet(ids),
  ]);
  const docs = records.flatMap((record, i) => {
    const content = contents[i];
    return record && content ? [{ record, text: content.text }] : [];
  });
  return { docs, annotations, links };
}

export interface ImportOutcome {
  summary: MergeSummary;
  /** Placed on changed words or not found: waiting in Needs review. */
  review: number;
  /** Annotations of documents the analyst left unmatched: not imported. */
  withoutDocument: number;
}

/**
 * Places annotations read from a file on the documents chosen for them and merges them into
 * the library in one transaction. Importing the same file again adds nothing.
 */
export async function importForeign(
  database: DossierDb,
  set: Pick<ForeignSet, 'annotations' | 'links'>,
  chosen: ReadonlyMap<string, string>,
  options: { defaultTag: Tag; now?: number },
): Promise<ImportOutcome> {
  const now = options.now ?? Date.now();
  const docIds = [...new Set(chosen.values())];
  const [records, contents] = await Promise.all([
    database.documents.bulkGet(docIds),
    database.contents.bulkGet(docIds),
  ]);
  const docs = new Map<string, PlaceDoc>();
  records.forEach((r, i) => {
    const c = contents[i];
    if (r && c)
      docs.set(r.id, {
        id: r.id,
        contentHash: r.contentHash,
        title: r.title,
        url: r.url,
        text: c.text,
        pages: c.pages,
      });
  });
  const docFor = (hint: { key: string }) => {
    const id = chosen.get(hint.key);
    return id ? docs.get(id) : undefined;
  };
  const placed = placeAnnotations(set.annotations, docFor, { now, defaultTag: options.defaultTag });
  const withoutDocument = set.annotations.filter((a) => !docFor(a.doc)).length;
  return mergeIn(database, [], placed.annotations, set.links, now, placed.review, withoutDocument);
}

async function mergeIn(
  database: DossierDb,
  documents: LibraryDocument[],
  annotations: Annotation[],
  links: readonly ForeignLink[],
  now: number,
  review: number,
  withoutDocument: number,
): Promise<ImportOutcome> {
  const snapshot = await librarySnapshot(database);
  const plan = planMerge(
    { documents, annotations, links: links as AnnotationLink[], importRuns: [] },
    snapshot,
    { now, newId: () => crypto.randomUUID() },
  );
  await applyMergePlan(database, plan);
  return { summary: plan.summary, review, withoutDocument };
}

/** A project's text source as a library document: its text is the document's text. */
export async function documentOfSource(
  source: QdpxSource,
  projectName: string,
  now: number,
): Promise<LibraryDocument> {
  const original = new TextEncoder().encode(source.text);
  const id = crypto.randomUUID();
  const fileName = `${source.name.replace(/[\\/:*?"<>|]+/g, '-')}.txt`;
  const record: DocumentRecord = {
    id,
    title: source.name,
    source: source.meta.source ?? null,
    date: source.meta.date ?? null,
    author: source.meta.author ?? null,
    url: source.meta.url ?? null,
    language: null,
    format: 'txt',
    fileName,
    filePath: `${projectName}/${fileName}`,
    contentHash: await sha256Hex(original),
    byteLength: original.byteLength,
    textLength: source.text.length,
    importedAt: now,
  };
  return {
    record,
    content: { docId: id, text: source.text, blocks: paragraphs(source.text) },
    original,
  };
}

/** Blocks for a plain text: paragraphs between blank lines. */
function paragraphs(text: string): Block[] {
  const blocks: Block[] = [];
  const re = /[^\n]+(?:\n[^\n]+)*/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].trim() !== '')
      blocks.push({ kind: 'paragraph', start: m.index, end: m.index + m[0].length });
  }
  return blocks;
}

/** Imports a REFI-QDA project: its sources as documents (or matched by content), its selections as annotations. */
export async function importProject(
  database: DossierDb,
  project: { name: string; sources: QdpxSource[] },
  set: Pick<ForeignSet, 'annotations' | 'links'>,
  options: { defaultTag: Tag; now?: number },
): Promise<ImportOutcome> {
  const now = options.now ?? Date.now();
  const documents = await Promise.all(
    project.sources.map((s) => documentOfSource(s, project.name, now)),
  );
  const byGuid = new Map(project.sources.map((s, i) => [s.guid, documents[i]]));
  const placed = placeAnnotations(
    set.annotations,
    (hint) => {
      const doc = byGuid.get(hint.key);
      return (
        doc && {
          id: doc.record.id,
          contentHash: doc.record.contentHash,
          title: doc.record.title,
          url: doc.record.url,
          text: doc.content.text,
        }
      );
    },
    { now, defaultTag: options.defaultTag },
  );
  return mergeIn(database, documents, placed.annotations, set.links, now, placed.review, 0);
}
