import type { Page, Tag } from '../../model';
import type {
  Analyse,
  AnalysedToken,
  EngineHit,
  IndexField,
  SearchEngine,
  TermClause,
} from '../engine/types';
import { bestIndexes } from '../engine/best';
import { gramTermText } from '../engine/gram-terms';
import { hasGramText } from '../engine/grams';
import { makeSnippets, pageOf, type Highlight, type Snippet } from '../snippets';
import { facetResults, NO_FILTERS, type DocFacts, type FacetFilters, type Facets } from './facets';
import { formMatcher } from './highlight';
import { findPhrase, withoutNested } from './phrase';
import {
  describeQueryError,
  parseQuery,
  passesDates,
  type ParsedQuery,
  type PhrasePart,
  type QueryError,
} from './parse';

/** Where the runner reads the library; injected so it runs in a worker, a test or a CLI. */
export interface QuerySources {
  engine: Pick<SearchEngine, 'search' | 'terms' | 'phrase' | 'forms'>;
  analyse: Analyse;
  /**
   * The text's words as written (lowercased, neither stemmed nor dropped as too common), for
   * exact phrases: "my experience" must not match "experiences" alone. Defaults to `analyse`.
   */
  words?: Analyse;
  /** Every searchable document, for date and facet filters and for queries of only filters. */
  facts(): Promise<ReadonlyMap<string, DocFacts>>;
  content(id: string): Promise<{ text: string; pages?: Page[] } | undefined>;
  /** The tags of each document's annotations. */
  tags(): Promise<ReadonlyMap<string, ReadonlySet<Tag>>>;
  now?: () => number;
}

export interface RunOptions {
  filters?: FacetFilters;
  /** How many results to return with snippets; `total` counts them all. */
  limit?: number;
  /** How many of the best results to skip (the pages already shown). */
  offset?: number;
  maxSnippets?: number;
}

export interface QueryHit {
  id: string;
  score: number;
  /** Every match in the document's text, in order: what the reader marks and steps through. */
  bodyMatches: Highlight[];
  titleMatches: Highlight[];
  /** Each with the index of its first highlight in `bodyMatches` and its page (PDFs). */
  snippets: (Snippet & { hitIndex: number; page: number | null })[];
}

export type QueryAnswer =
  | { ok: true; hits: QueryHit[]; total: number; tookMs: number; facets: Facets }
  | { ok: false; error: QueryError; message: string };

/** What the words and phrases selected: every document's score, and what to highlight. */
interface Matched {
  /** Every selected document with its score, in no particular order. */
  hits: EngineHit[];
  /** Analysed terms that count as hits, by field (for every document). */
  terms: Map<IndexField, Set<string>>;
  /** Finds those terms' written forms in a text without analysing it, where it can. */
  matchers: Map<IndexField, ReturnType<typeof formMatcher>>;
  /** The phrases asked for (not excluded), each with the documents holding it. */
  phrases: { part: PhrasePart; field: IndexField; docs: ReadonlyMap<string, number> }[];
}

const FIELD_NAMES: readonly string[] = ['title', 'source', 'author', 'body'];
const asField = (name: string | undefined): IndexField | undefined =>
  name !== undefined && FIELD_NAMES.includes(name) ? (name as IndexField) : undefined;

/**
 * Runs what the analyst typed: parses it, asks the engine for candidates, checks phrases
 * against the text and dates and facets against the metadata, ranks what is left and
 * builds snippets for the first `limit` results. A bad query is an answer, not an exception.
 */
export async function runQuery(
  input: string,
  sources: QuerySources,
  options: RunOptions = {},
): Promise<QueryAnswer> {
  const now = sources.now ?? (() => performance.now());
  const started = now();
  const parsed = parseQuery(input);
  if (!parsed.ok) {
    return { ok: false, error: parsed.error, message: describeQueryError(parsed.error) };
  }
  const query = parsed.query;
  const empty = checkPhrasesHaveWords(query.phrases, sources.analyse);
  if (empty) return { ok: false, error: empty, message: describeQueryError(empty) };

  const [facts, tags] = await Promise.all([sources.facts(), sources.tags()]);
  const tokenCache = new Map<string, AnalysedToken[]>();
  const ctx = { sources, facts, tokenCache };
  const matched = await matchDocuments(query, ctx);

  const inRange: DocFacts[] = [];
  const inRangeScores: number[] = [];
  for (const hit of matched.hits) {
    const doc = facts.get(hit.id);
    if (doc && passesDates(doc.date, query.dates)) {
      inRange.push(doc);
      inRangeScores.push(hit.score);
    }
  }
  const { kept, keptIndexes, facets } = facetResults(inRange, options.filters ?? NO_FILTERS, (id) =>
    tags.get(id),
  );
  const scores = keptIndexes.map((i) => inRangeScores[i] as number);
  const offset = Math.max(0, options.offset ?? 0);
  const best = bestIndexes(kept.length, offset + (options.limit ?? 50), (a, b) => {
    const x = scores[a] as number;
    const y = scores[b] as number;
    if (x !== y) return x > y;
    const da = kept[a]?.date ?? '9999';
    const db = kept[b]?.date ?? '9999';
    if (da !== db) return da < db;
    const order = (kept[a]?.title ?? '').localeCompare(kept[b]?.title ?? '');
    return order !== 0 ? order < 0 : a < b;
  });
  // Side by side: the texts they need are asked for at once, so while an import writes to
  // the library the reads wait behind its current write once, not once per result.
  const hits = await Promise.all(
    best
      .slice(offset)
      .map((i) => describeHit(kept[i] as DocFacts, scores[i] as number, matched, ctx, options)),
  );
  return { ok: true, hits, total: kept.length, tookMs: now() - started, facets };
}

