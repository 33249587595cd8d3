/**
 * A library for the export benchmark: documents from the State of the Union addresses (public
 * domain), with annotations on real sentences of them and links between them, as the app
 * stores them. Deterministic, so every run exports the same library.
 */
import type { Page } from '@playwright/test';
import type { NewDocument } from '../src/core/jobs/ingest-station';
import type { Annotation, AnnotationLink, PledgeStatus, Relation, Tag } from '../src/core/model';
import { sotuDocuments } from '../tests/sotu-library';

export interface BenchLibrary {
  documents: NewDocument[];
  annotations: Annotation[];
  links: AnnotationLink[];
}

function random(seed: number) {
  let s = seed;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

const ACTORS = ['The President', 'The Secretary of State', 'Congress', 'The Treasury', undefined];
const STATUSES: PledgeStatus[] = ['open', 'kept', 'partly-kept', 'broken', 'unclear'];
const CONTEXT = 32;

/** Sentence ranges [start, end) of a text, for quotes that read as an analyst's selection. */
function sentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  const pattern = /[^.!?\n]+[.!?]/g;
  for (const m of text.matchAll(pattern)) {
    const lead = m[0].length - m[0].trimStart().length;
    const start = m.index + lead;
    const end = m.index + m[0].length;
    if (end - start >= 40 && end - start <= 400) out.push([start, end]);
  }
  return out;
}

export function benchLibrary(docCount: number, annotationCount: number, linkCount: number) {
  const rand = random(7);
  const documents = sotuDocuments(docCount).map((doc, i) => {
    const year = 2000 + (i % 20);
    const date = `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    return { ...doc, record: { ...doc.record, date, importedAt: 1_700_000_000_000 + i } };
  });
  const annotations: Annotation[] = [];
  for (let n = 0; n < annotationCount; n += 1) {
    const doc = documents[n % documents.length]!;
    const text = doc.content.text;
    const spans = sentences(text);
    const [start, end] = spans[Math.floor(rand() * spans.length)] ?? [0, Math.min(80, text.length)];
    const roll = rand();
    const tag: Tag = roll < 0.2 ? 'pledge' : roll < 0.7 ? 'evidence' : 'critique';
    const createdAt = 1_700_000_000_000 + n * 1000;
    const status = tag === 'pledge' ? STATUSES[n % STATUSES.length] : undefined;
    annotations.push({
      id: `a-${String(n).padStart(6, '0')}`,
      docId: doc.record.id,
      tag,
      note: n % 3 === 0 ? `Checked against the record, item ${n}.` : '',
      target: {
        contentHash: doc.record.contentHash,
        selectors: [
          {
            type: 'TextQuoteSelector',
            exact: text.slice(start, end),
            prefix: text.slice(Math.max(0, start - CONTEXT), start),
            suffix: text.slice(end, end + CONTEXT),
          },
          { type: 'TextPositionSelector', start, end },
        ],
      },
      ...(ACTORS[n % ACTORS.length] ? { actor: ACTORS[n % ACTORS.length] } : {}),
      ...(n % 4 === 0 ? { labels: ['budget', `year-${doc.record.date?.slice(0, 4)}`] } : {}),
      ...(status
        ? {
            status,
            rationale: 'Assessed against the following years.',
            statusHistory: [
              { status, rationale: 'Assessed against the following years.', at: createdAt },
            ],
          }
        : {}),
      createdAt,
      updatedAt: createdAt,
    });
  }
  const pledges = annotations.filter((a) => a.tag === 'pledge');
  const others = annotations.filter((a) => a.tag !== 'pledge');
  const links: AnnotationLink[] = [];
  // A fifth of the links chain pledges that repeat earlier ones; the rest back or dispute them.
  for (let n = 0; n < linkCount; n += 1) {
    const repeats = n % 5 === 0;
    const to = pledges[Math.floor(rand() * pledges.length)]!;
    const from = repeats ? pledges[(pledges.indexOf(to) + 1) % pledges.length]! : others[n]!;
    const relation: Relation = repeats
      ? 'repeats'
      : from.tag === 'critique'
        ? 'contradicts'
        : 'supports';
    links.push({
      id: `l-${n}`,
      fromId: from.id,
      toId: to.id,
      relation,
      createdAt: 1_700_000_000_000 + n,
    });
  }
  return { documents, annotations, links } satisfies BenchLibrary;
}

/** Writes the library straight into the app's IndexedDB, in batches, as its repos store it. */
export async function fillLibrary(page: Page, library: BenchLibrary): Promise<void> {
  const batch = 500;
  for (let i = 0; i < library.documents.length; i += batch) {
    const docs = library.documents.slice(i, i + batch).map((d) => ({
      record: d.record,
      content: d.content,
      original: new TextDecoder().decode(d.original),
    }));
    await page.evaluate(async (docs) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('dossier');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(['documents', 'contents', 'originals'], 'readwrite');
      for (const d of docs) {
        tx.objectStore('documents').put(d.record);
        tx.objectStore('contents').put(d.content);
        tx.objectStore('originals').put({
          docId: d.record.id,
          bytes: new TextEncoder().encode(d.original),
        });
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, docs);
  }
  for (const [store, rows] of [
    ['annotations', library.annotations],
    ['links', library.links],
  ] as const) {
    for (let i = 0; i < rows.length; i += 5000) {
      await page.evaluate(
        async ({ store, rows }) => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const open = indexedDB.open('dossier');
            open.onsuccess = () => resolve(open.result);
            open.onerror = () => reject(open.error);
          });
          const tx = db.transaction(store, 'readwrite');
          for (const row of rows) tx.objectStore(store).put(row);
          await new Promise((resolve, reject) => {
            tx.oncomplete = resolve;
            tx.onerror = () => reject(tx.error);
          });
          db.close();
        },
        { store, rows: rows.slice(i, i + 5000) },
      );
    }
  }
}
