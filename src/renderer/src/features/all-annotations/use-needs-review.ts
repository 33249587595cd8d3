import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { Annotation, DocumentRecord } from '@core/model';
import { annotationsRepo } from '../../db/annotations-repo';
import { db } from '../../db/schema';
import { createReviewClient } from '../../workers/clients';

export interface ReviewItem {
  annotation: Annotation;
  doc: DocumentRecord | undefined;
  /** Cannot be placed in the current text at all. */
  orphan: boolean;
}

let client: ReturnType<typeof createReviewClient> | null = null;

/**
 * Annotations the analyst should look at: those flagged when a new version of their document
 * came in, and those that cannot be anchored in their document's current text. The anchoring,
 * which reads every annotated document's text, runs in a worker; undefined until it answers.
 */
export function useNeedsReview(): ReviewItem[] | undefined {
  const annotations = useLiveQuery(() => annotationsRepo().all(), []);
  const [orphans, setOrphans] = useState<{ of: Annotation[]; ids: Set<string> } | null>(null);
  useEffect(() => {
    if (!annotations) return;
    let current = true;
    client ??= createReviewClient();
    client.request({ type: 'orphans' }).then(
      (reply) => {
        if (current) setOrphans({ of: annotations, ids: new Set(reply.orphans) });
      },
      () => {
        if (current) setOrphans({ of: annotations, ids: new Set() });
      },
    );
    return () => {
      current = false;
    };
  }, [annotations]);
  const flagged = orphans ? orphans.of.filter((a) => a.review || orphans.ids.has(a.id)) : undefined;
  const docs = useLiveQuery(async () => {
    if (!flagged) return undefined;
    const ids = [...new Set(flagged.map((a) => a.docId))];
    const found = await db().documents.bulkGet(ids);
    return new Map(ids.map((id, i) => [id, found[i]]));
  }, [orphans]);
  if (!flagged || !docs || !orphans) return undefined;
  return flagged
    .map((annotation) => ({
      annotation,
      doc: docs.get(annotation.docId),
      orphan: orphans.ids.has(annotation.id),
    }))
    .sort(
      (a, b) =>
        (a.doc?.title ?? '').localeCompare(b.doc?.title ?? '') ||
        a.annotation.createdAt - b.annotation.createdAt,
    );
}
