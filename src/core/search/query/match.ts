import type { Page } from '../../model';
import type {
  Analyse,
  AnalysedToken,
  IndexField,
  Matches,
  SearchEngine,
  TermClause,
} from '../engine/types';
import type { DocFacts } from './facets';
import { formMatcher } from './highlight';
import type { LibraryFacts } from './library-facts';
import type { ParsedQuery, PhrasePart } from './parse';
import { findPhrase } from './phrase';

/** What the query layer asks of the engine. */
export type QueryEngine = Pick<SearchEngine, 'matches' | 'terms' | 'phrase' | 'forms'>;

/** What matching and highlighting read, for one query. */
export interface MatchContext {
  engine: QueryEngine;
  analyse: Analyse;
  /** Words as written, with places, for exact phrases. */
  words: Analyse;
  library: LibraryFacts;
  content(id: string): Promise<{ text: string; pages?: Page[] } | undefined>;
  /** Tokens of the texts read so far, by kind, field and document number. */
  tokenCache: Map<string, AnalysedToken[]>;
}

/** A phrase asked for (not excluded), with the documents holding it, by number. */
export interface PhraseMatch {
  part: PhrasePart;
  field: IndexField;
  present: Uint8Array;
}

/** What the words and phrases selected: every document's score, and what to highlight. */
export interface Matched {
  /** Every selected document with its score, in no particular order. */
  hits: Matches;
  /** Analysed terms that count as hits, by field (for every document). */
  terms: Map<IndexField, Set<string>>;
  /** Finds those terms' written forms in a text without analysing it, where it can. */
  matchers: Map<IndexField, ReturnType<typeof formMatcher>>;
  phrases: PhraseMatch[];
}

const FIELD_NAMES: readonly string[] = ['title', 'source', 'author', 'body'];
export const asField = (name: string | undefined): IndexField | undefined =>
  name !== undefined && FIELD_NAMES.includes(name) ? (name as IndexField) : undefined;

const NO_MATCHES: Matches = { docs: new Int32Array(0), scores: new Float64Array(0), count: 0 };

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

function fieldText(doc: DocFacts | undefined, field: IndexField): string {
  if (field === 'title') return doc?.title ?? '';
  if (field === 'source') return doc?.source ?? '';
  if (field === 'author') return doc?.author ?? '';
  return '';
}

/** A field's text: bodies are read from the library, the short fields are in memory. */
export async function textOf(doc: number, field: IndexField, ctx: MatchContext): Promise<string> {
  const facts = ctx.library.docs[doc];
  if (field !== 'body') return fieldText(facts, field);
  return facts ? ((await ctx.content(facts.id))?.text ?? '') : '';
}

export async function tokensOf(
  doc: number,
  field: IndexField,
  ctx: MatchContext,
  kind: 'terms' | 'words' = 'terms',
): Promise<AnalysedToken[]> {
  const cached = ctx.tokenCache.get(tokenKey(doc, field, kind));
  return cached ?? tokensIn(doc, field, await textOf(doc, field, ctx), ctx, kind);
}

const tokenKey = (doc: number, field: IndexField, kind: 'terms' | 'words') =>
  `${kind}\u0000${field}\u0000${doc}`;

/** As tokensOf, for a field's text already read. */
export function tokensIn(
  doc: number,
  field: IndexField,
  text: string,
  ctx: MatchContext,
  kind: 'terms' | 'words' = 'terms',
): AnalysedToken[] {
  const key = tokenKey(doc, field, kind);
  const cached = ctx.tokenCache.get(key);
  if (cached) return cached;
  const split = kind === 'words' ? ctx.words : ctx.analyse;
  const tokens = split(text, ctx.library.docs[doc]?.language ?? null);
  ctx.tokenCache.set(key, tokens);
  return tokens;
}

/** The phrase's words as written (lowercased), with places, as the document's text is split. */
export function phraseWords(phrase: PhrasePart, doc: number, ctx: MatchContext): AnalysedToken[] {
  return ctx.words(phrase.text, ctx.library.docs[doc]?.language ?? null);
}

/**
 * Documents holding the phrase, with the engine's score for its words. Bodies are answered
 * from the index's word places; titles, sources and authors are short and in memory, so
 * their phrases are checked against the text.
 */
async function phraseMatches(phrase: PhrasePart, ctx: MatchContext): Promise<Matches> {
  const { engine } = ctx;
  const field = asField(phrase.field) ?? 'body';
  const clauses: TermClause[] = ctx.analyse(phrase.text, null).map((w) => ({
    term: phrase.text.slice(w.start, w.end),
    presence: 'must',
    field,
  }));
  if (field === 'body') {
    return engine.matches(clauses, { within: engine.phrase(phrase.text) });
  }
  const candidates = engine.matches(clauses);
  const docs: number[] = [];
  const scores: number[] = [];
  for (let k = 0; k < candidates.count; k += 1) {
    const doc = candidates.docs[k] as number;
    const spans = findPhrase(
      await tokensOf(doc, field, ctx, 'words'),
      phraseWords(phrase, doc, ctx),
    );
    if (spans.length > 0) {
      docs.push(doc);
      scores.push(candidates.scores[k] as number);
    }
  }
  return { docs: Int32Array.from(docs), scores: Float64Array.from(scores), count: docs.length };
}

