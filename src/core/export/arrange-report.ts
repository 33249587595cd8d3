import { quoteOf } from '../annotations/selectors-of';
import {
  PLEDGE_STATUS_LABELS,
  TAGS,
  type Annotation,
  type AnnotationLink,
  type Relation,
  type Tag,
} from '../model';
import type { PlacedItem } from './place-items';
import type { ReportArrangement, ReportItem, ReportLink, ReportSection } from './report-types';

/** What arranging needs besides the items: links and how to name a linked pledge. */
export interface ArrangeContext {
  links: readonly AnnotationLink[];
  /** Links from an annotation to pledges, as shown beside it. */
  linksOf(annotationId: string): ReportLink[];
  /**
   * The scope's own order of the items (the table's, for filtered annotations), used inside
   * each heading instead of the arrangement's; undefined keeps the arrangement's order.
   */
  rank?: ReadonlyMap<string, number>;
}

export const UNLINKED_TITLE = 'Not linked to a pledge';

export const TAG_SECTION_TITLES: Record<Tag, string> = {
  pledge: 'Pledges',
  evidence: 'Evidence',
  critique: 'Critiques',
};

type Draft = Omit<ReportSection, 'id'>;

/**
 * Groups the placed items under the headings of the chosen arrangement. Unverified items
 * shape the headings (a chain keeps its pledge's wording even when that pledge cannot be
 * placed) but are left out of them: the report lists them apart. Nothing else is left out:
 * by pledge, items linked to no pledge of the scope get a heading of their own.
 */
export function arrangeItems(
  items: readonly PlacedItem[],
  arrangement: ReportArrangement,
  context: ArrangeContext,
): ReportSection[] {
  const drafts =
    arrangement === 'pledge'
      ? byPledge(items, context)
      : arrangement === 'document'
        ? byDocument(items, context)
        : byTag(items, context);
  return drafts
    .map((d) => ({ ...d, items: d.items.filter((i) => i.verification !== 'unverified') }))
    .filter((d) => d.items.length > 0)
    .map((d, i) => ({ id: `section-${i + 1}`, ...d }));
}

export function toReportItem(
  item: PlacedItem,
  relation: Relation | null,
  context: ArrangeContext,
): ReportItem {
  return {
    annotation: item.annotation,
    doc: item.doc,
    quote: item.quote,
    citation: item.citation,
    verification: item.verification,
    date: item.date,
    tag: item.annotation.tag,
    relation,
    links: context.linksOf(item.annotation.id),
  };
}

/** Date order, undated last, then the order they were made. */
export function byDate(a: PlacedItem, b: PlacedItem): number {
  return (
    (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
    a.annotation.createdAt - b.annotation.createdAt
  );
}

function sortItems<T extends { item: PlacedItem }>(
  list: T[],
  compare: (a: PlacedItem, b: PlacedItem) => number,
  context: ArrangeContext,
): T[] {
  const { rank } = context;
  const order = rank
    ? (a: PlacedItem, b: PlacedItem) =>
        (rank.get(a.annotation.id) ?? 0) - (rank.get(b.annotation.id) ?? 0)
    : compare;
  return list.sort((a, b) => order(a.item, b.item));
}

/**
 * Each pledge chain (pledges joined by "repeats" links, as a pledge dossier gathers them)
 * with everything linked to any of its pledges, in date order; then the items linked to no
 * pledge in the scope.
 */
function byPledge(items: readonly PlacedItem[], context: ArrangeContext): Draft[] {
  const byId = new Map(items.map((i) => [i.annotation.id, i]));
  const chainOf = repeatChains(items, context.links, byId);
  const chains = new Map<string, { head: PlacedItem; members: Map<string, Relation | null> }>();
  for (const item of items) {
    const root = chainOf.get(item.annotation.id);
    if (root === undefined) continue;
    const chain = chains.get(root);
    if (!chain) chains.set(root, { head: item, members: new Map([[item.annotation.id, null]]) });
    else {
      chain.members.set(item.annotation.id, null);
      if (byDate(item, chain.head) < 0) chain.head = item;
    }
  }
  const linked = new Set<string>();
  for (const link of context.links) {
    const from = byId.get(link.fromId);
    const root = chainOf.get(link.toId);
    if (!from || root === undefined || !byId.has(link.toId)) continue;
    const chain = chains.get(root);
    if (!chain) continue;
    if (chainOf.get(link.fromId) === root) {
      // A later wording of the chain's promise.
      if (link.relation === 'repeats') chain.members.set(link.fromId, 'repeats');
      continue;
    }
    // The first link to a chain names the relation, as in the pledge dossier.
    if (!chain.members.has(link.fromId)) chain.members.set(link.fromId, link.relation);
    linked.add(link.fromId);
  }
  const drafts: Draft[] = [...chains.values()]
    .sort((a, b) => byDate(a.head, b.head))
    .map(({ head, members }) => {
      const list = [...members].map(([id, relation]) => ({ item: byId.get(id)!, relation }));
      const pledges = list.filter((m) => chainOf.get(m.item.annotation.id) !== undefined);
      return {
        title: chainTitle(head),
        subtitle: chainSubtitle(pledges.map((m) => m.item)),
        items: sortItems(list, byDate, context).map((m) =>
          toReportItem(m.item, m.relation, context),
        ),
      };
    });
  const rest = items.filter((i) => !chainOf.has(i.annotation.id) && !linked.has(i.annotation.id));
  drafts.push({
    title: UNLINKED_TITLE,
    items: sortItems(
      rest.map((item) => ({ item })),
      byDate,
      context,
    ).map((m) => toReportItem(m.item, null, context)),
  });
  return drafts;
}

/** For each pledge in `items`, the id of its chain (pledges joined by "repeats" links). */
function repeatChains(
  items: readonly PlacedItem[],
  links: readonly AnnotationLink[],
  byId: ReadonlyMap<string, PlacedItem>,
): Map<string, string> {
  const parent = new Map<string, string>();
  for (const item of items) {
    if (item.annotation.tag === 'pledge') parent.set(item.annotation.id, item.annotation.id);
  }
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let at = id; at !== root;) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  for (const link of links) {
    if (link.relation !== 'repeats' || !byId.has(link.fromId) || !byId.has(link.toId)) continue;
    // A repeats link makes both ends wordings of one promise, whatever their tags.
    for (const id of [link.fromId, link.toId]) if (!parent.has(id)) parent.set(id, id);
    const a = find(link.fromId);
    const b = find(link.toId);
    if (a !== b) parent.set(a, b);
  }
  const chains = new Map<string, string>();
  for (const id of parent.keys()) chains.set(id, find(id));
  return chains;
}

