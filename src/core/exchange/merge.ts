import type { Annotation, AnnotationLink, AnnotationVersion, StatusChange } from '../model';
import { positionSelectorOf, quoteSelectorOf } from '../anchoring/selectors';
import type { ImportRunRecord, LibraryData, LibraryDocument } from './records';

/**
 * Merging another library (a backup, or a colleague's export) into this one, as pure
 * functions. Documents match by content hash; annotations by id, else by document hash +
 * selectors + tag; an annotation edited on both sides keeps the newer edit and records the
 * other in its history. Nothing here deletes anything.
 */

/** What the merge needs to know of the library it merges into. */
export interface LibrarySnapshot {
  documents: { id: string; contentHash: string }[];
  annotations: Annotation[];
  links: AnnotationLink[];
  importRunIds: string[];
}

export interface MergeCounts {
  added: number;
  matched: number;
  updated: number;
  refused: number;
}

export interface MergeSummary {
  documents: MergeCounts;
  annotations: MergeCounts;
  links: MergeCounts;
  /** Why each refused record was refused, in words. */
  refusals: string[];
}

export interface MergePlan {
  /** New documents, with ids that are free in this library. */
  documents: LibraryDocument[];
  /** Annotations to write: new ones and updated ones, already merged. */
  annotations: Annotation[];
  links: AnnotationLink[];
  importRuns: ImportRunRecord[];
  summary: MergeSummary;
}

export interface MergeOptions {
  now: number;
  newId: () => string;
}

const zero = (): MergeCounts => ({ added: 0, matched: 0, updated: 0, refused: 0 });

/** Plans bringing `incoming` into the library described by `library`. */
export function planMerge(
  incoming: LibraryData,
  library: LibrarySnapshot,
  options: MergeOptions,
): MergePlan {
  const summary: MergeSummary = {
    documents: zero(),
    annotations: zero(),
    links: zero(),
    refusals: [],
  };
  const byHash = new Map(library.documents.map((d) => [d.contentHash, d.id]));
  const takenDocIds = new Set(library.documents.map((d) => d.id));
  // Annotations may also name the library's own documents (an import placed them there).
  const docIds = new Map(library.documents.map((d) => [d.id, d.id]));
  const documents: LibraryDocument[] = [];
  for (const doc of incoming.documents) {
    const existing = byHash.get(doc.record.contentHash);
    if (existing !== undefined) {
      docIds.set(doc.record.id, existing);
      summary.documents.matched += 1;
      continue;
    }
    const id = takenDocIds.has(doc.record.id) ? options.newId() : doc.record.id;
    takenDocIds.add(id);
    byHash.set(doc.record.contentHash, id);
    docIds.set(doc.record.id, id);
    documents.push(id === doc.record.id ? doc : withDocId(doc, id));
    summary.documents.added += 1;
  }

  const merged = mergeAnnotations(library.annotations, incoming.annotations, docIds, options);
  summary.annotations = merged.counts;
  summary.refusals.push(...merged.refusals);
  const links = mergeLinks(library.links, incoming.links, merged.ids, options);
  summary.links = links.counts;
  summary.refusals.push(...links.refusals);

  const runIds = new Set(library.importRunIds);
  const importRuns = incoming.importRuns
    .filter((run) => !runIds.has(run.id))
    .map((run) => ({
      ...run,
      files: run.files.map((f) => (f.docId ? { ...f, docId: docIds.get(f.docId) ?? f.docId } : f)),
    }));
  return { documents, annotations: merged.annotations, links: links.links, importRuns, summary };
}

function withDocId(doc: LibraryDocument, id: string): LibraryDocument {
  return { ...doc, record: { ...doc.record, id }, content: { ...doc.content, docId: id } };
}

/** The key an annotation is recognised by when ids differ: document version, passage and tag. */
export function passageKey(a: Pick<Annotation, 'target' | 'tag'>): string {
  const quote = quoteSelectorOf(a.target.selectors)?.exact ?? '';
  const position = positionSelectorOf(a.target.selectors);
  return [a.target.contentHash, a.tag, position?.start ?? '', position?.end ?? '', quote].join(
    '\u0000',
  );
}

export interface AnnotationMerge {
  annotations: Annotation[];
  /** Incoming id → id in this library, for every annotation that is now in it. */
  ids: Map<string, string>;
  counts: MergeCounts;
  refusals: string[];
}

/**
 * Merges incoming annotations (their docIds mapped by `docIds`; those not in the map are
 * refused) with the library's. Returns only what must be written.
 */
export function mergeAnnotations(
  existing: readonly Annotation[],
  incoming: readonly Annotation[],
  docIds: ReadonlyMap<string, string>,
  options: MergeOptions,
): AnnotationMerge {
  const counts = zero();
  const refusals: string[] = [];
  const byId = new Map(existing.map((a) => [a.id, a]));
  const byKey = new Map(existing.map((a) => [passageKey(a), a]));
  const out = new Map<string, Annotation>();
  const ids = new Map<string, string>();
  for (const raw of incoming) {
    const docId = docIds.get(raw.docId);
    if (docId === undefined) {
      counts.refused += 1;
      refusals.push(
        `Annotation “${shortQuote(raw)}”: its document is neither in the file nor in this library.`,
      );
      continue;
    }
    const theirs: Annotation = { ...raw, docId };
    const sameId = byId.get(theirs.id);
    if (sameId && sameId.docId !== docId) {
      counts.refused += 1;
      refusals.push(
        `Annotation “${shortQuote(raw)}”: an annotation with its id is on another document here.`,
      );
      continue;
    }
    const ours = out.get(theirs.id) ?? sameId ?? byKey.get(passageKey(theirs));
    if (!ours) {
      out.set(theirs.id, theirs);
      byId.set(theirs.id, theirs);
      byKey.set(passageKey(theirs), theirs);
      ids.set(raw.id, theirs.id);
      counts.added += 1;
      continue;
    }
    ids.set(raw.id, ours.id);
    const result = combine(ours, theirs, options.now);
    if (result === ours) {
      counts.matched += 1;
      continue;
    }
    out.set(ours.id, result);
    byId.set(ours.id, result);
    counts.updated += 1;
  }
  return { annotations: [...out.values()], ids, counts, refusals };
}

