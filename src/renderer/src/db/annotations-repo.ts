import type { AnnotationStore } from '@core/annotations/annotation-service';
import { actorsByUse } from '@core/annotations/annotation-filter';
import { TagSchema, type Annotation, type AnnotationLink, type Tag } from '@core/model';
import Dexie, { type ObservabilitySet } from 'dexie';
import { db, type DossierDb } from './schema';
import { validRecord, validRecords } from './valid-records';

/** Annotations that fit their schema; the others are skipped (and reported). */
const valid = (rows: readonly unknown[]): Annotation[] => validRecords('annotations', rows);

export function annotationsRepo(database: DossierDb = db()) {
  return {
    async forDocument(docId: string): Promise<Annotation[]> {
      return valid(await database.annotations.where('docId').equals(docId).toArray());
    },
    async get(id: string): Promise<Annotation | undefined> {
      return validRecord('annotations', await database.annotations.get(id));
    },
    async all(): Promise<Annotation[]> {
      return valid(await database.annotations.toArray());
    },
    async pledges(): Promise<Annotation[]> {
      return valid(await database.annotations.where('tag').equals('pledge').toArray());
    },
    count(): Promise<number> {
      return database.annotations.count();
    },
    /** Each annotation's document and tag, read from the indexes alone (none is loaded). */
    tagsByDocument(): Promise<{ docId: string; tag: Tag }[]> {
      return database.transaction('r', database.annotations, async () => {
        const docOf = new Map<string, string>();
        await database.annotations
          .orderBy('docId')
          .eachKey((docId, cursor) => docOf.set(String(cursor.primaryKey), String(docId)));
        const out: { docId: string; tag: Tag }[] = [];
        await database.annotations.orderBy('tag').eachKey((key, cursor) => {
          const tag = TagSchema.safeParse(key);
          const docId = docOf.get(String(cursor.primaryKey));
          if (tag.success && docId !== undefined) out.push({ docId, tag: tag.data });
        });
        return out;
      });
    },
    /** Actors named so far, most used first, for suggestions. */
    async actors(): Promise<string[]> {
      const named: string[] = [];
      await database.annotations
        .where('actor')
        .above('')
        .eachKey((actor) => named.push(String(actor)));
      return actorsByUse(named);
    },
  };
}

export function linksRepo(database: DossierDb = db()) {
  return {
    async all(): Promise<AnnotationLink[]> {
      return validRecords('links', await database.links.toArray());
    },
    count(): Promise<number> {
      return database.links.count();
    },
    /** Every link from or to the annotation. */
    async of(annotationId: string): Promise<AnnotationLink[]> {
      const [from, to] = await Promise.all([
        database.links.where('fromId').equals(annotationId).toArray(),
        database.links.where('toId').equals(annotationId).toArray(),
      ]);
      return validRecords('links', [...from, ...to.filter((l) => l.fromId !== annotationId)]);
    },
  };
}

/** The annotation service's persistence, over IndexedDB. */
export function annotationStore(database: DossierDb = db()): AnnotationStore {
  return {
    get: async (id) => validRecord('annotations', await database.annotations.get(id)),
    put: async (annotation) => {
      await database.annotations.put(annotation);
    },
    remove: (id) => database.annotations.delete(id),
    linksOf: (id) => linksRepo(database).of(id),
    putLink: async (link) => {
      await database.links.put(link);
    },
    removeLink: (id) => database.links.delete(id),
    atomically: (work) => database.transaction('rw', database.annotations, database.links, work),
  };
}

/**
 * Calls `listener` after every committed change to the annotations, made here or in any
 * other window or worker of the app (Dexie tells every context of the origin). Returns the
 * unsubscribe function.
 */
export function onAnnotationsChanged(listener: () => void, database: DossierDb = db()): () => void {
  const prefix = `idb://${database.name}/annotations/`;
  const heard = (parts: ObservabilitySet) => {
    if (Object.keys(parts).some((part) => part.startsWith(prefix))) listener();
  };
  Dexie.on('storagemutated', heard);
  return () => Dexie.on('storagemutated').unsubscribe(heard);
}