function chainTitle(head: PlacedItem): string {
  const quote = shorten(quoteOf(head.annotation) || head.quote, 90);
  const who = [head.annotation.actor, head.date].filter(Boolean).join(', ');
  return who ? `“${quote}” (${who})` : `“${quote}”`;
}

/** How many wordings the promise had, when, and its latest assessment. */
function chainSubtitle(pledges: readonly PlacedItem[]): string {
  const dates = pledges
    .map((p) => p.date)
    .filter((d): d is string => d !== null)
    .sort();
  const parts: string[] = [];
  if (pledges.length > 1) {
    const span =
      dates.length > 0 && dates[0] !== dates[dates.length - 1]
        ? `, ${dates[0]!.slice(0, 4)}–${dates[dates.length - 1]!.slice(0, 4)}`
        : '';
    parts.push(`${pledges.length} wordings${span}`);
  }
  const assessed = [...pledges]
    .filter((p) => p.annotation.status)
    .sort(byDate)
    .at(-1);
  if (!assessed) parts.push('Status: not assessed');
  else {
    const which = pledges.length > 1 ? ` (${assessed.date ?? 'undated'} wording)` : '';
    parts.push(`Status${which}: ${statusLine(assessed.annotation)}`);
  }
  return parts.join(' · ');
}

export function statusLine(annotation: Annotation): string {
  if (!annotation.status) return '';
  const label = PLEDGE_STATUS_LABELS[annotation.status];
  return annotation.rationale ? `${label} (${annotation.rationale})` : label;
}

/** Documents oldest first; inside each, pledges, evidence and critiques, each in reading order. */
function byDocument(items: readonly PlacedItem[], context: ArrangeContext): Draft[] {
  const docs = new Map<string, PlacedItem[]>();
  for (const item of items) {
    const list = docs.get(item.doc.id);
    if (list) list.push(item);
    else docs.set(item.doc.id, [item]);
  }
  const tagOrder = (a: PlacedItem, b: PlacedItem) =>
    TAGS.indexOf(a.annotation.tag) - TAGS.indexOf(b.annotation.tag);
  const reading = (a: PlacedItem, b: PlacedItem) =>
    tagOrder(a, b) || (a.at ?? 0) - (b.at ?? 0) || a.annotation.createdAt - b.annotation.createdAt;
  return [...docs.values()]
    .sort((a, b) => compareDocs(a[0]!, b[0]!))
    .map((list) => {
      const doc = list[0]!.doc;
      const sorted = sortItems(
        list.map((item) => ({ item })),
        reading,
        context,
      ).sort((a, b) => tagOrder(a.item, b.item));
      return {
        title: doc.title,
        subtitle: [doc.source, doc.date, doc.author].filter(Boolean).join(' · ') || undefined,
        items: sorted.map((m) => toReportItem(m.item, null, context)),
      };
    });
}

export function compareDocs(a: PlacedItem, b: PlacedItem): number {
  return (
    (a.doc.date ?? '9999').localeCompare(b.doc.date ?? '9999') ||
    a.doc.title.localeCompare(b.doc.title) ||
    a.doc.id.localeCompare(b.doc.id)
  );
}

/** Pledges, evidence and critiques, each in date order. */
function byTag(items: readonly PlacedItem[], context: ArrangeContext): Draft[] {
  const order = (a: PlacedItem, b: PlacedItem) =>
    byDate(a, b) || compareDocs(a, b) || (a.at ?? 0) - (b.at ?? 0);
  return TAGS.map((tag) => ({
    title: TAG_SECTION_TITLES[tag],
    items: sortItems(
      items.filter((i) => i.annotation.tag === tag).map((item) => ({ item })),
      order,
      context,
    ).map((m) => toReportItem(m.item, null, context)),
  }));
}

export function shorten(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