interface Context {
  sources: QuerySources;
  facts: ReadonlyMap<string, DocFacts>;
  tokenCache: Map<string, AnalysedToken[]>;
}

function checkPhrasesHaveWords(
  phrases: readonly PhrasePart[],
  analyse: Analyse,
): QueryError | null {
  for (const phrase of phrases) {
    if (analyse(phrase.text, null).length === 0) {
      return {
        position: phrase.at,
        message: `"${phrase.text}" holds only words too common to be indexed`,
      };
    }
  }
  return null;
}

function clausesOf(query: ParsedQuery): TermClause[] {
  return query.words.map((w) => {
    const clause: TermClause = { term: w.text, presence: w.presence };
    const field = asField(w.field);
    if (field) clause.field = field;
    if (w.wildcard) clause.wildcard = w.wildcard;
    if (w.fuzzy) clause.fuzzy = w.fuzzy;
    return clause;
  });
}

function fieldText(doc: DocFacts, field: IndexField): string {
  if (field === 'title') return doc.title;
  if (field === 'source') return doc.source ?? '';
  if (field === 'author') return doc.author ?? '';
  return '';
}

async function textOf(id: string, field: IndexField, ctx: Context): Promise<string> {
  if (field === 'body') return (await ctx.sources.content(id))?.text ?? '';
  const doc = ctx.facts.get(id);
  return doc ? fieldText(doc, field) : '';
}

async function tokensOf(
  id: string,
  field: IndexField,
  ctx: Context,
  kind: 'terms' | 'words' = 'terms',
): Promise<AnalysedToken[]> {
  const key = `${kind}\u0000${field}\u0000${id}`;
  const cached = ctx.tokenCache.get(key);
  if (cached) return cached;
  const doc = ctx.facts.get(id);
  const text = await textOf(id, field, ctx);
  const split = kind === 'words' ? (ctx.sources.words ?? ctx.sources.analyse) : ctx.sources.analyse;
  const tokens = split(text, doc?.language ?? null);
  ctx.tokenCache.set(key, tokens);
  return tokens;
}

/** The phrase's words as written (lowercased), with places, as `language`'s text is split. */
function phraseWords(phrase: PhrasePart, language: string | null, ctx: Context): AnalysedToken[] {
  const split = ctx.sources.words ?? ctx.sources.analyse;
  return split(phrase.text, language);
}

/**
 * Documents holding the phrase, with the engine's score for its words. Bodies are answered
 * from the index's word places; titles, sources and authors are short and in memory, so
 * their phrases are checked against the text.
 */
async function phraseMatches(phrase: PhrasePart, ctx: Context): Promise<Map<string, number>> {
  const { engine } = ctx.sources;
  const field = asField(phrase.field) ?? 'body';
  const clauses: TermClause[] = ctx.sources.analyse(phrase.text, null).map((w) => ({
    term: phrase.text.slice(w.start, w.end),
    presence: 'must',
    field,
  }));
  if (field === 'body') {
    const held = engine.phrase(phrase.text);
    const hits = engine.search(clauses, { unordered: true, filter: (id) => held.has(id) });
    return new Map(hits.map((h) => [h.id, h.score]));
  }
  const found = new Map<string, number>();
  for (const hit of engine.search(clauses, { unordered: true })) {
    const wanted = phraseWords(phrase, ctx.facts.get(hit.id)?.language ?? null, ctx);
    const spans = findPhrase(await tokensOf(hit.id, field, ctx, 'words'), wanted);
    if (spans.length > 0) found.set(hit.id, hit.score);
  }
  return found;
}

type PhraseDocs = { part: PhrasePart; docs: ReadonlyMap<string, number> };

