import type { Annotation, PledgeStatus } from '../model';
import { compareCodes, compareDates, compareText, type AnalysisLibrary } from './library';
import type { PledgeChain } from './chains';

/** Supporting against contradicting items. */
export interface Balance {
  supports: number;
  contradicts: number;
  /** supports − contradicts. */
  net: number;
  /** Share of supports among both, 0..1; null when there is neither. */
  share: number | null;
}

export function balanceOf(supports: number, contradicts: number): Balance {
  const total = supports + contradicts;
  return {
    supports,
    contradicts,
    net: supports - contradicts,
    share: total === 0 ? null : supports / total,
  };
}

/** One row of the Dossiers list: a pledge chain summed up. */
export interface DossierSummary {
  chainId: string;
  /** The chain's earliest pledge, whose dossier the row opens. */
  pledge: Annotation;
  pledgeCount: number;
  /** First and last statement dates of the chain's pledges; null when none is dated. */
  firstDate: string | null;
  lastDate: string | null;
  /** The actor of the earliest pledge that names one. */
  actor: string | null;
  /** The assessment of the latest pledge that has one (a repetition re-states the promise). */
  status: PledgeStatus | null;
  balance: Balance;
  /** The date of the latest dated supporting or contradicting item. */
  latestEvidence: string | null;
  /** Linked items without a date (they count in the balance, not in the dates). */
  undatedItems: number;
}

export function summarizeChain(chain: PledgeChain, library: AnalysisLibrary): DossierSummary {
  const dated = chain.pledges
    .map((p) => library.dates.get(p.id) ?? null)
    .filter((d): d is string => d !== null)
    .sort();
  let supports = 0;
  let contradicts = 0;
  let latest: string | null = null;
  let undated = 0;
  for (const item of chain.items) {
    if (item.relation === 'supports') supports += 1;
    else contradicts += 1;
    if (item.date === null) undated += 1;
    else if (latest === null || item.date > latest) latest = item.date;
  }
  const assessed = chain.pledges.filter((p) => p.status).at(-1);
  return {
    chainId: chain.id,
    pledge: chain.pledges[0] as Annotation,
    pledgeCount: chain.pledges.length,
    firstDate: dated[0] ?? null,
    lastDate: dated.at(-1) ?? null,
    actor: chain.pledges.find((p) => p.actor)?.actor ?? null,
    status: assessed?.status ?? null,
    balance: balanceOf(supports, contradicts),
    latestEvidence: latest,
    undatedItems: undated,
  };
}

export function summarizeChains(chains: readonly PledgeChain[], library: AnalysisLibrary) {
  return chains.map((c) => summarizeChain(c, library));
}

export type DossierSortKey = 'first' | 'last' | 'actor' | 'status' | 'balance' | 'latest' | 'items';

export interface DossierFilter {
  status?: PledgeStatus | 'none' | '';
  /** Part of the actor's name, case-insensitive. */
  actor?: string;
  /** Inclusive ISO dates; a chain passes when any of its pledges was made in the range. */
  from?: string;
  to?: string;
  balance?: 'supported' | 'contradicted' | 'even' | 'none' | '';
}

export function filterDossiers(rows: readonly DossierSummary[], filter: DossierFilter) {
  const actor = filter.actor?.trim().toLocaleLowerCase() ?? '';
  return rows.filter((row) => {
    if (
      filter.status === 'none' ? row.status !== null : filter.status && row.status !== filter.status
    )
      return false;
    if (actor && !(row.actor ?? '').toLocaleLowerCase().includes(actor)) return false;
    if (filter.from && (row.lastDate === null || row.lastDate < filter.from)) return false;
    if (filter.to && (row.firstDate === null || row.firstDate > filter.to)) return false;
    const { net, share } = row.balance;
    switch (filter.balance) {
      case 'supported':
        return net > 0;
      case 'contradicted':
        return net < 0;
      case 'even':
        return share !== null && net === 0;
      case 'none':
        return share === null;
      default:
        return true;
    }
  });
}

const STATUS_ORDER: Record<PledgeStatus, number> = {
  open: 0,
  unclear: 1,
  'partly-kept': 2,
  broken: 3,
  kept: 4,
};

const compare: Record<DossierSortKey, (a: DossierSummary, b: DossierSummary) => number> = {
  first: (a, b) => compareDates(a.firstDate, b.firstDate),
  last: (a, b) => compareDates(a.lastDate, b.lastDate),
  latest: (a, b) => compareDates(a.latestEvidence, b.latestEvidence),
  actor: (a, b) =>
    a.actor === b.actor
      ? 0
      : a.actor === null
        ? 1
        : b.actor === null
          ? -1
          : compareText(a.actor, b.actor),
  status: (a, b) =>
    (a.status ? STATUS_ORDER[a.status] : 9) - (b.status ? STATUS_ORDER[b.status] : 9),
  balance: (a, b) =>
    a.balance.net - b.balance.net ||
    a.balance.supports + a.balance.contradicts - (b.balance.supports + b.balance.contradicts),
  items: (a, b) =>
    a.balance.supports + a.balance.contradicts - (b.balance.supports + b.balance.contradicts),
};

export function sortDossiers(
  rows: readonly DossierSummary[],
  key: DossierSortKey,
  descending = false,
): DossierSummary[] {
  const sign = descending ? -1 : 1;
  return [...rows].sort(
    (a, b) =>
      sign * compare[key](a, b) ||
      compareDates(a.firstDate, b.firstDate) ||
      compareCodes(a.chainId, b.chainId),
  );
}
