import type { Annotation } from '../model';
import {
  addMonths,
  compareDates,
  compareText,
  type AnalysisDoc,
  type AnalysisLibrary,
} from './library';
import { chainOfPledge, type PledgeChain } from './chains';

export const GAP_QUERIES = [
  'no-evidence',
  'no-evidence-within',
  'open-contradicted',
  'unlinked-critiques',
  'unlinked-evidence',
  'unannotated-documents',
] as const;
export type GapQuery = (typeof GAP_QUERIES)[number];

export const GAP_LABELS: Record<GapQuery, string> = {
  'no-evidence': 'Pledges with no linked evidence',
  'no-evidence-within': 'Pledges with no evidence within N months',
  'open-contradicted': 'Open pledges whose latest linked item contradicts them',
  'unlinked-critiques': 'Critiques not linked to any pledge',
  'unlinked-evidence': 'Evidence not linked to any pledge',
  'unannotated-documents': 'Documents with no annotation',
};

export interface GapAnswer {
  query: GapQuery;
  /** Passages found, in date order (undated last). */
  annotations: Annotation[];
  /** Documents found (the "no annotation" query). */
  documents: AnalysisDoc[];
  /** Pledges the query could not judge: undated ones, for the "within N months" query. */
  undated: Annotation[];
}

export interface GapContext {
  library: AnalysisLibrary;
  chains: readonly PledgeChain[];
}

/**
 * Evidence counts for a pledge when it is linked (supporting or contradicting) to the pledge
 * or to any pledge of its chain: a repetition years later carries the evidence filed under its
 * first wording, and the other way round.
 */
function evidenceOf(chain: PledgeChain | undefined) {
  return chain ? chain.items.filter((i) => i.annotation.tag === 'evidence') : [];
}

function byDate(library: AnalysisLibrary) {
  return (a: Annotation, b: Annotation) =>
    compareDates(library.dates.get(a.id) ?? null, library.dates.get(b.id) ?? null) ||
    a.createdAt - b.createdAt;
}

const isOpen = (a: Annotation) => a.status === undefined || a.status === 'open';

/** What every query needs, worked out once for a run of them. */
function prepare({ library, chains }: GapContext) {
  return {
    library,
    chainOf: chainOfPledge(chains),
    pledges: library.annotations.filter((a) => a.tag === 'pledge'),
  };
}

export function runGapQuery(query: GapQuery, context: GapContext, months = 24): GapAnswer {
  const answer = findGaps(query, prepare(context), months);
  answer.annotations.sort(byDate(context.library));
  answer.documents.sort((a, b) => compareDates(a.date, b.date) || compareText(a.title, b.title));
  return answer;
}

/** A query's answer, unordered. */
function findGaps(
  query: GapQuery,
  { library, chainOf, pledges }: ReturnType<typeof prepare>,
  months: number,
): GapAnswer {
  const answer: GapAnswer = { query, annotations: [], documents: [], undated: [] };
  const linkedToPledge = (a: Annotation) =>
    (library.linksFrom.get(a.id) ?? []).some(
      (l) => l.to.tag === 'pledge' && l.link.relation !== 'repeats',
    );
  switch (query) {
    case 'no-evidence':
      answer.annotations = pledges.filter((p) => evidenceOf(chainOf.get(p.id)).length === 0);
      break;
    case 'no-evidence-within':
      for (const p of pledges) {
        const made = library.dates.get(p.id) ?? null;
        if (made === null) {
          answer.undated.push(p);
          continue;
        }
        const until = addMonths(made, months);
        const within = evidenceOf(chainOf.get(p.id)).some(
          (e) => e.date !== null && e.date >= made && e.date <= until,
        );
        if (!within) answer.annotations.push(p);
      }
      break;
    case 'open-contradicted':
      answer.annotations = pledges.filter((p) => {
        if (!isOpen(p)) return false;
        const items = chainOf.get(p.id)?.items ?? [];
        const latest = items.filter((i) => i.date !== null).at(-1);
        return latest?.relation === 'contradicts';
      });
      break;
    case 'unlinked-critiques':
    case 'unlinked-evidence': {
      const tag = query === 'unlinked-critiques' ? 'critique' : 'evidence';
      answer.annotations = library.annotations.filter((a) => a.tag === tag && !linkedToPledge(a));
      break;
    }
    case 'unannotated-documents': {
      const annotated = new Set(library.annotations.map((a) => a.docId));
      answer.documents = library.documents.filter((d) => !annotated.has(d.id));
      break;
    }
  }
  return answer;
}

/** How many each query finds, for the buttons' counts. */
export function gapCounts(context: GapContext, months = 24): Record<GapQuery, number> {
  const counts = {} as Record<GapQuery, number>;
  const prepared = prepare(context);
  for (const q of GAP_QUERIES) {
    const a = findGaps(q, prepared, months);
    counts[q] = a.annotations.length + a.documents.length;
  }
  return counts;
}