/** Joins word hits, phrases and exclusions (see matchDocuments). */
function combine(
  termHits: readonly EngineHit[],
  phrases: readonly PhraseDocs[],
  excluded: readonly TermClause[],
  positive: readonly TermClause[],
  ctx: Context,
): EngineHit[] {
  const termScores = new Map(termHits.map((h) => [h.id, h.score]));
  const mustPhrases = phrases.filter((p) => p.part.presence === 'must');
  const shouldPhrases = phrases.filter((p) => p.part.presence === 'should');
  let base: Iterable<string>;
  if (positive.some((c) => c.presence === 'must')) {
    base = termScores.keys();
  } else if (mustPhrases.length > 0) {
    base = mustPhrases[0]?.docs.keys() ?? [];
  } else if (positive.length > 0 || shouldPhrases.length > 0) {
    base = new Set([...termScores.keys(), ...shouldPhrases.flatMap((p) => [...p.docs.keys()])]);
  } else {
    base = ctx.facts.keys();
  }
  const dropped = new Set<string>();
  if (excluded.length > 0) {
    const asked = excluded.map((c) => ({ ...c, presence: 'should' as const }));
    for (const hit of ctx.sources.engine.search(asked, { unordered: true })) dropped.add(hit.id);
  }
  const hits: EngineHit[] = [];
  for (const id of base) {
    if (dropped.has(id) || !ctx.facts.has(id)) continue;
    let score = termScores.get(id) ?? 0;
    let keep = true;
    for (const { part, docs } of phrases) {
      const phraseScore = docs.get(id);
      const present = phraseScore !== undefined;
      if (part.presence === 'mustNot' ? present : part.presence === 'must' && !present) {
        keep = false;
        break;
      }
      if (present && part.presence !== 'mustNot') score += phraseScore;
    }
    if (keep) hits.push({ id, score });
  }
  return hits;
}

/**
 * Which documents the words and phrases select, with scores. Required parts must all hold;
 * without any, a document needs one optional part; a query of only exclusions and dates
 * starts from the whole library.
 */
async function matchDocuments(query: ParsedQuery, ctx: Context): Promise<Matched> {
  const { engine } = ctx.sources;
  const clauses = clausesOf(query);
  const positive = clauses.filter((c) => c.presence !== 'mustNot');
  const excluded = clauses.filter((c) => c.presence === 'mustNot');
  const termHits = positive.length > 0 ? engine.search(clauses, { unordered: true }) : [];
  const terms = positive.length > 0 ? engine.terms(positive) : new Map<IndexField, Set<string>>();
  const phrases = await Promise.all(
    query.phrases.map(async (p) => ({ part: p, docs: await phraseMatches(p, ctx) })),
  );
  // Plain words need no lookups by id: the engine's hits are the answer.
  const plain = phrases.length === 0 && excluded.length === 0 && positive.length > 0;
  const hits = plain ? termHits : combine(termHits, phrases, excluded, positive, ctx);
  const matchers = new Map<IndexField, ReturnType<typeof formMatcher>>();
  for (const field of ['title', 'body'] as const) {
    const wanted = terms.get(field);
    if (wanted && wanted.size > 0) matchers.set(field, formMatcher(engine.forms(wanted)));
  }
  const asked = phrases
    .filter((p) => p.part.presence !== 'mustNot')
    .map((p) => ({ ...p, field: asField(p.part.field) ?? 'body' }));
  return { hits, terms, matchers, phrases: asked };
}

async function matchesIn(
  id: string,
  field: IndexField,
  matched: Matched,
  ctx: Context,
): Promise<Highlight[]> {
  const terms = matched.terms.get(field);
  const spans: Highlight[] = [];
  for (const phrase of matched.phrases) {
    if (phrase.field === field && phrase.docs.has(id)) {
      const wanted = phraseWords(phrase.part, ctx.facts.get(id)?.language ?? null, ctx);
      spans.push(...findPhrase(await tokensOf(id, field, ctx, 'words'), wanted));
    }
  }
  // Words typed in Thai, Lao, Khmer or Burmese are found by the text's pairs of clusters.
  const grams = [...(terms ?? [])].flatMap((t) => gramTermText(t) ?? []);
  if (grams.length > 0 && hasGramText(await textOf(id, field, ctx))) {
    const split = ctx.sources.words ?? ctx.sources.analyse;
    for (const word of grams) {
      const wanted = split(word, ctx.facts.get(id)?.language ?? null);
      spans.push(...findPhrase(await tokensOf(id, field, ctx, 'words'), wanted));
    }
  }
  if (terms && terms.size > grams.length) {
    const matcher = matched.matchers.get(field);
    const found = matcher
      ? matcher(await textOf(id, field, ctx), ctx.facts.get(id)?.language ?? null)
      : null;
    if (found) spans.push(...found);
    else {
      for (const token of await tokensOf(id, field, ctx)) {
        if (terms.has(token.term)) spans.push({ start: token.start, end: token.end });
      }
    }
  }
  return withoutNested(spans);
}

async function describeHit(
  doc: DocFacts,
  score: number,
  matched: Matched,
  ctx: Context,
  options: RunOptions,
): Promise<QueryHit> {
  const bodyMatches = await matchesIn(doc.id, 'body', matched, ctx);
  const titleMatches = await matchesIn(doc.id, 'title', matched, ctx);
  const content = bodyMatches.length > 0 ? await ctx.sources.content(doc.id) : undefined;
  const snippets = content
    ? makeSnippets(content.text, bodyMatches, { maxSnippets: options.maxSnippets ?? 3 }).map(
        (s) => ({
          ...s,
          hitIndex: Math.max(
            0,
            bodyMatches.findIndex((m) => m.start === s.anchor),
          ),
          page: pageOf(content.pages, s.anchor),
        }),
      )
    : [];
  return { id: doc.id, score, bodyMatches, titleMatches, snippets };
}