/**
 * One annotation from two sides. Identical content: ours, untouched. Otherwise the newer edit
 * wins and the other is kept in `history`; status histories are joined. The passage (target)
 * stays ours: it is placed on this library's text.
 */
export function combine(ours: Annotation, theirs: Annotation, now: number): Annotation {
  const statusHistory = joinStatusHistory(ours.statusHistory, theirs.statusHistory);
  const history = joinHistory(ours.history, theirs.history);
  const sameContent = contentKey(ours) === contentKey(theirs);
  if (sameContent) {
    const grown =
      (statusHistory?.length ?? 0) !== (ours.statusHistory?.length ?? 0) ||
      (history?.length ?? 0) !== (ours.history?.length ?? 0);
    return grown ? { ...ours, statusHistory, history } : ours;
  }
  const theirsNewer = theirs.updatedAt > ours.updatedAt;
  const winner = theirsNewer ? theirs : ours;
  const loser = theirsNewer ? ours : theirs;
  const set = joinHistory(history, [versionOf(loser, now)]);
  return {
    ...ours,
    ...editable(winner),
    updatedAt: Math.max(ours.updatedAt, theirs.updatedAt),
    statusHistory,
    history: set,
  };
}

const EDITABLE = [
  'tag',
  'note',
  'actor',
  'statementDate',
  'labels',
  'status',
  'rationale',
] as const;

function editable(a: Annotation): Pick<Annotation, (typeof EDITABLE)[number]> {
  return {
    tag: a.tag,
    note: a.note,
    actor: a.actor,
    statementDate: a.statementDate,
    labels: a.labels,
    status: a.status,
    rationale: a.rationale,
  };
}

function contentKey(a: Annotation): string {
  return JSON.stringify(EDITABLE.map((k) => a[k] ?? null));
}

function versionOf(a: Annotation, now: number): AnnotationVersion {
  const version: AnnotationVersion = {
    tag: a.tag,
    note: a.note,
    updatedAt: a.updatedAt,
    replacedAt: now,
  };
  if (a.actor !== undefined) version.actor = a.actor;
  if (a.statementDate !== undefined) version.statementDate = a.statementDate;
  if (a.labels !== undefined) version.labels = a.labels;
  if (a.status !== undefined) version.status = a.status;
  if (a.rationale !== undefined) version.rationale = a.rationale;
  return version;
}

function joinStatusHistory(a: StatusChange[] | undefined, b: StatusChange[] | undefined) {
  if (!b?.length) return a;
  const seen = new Map<string, StatusChange>();
  for (const change of [...(a ?? []), ...b])
    seen.set(`${change.at}|${change.status}|${change.rationale}`, change);
  return [...seen.values()].sort((x, y) => x.at - y.at);
}

function joinHistory(a: AnnotationVersion[] | undefined, b: AnnotationVersion[] | undefined) {
  if (!b?.length) return a;
  const seen = new Map<string, AnnotationVersion>();
  // The same version met twice (a file imported again) is recorded once.
  for (const v of [...(a ?? []), ...b]) {
    const key = JSON.stringify({ ...v, replacedAt: 0 });
    if (!seen.has(key)) seen.set(key, v);
  }
  return [...seen.values()].sort((x, y) => x.updatedAt - y.updatedAt);
}

export interface LinkMerge {
  links: AnnotationLink[];
  counts: MergeCounts;
  refusals: string[];
}

/** Links join annotations by id: mapped through `ids`, matched by id or by the pair they join. */
export function mergeLinks(
  existing: readonly AnnotationLink[],
  incoming: readonly AnnotationLink[],
  ids: ReadonlyMap<string, string>,
  options: MergeOptions,
): LinkMerge {
  const counts = zero();
  const refusals: string[] = [];
  const byId = new Map(existing.map((l) => [l.id, l]));
  const pair = (l: Pick<AnnotationLink, 'fromId' | 'toId'>) => `${l.fromId}\u0000${l.toId}`;
  const byPair = new Map(existing.map((l) => [pair(l), l]));
  const out: AnnotationLink[] = [];
  for (const raw of incoming) {
    const fromId = ids.get(raw.fromId);
    const toId = ids.get(raw.toId);
    if (fromId === undefined || toId === undefined) {
      counts.refused += 1;
      refusals.push(`A “${raw.relation}” link: one of its annotations could not be brought in.`);
      continue;
    }
    const link = { ...raw, fromId, toId };
    const same = byPair.get(pair(link));
    if (same) {
      if (same.relation === link.relation || same.createdAt >= link.createdAt) {
        counts.matched += 1;
        continue;
      }
      const updated = { ...same, relation: link.relation, createdAt: link.createdAt };
      out.push(updated);
      byPair.set(pair(link), updated);
      counts.updated += 1;
      continue;
    }
    const id = byId.has(link.id) ? options.newId() : link.id;
    const added = { ...link, id };
    byId.set(id, added);
    byPair.set(pair(added), added);
    out.push(added);
    counts.added += 1;
  }
  return { links: out, counts, refusals };
}

function shortQuote(a: Annotation): string {
  const quote = quoteSelectorOf(a.target.selectors)?.exact ?? a.id;
  return quote.length > 60 ? `${quote.slice(0, 57)}…` : quote;
}
