import type { AnnotationStore } from '@core/annotations/annotation-service';
import type { Annotation } from '@core/model';
import { db, type DossierDb } from './schema';

export function annotationsRepo(database: DossierDb = db()) {
  return {
    forDocument(docId: string): Promise<Annotation[]> {
      return database.annotations.where('docId').equals(docId).toArray();
    },
    all(): Promise<Annotation[]> {
      return database.annotations.toArray();
    },
    count(): Promise<number> {
      return database.annotations.count();
    },
  };
}

/** The annotation service's persistence, over IndexedDB. */
export function annotationStore(database: DossierDb = db()): AnnotationStore {
  return {
    get: (id) => database.annotations.get(id),
    put: async (annotation) => {
      await database.annotations.put(annotation);
    },
    remove: (id) => database.annotations.delete(id),
  };
}
