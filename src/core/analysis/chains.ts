import type { Annotation, Relation } from '../model';
import { compareCodes, compareDates, type AnalysisLibrary, type LiveLink } from './library';

/** Something linked to a pledge of a chain: evidence, a critique, or another pledge's support. */
export interface ChainItem {
  annotation: Annotation;
  relation: Exclude<Relation, 'repeats'>;
  /** The pledge of the chain it is linked to. */
  pledgeId: string;
  date: string | null;
}

/** Pledges joined by "repeats" links (in either direction), with what is linked to them. */
export interface PledgeChain {
  /** The id of its earliest pledge: stable while the chain keeps that pledge. */
  id: string;
  /** Oldest first, undated last. */
  pledges: Annotation[];
  /** Supporting and contradicting items, oldest first, undated last; one per item and relation. */
  items: ChainItem[];
}

/** Union-find over pledge ids; cycles of repeats links simply join the same set again. */
function unionFind(ids: readonly string[]) {
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    for (let at = id; at !== root;) {
      const next = parent.get(at) ?? root;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  return {
    find,
    join(a: string, b: string) {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent.set(ra, rb);
    },
  };
}

const byDate = (library: AnalysisLibrary) => (a: Annotation, b: Annotation) =>
  compareDates(library.dates.get(a.id) ?? null, library.dates.get(b.id) ?? null) ||
  a.createdAt - b.createdAt ||
  compareCodes(a.id, b.id);

/**
 * Every pledge chain of the library. A pledge that repeats nothing and is repeated by nothing
 * is a chain of one. Links to deleted annotations are ignored; a "repeats" link between a
 * pledge and something that is not a pledge joins nothing.
 */
export function pledgeChains(library: AnalysisLibrary): PledgeChain[] {
  const pledges = library.annotations.filter((a) => a.tag === 'pledge');
  const sets = unionFind(pledges.map((p) => p.id));
  for (const { link, from, to } of library.links) {
    if (link.relation === 'repeats' && from.tag === 'pledge' && to.tag === 'pledge') {
      sets.join(from.id, to.id);
    }
  }
  const groups = new Map<string, Annotation[]>();
  for (const pledge of pledges) {
    const root = sets.find(pledge.id);
    const group = groups.get(root);
    if (group) group.push(pledge);
    else groups.set(root, [pledge]);
  }
  const order = byDate(library);
  const chains: PledgeChain[] = [];
  for (const members of groups.values()) {
    members.sort(order);
    const ids = new Set(members.map((m) => m.id));
    const seen = new Set<string>();
    const items: ChainItem[] = [];
    for (const pledge of members) {
      for (const live of library.linksTo.get(pledge.id) ?? []) {
        const item = itemOf(live, ids, library);
        if (!item) continue;
        const key = `${item.annotation.id}\u0000${item.relation}`;
        if (seen.has(key)) continue;
        seen.add(key);
        items.push(item);
      }
    }
    items.sort((a, b) => compareDates(a.date, b.date) || order(a.annotation, b.annotation));
    chains.push({ id: (members[0] as Annotation).id, pledges: members, items });
  }
  return chains.sort((a, b) => order(a.pledges[0] as Annotation, b.pledges[0] as Annotation));
}

function itemOf(live: LiveLink, chainIds: ReadonlySet<string>, library: AnalysisLibrary) {
  const { link, from } = live;
  if (link.relation === 'repeats' || chainIds.has(from.id)) return null;
  return {
    annotation: from,
    relation: link.relation,
    pledgeId: link.toId,
    date: library.dates.get(from.id) ?? null,
  } satisfies ChainItem;
}

/** The chain of each pledge, by pledge id. */
export function chainOfPledge(chains: readonly PledgeChain[]): Map<string, PledgeChain> {
  const map = new Map<string, PledgeChain>();
  for (const chain of chains) for (const p of chain.pledges) map.set(p.id, chain);
  return map;
}