interface PhraseDocs {
  part: PhrasePart;
  hits: Matches;
  /** By document number: 1 where the phrase stands. */
  present: Uint8Array;
}

/** By document number, the phrase's score: made only where hits are joined. */
function scoresByNumber(hits: Matches, size: number): Float64Array {
  const scores = new Float64Array(size);
  for (let k = 0; k < hits.count; k += 1) {
    const doc = hits.docs[k] as number;
    if (doc < size) scores[doc] = hits.scores[k] as number;
  }
  return scores;
}

/**
 * Joins word hits, phrases and exclusions, by document number. Required parts must all
 * hold; without any, a document needs one optional part; a query of only exclusions and
 * dates starts from the whole library. Numbers outside the library are left out.
 */
function combine(
  termHits: Matches,
  phrases: readonly PhraseDocs[],
  excluded: readonly TermClause[],
  positive: readonly TermClause[],
  ctx: MatchContext,
): Matches {
  const { library } = ctx;
  const size = library.docs.length;
  const termScore = new Float64Array(size);
  for (let k = 0; k < termHits.count; k += 1) {
    const doc = termHits.docs[k] as number;
    if (doc < size) termScore[doc] = termHits.scores[k] as number;
  }
  const mustPhrase = phrases.find((p) => p.part.presence === 'must');
  const shouldPhrases = phrases.filter((p) => p.part.presence === 'should');
  let base: Matches[];
  if (positive.some((c) => c.presence === 'must')) base = [termHits];
  else if (mustPhrase) base = [mustPhrase.hits];
  else if (positive.length > 0 || shouldPhrases.length > 0) {
    base = [termHits, ...shouldPhrases.map((p) => p.hits)];
  } else {
    const all = library.all;
    base = [{ docs: all, scores: new Float64Array(all.length), count: all.length }];
  }
  // 1: dropped by an exclusion or already taken.
  const skip = new Uint8Array(size);
  if (excluded.length > 0) {
    const asked = excluded.map((c) => ({ ...c, presence: 'should' as const }));
    const dropped = ctx.engine.matches(asked);
    for (let k = 0; k < dropped.count; k += 1) skip[dropped.docs[k] as number] = 1;
  }
  const phraseScores = phrases.map((p) => scoresByNumber(p.hits, size));
  const docs: number[] = [];
  const scores: number[] = [];
  for (const hits of base) {
    for (let k = 0; k < hits.count; k += 1) {
      const doc = hits.docs[k] as number;
      if (doc >= size || skip[doc] === 1 || library.docs[doc] === undefined) continue;
      skip[doc] = 1;
      let score = termScore[doc] as number;
      let keep = true;
      for (let p = 0; p < phrases.length; p += 1) {
        const { part, present } = phrases[p] as PhraseDocs;
        const there = present[doc] === 1;
        if (part.presence === 'mustNot' ? there : part.presence === 'must' && !there) {
          keep = false;
          break;
        }
        if (there && part.presence !== 'mustNot') {
          score += (phraseScores[p] as Float64Array)[doc] as number;
        }
      }
      if (keep) {
        docs.push(doc);
        scores.push(score);
      }
    }
  }
  return { docs: Int32Array.from(docs), scores: Float64Array.from(scores), count: docs.length };
}

function byNumber(part: PhrasePart, hits: Matches, size: number): PhraseDocs {
  const present = new Uint8Array(size);
  for (let k = 0; k < hits.count; k += 1) {
    const doc = hits.docs[k] as number;
    if (doc < size) present[doc] = 1;
  }
  return { part, hits, present };
}

/** Which documents the words and phrases select, with scores, and what to highlight. */
export async function matchDocuments(query: ParsedQuery, ctx: MatchContext): Promise<Matched> {
  const { engine } = ctx;
  const clauses = clausesOf(query);
  const positive = clauses.filter((c) => c.presence !== 'mustNot');
  const excluded = clauses.filter((c) => c.presence === 'mustNot');
  const termHits = positive.length > 0 ? engine.matches(clauses) : NO_MATCHES;
  const terms = positive.length > 0 ? engine.terms(positive) : new Map<IndexField, Set<string>>();
  const size = ctx.library.docs.length;
  const phrases = await Promise.all(
    query.phrases.map(async (p) => byNumber(p, await phraseMatches(p, ctx), size)),
  );
  // Plain words, or one phrase alone, need nothing joined: the engine's hits are the answer.
  const plain = phrases.length === 0 && excluded.length === 0 && positive.length > 0;
  const onePhrase =
    phrases.length === 1 && clauses.length === 0 && phrases[0]?.part.presence !== 'mustNot';
  const hits = plain
    ? termHits
    : onePhrase
      ? (phrases[0] as PhraseDocs).hits
      : combine(termHits, phrases, excluded, positive, ctx);
  const matchers = new Map<IndexField, ReturnType<typeof formMatcher>>();
  for (const field of ['title', 'body'] as const) {
    const wanted = terms.get(field);
    if (wanted && wanted.size > 0) matchers.set(field, formMatcher(engine.forms(wanted)));
  }
  const asked = phrases
    .filter((p) => p.part.presence !== 'mustNot')
    .map((p) => ({ part: p.part, field: asField(p.part.field) ?? 'body', present: p.present }));
  return { hits, terms, matchers, phrases: asked };
}
