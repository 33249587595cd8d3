import type { Page, Tag } from '../../model';
import type {
  Analyse,
  AnalysedToken,
  EngineHit,
  IndexField,
  SearchEngine,
  TermClause,
} from '../engine/types';
import { makeSnippets, pageOf, type Highlight, type Snippet } from '../snippets';
import { facetResults, NO_FILTERS, type DocFacts, type FacetFilters, type Facets } from './facets';
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
  engine: Pick<SearchEngine, 'search'>;
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

interface Candidate {
  score: number;
  /** Analysed terms the engine matched, by field. */
  terms: Map<IndexField, Set<string>>;
  /** Verified phrase spans, by field. */
  spans: Map<IndexField, Highlight[]>;
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

  const inRange = [...matched.keys()].flatMap((id) => {
    const doc = facts.get(id);
    return doc && passesDates(doc.date, query.dates) ? [doc] : [];
  });
  const { kept, facets } = facetResults(inRange, options.filters ?? NO_FILTERS, (id) =>
    tags.get(id),
  );
  const ranked = kept
    .map((doc) => ({ doc, score: matched.get(doc.id)?.score ?? 0 }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        (a.doc.date ?? '9999').localeCompare(b.doc.date ?? '9999') ||
        a.doc.title.localeCompare(b.doc.title),
    );
  const hits: QueryHit[] = [];
  for (const { doc, score } of ranked.slice(0, options.limit ?? 50)) {
    const candidate = matched.get(doc.id);
    if (candidate) hits.push(await describeHit(doc, score, candidate, ctx, options));
  }
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
  const text =
    field === 'body'
      ? ((await ctx.sources.content(id))?.text ?? '')
      : doc
        ? fieldText(doc, field)
        : '';
  const split = kind === 'words' ? (ctx.sources.words ?? ctx.sources.analyse) : ctx.sources.analyse;
  const tokens = split(text, doc?.language ?? null);
  ctx.tokenCache.set(key, tokens);
  return tokens;
}

/** Documents holding the phrase, with where it stands, and the engine's score for its words. */
async function phraseMatches(
  phrase: PhrasePart,
  ctx: Context,
): Promise<Map<string, { score: number; field: IndexField; spans: Highlight[] }>> {
  const field = asField(phrase.field) ?? 'body';
  const words = ctx.sources.analyse(phrase.text, null);
  const clauses: TermClause[] = words.map((w) => ({
    term: phrase.text.slice(w.start, w.end),
    presence: 'must',
    field,
  }));
  const found = new Map<string, { score: number; field: IndexField; spans: Highlight[] }>();
  for (const hit of ctx.sources.engine.search(clauses)) {
    const language = ctx.facts.get(hit.id)?.language ?? null;
    const split = ctx.sources.words ?? ctx.sources.analyse;
    const wanted = split(phrase.text, language).map((t) => t.term);
    const spans = findPhrase(await tokensOf(hit.id, field, ctx, 'words'), wanted);
    if (spans.length > 0) found.set(hit.id, { score: hit.score, field, spans });
  }
  return found;
}

function candidateFrom(hit: EngineHit | undefined): Candidate {
  const terms = new Map<IndexField, Set<string>>();
  for (const m of hit?.matched ?? []) {
    const set = terms.get(m.field) ?? new Set<string>();
    set.add(m.term);
    terms.set(m.field, set);
  }
  return { score: hit?.score ?? 0, terms, spans: new Map() };
}

/**
 * Which documents the words and phrases select, with scores. Required parts must all hold;
 * without any, a document needs one optional part; a query of only exclusions and dates
 * starts from the whole library.
 */
async function matchDocuments(query: ParsedQuery, ctx: Context): Promise<Map<string, Candidate>> {
  const clauses = clausesOf(query);
  const positive = clauses.filter((c) => c.presence !== 'mustNot');
  const excluded = clauses.filter((c) => c.presence === 'mustNot');
  const termHits = positive.length > 0 ? ctx.sources.engine.search(clauses) : [];
  const byId = new Map(termHits.map((h) => [h.id, h]));
  const phrases = await Promise.all(
    query.phrases.map(async (p) => ({ part: p, docs: await phraseMatches(p, ctx) })),
  );
  const mustPhrases = phrases.filter((p) => p.part.presence === 'must');
  const shouldPhrases = phrases.filter((p) => p.part.presence === 'should');

  let base: Set<string>;
  if (positive.some((c) => c.presence === 'must')) {
    base = new Set(byId.keys());
  } else if (mustPhrases.length > 0) {
    base = new Set(mustPhrases[0]?.docs.keys());
  } else if (positive.length > 0 || shouldPhrases.length > 0) {
    base = new Set([...byId.keys(), ...shouldPhrases.flatMap((p) => [...p.docs.keys()])]);
  } else {
    base = new Set(ctx.facts.keys());
  }
  if (excluded.length > 0) {
    const asked = excluded.map((c) => ({ ...c, presence: 'should' as const }));
    for (const hit of ctx.sources.engine.search(asked)) base.delete(hit.id);
  }

  const out = new Map<string, Candidate>();
  for (const id of base) {
    if (!ctx.facts.has(id)) continue;
    const candidate = candidateFrom(byId.get(id));
    let keep = true;
    for (const { part, docs } of phrases) {
      const found = docs.get(id);
      if (part.presence === 'mustNot' ? found : part.presence === 'must' && !found) keep = false;
      if (!found || part.presence === 'mustNot') continue;
      candidate.score += found.score;
      candidate.spans.set(found.field, [
        ...(candidate.spans.get(found.field) ?? []),
        ...found.spans,
      ]);
    }
    if (keep) out.set(id, candidate);
  }
  return out;
}

async function matchesIn(
  id: string,
  field: IndexField,
  candidate: Candidate,
  ctx: Context,
): Promise<Highlight[]> {
  const terms = candidate.terms.get(field);
  const spans = [...(candidate.spans.get(field) ?? [])];
  if (terms && terms.size > 0) {
    for (const token of await tokensOf(id, field, ctx)) {
      if (terms.has(token.term)) spans.push({ start: token.start, end: token.end });
    }
  }
  return withoutNested(spans);
}

async function describeHit(
  doc: DocFacts,
  score: number,
  candidate: Candidate,
  ctx: Context,
  options: RunOptions,
): Promise<QueryHit> {
  const bodyMatches = await matchesIn(doc.id, 'body', candidate, ctx);
  const titleMatches = await matchesIn(doc.id, 'title', candidate, ctx);
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
