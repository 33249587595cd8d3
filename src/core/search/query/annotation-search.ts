import type { Tag } from '../../model';
import type { Analyse, AnalysedToken } from '../engine/types';
import { gramWord } from '../engine/gram-terms';
import type { Highlight } from '../snippets';
import { findPhrase, withoutNested } from './phrase';
import {
  describeQueryError,
  parseQuery,
  passesDates,
  type PhrasePart,
  type QueryError,
  type WordPart,
} from './parse';

/** What annotation search reads of an annotation; the optional fields are used when present. */
export interface AnnotationEntry {
  id: string;
  docId: string;
  tag: Tag;
  quote: string;
  note: string;
  actor?: string;
  labels?: string[];
  /** ISO date the statement was made; the document's date when absent. */
  statementDate?: string;
  updatedAt: number;
}

export interface AnnotationDocInfo {
  title: string;
  date: string | null;
  language: string | null;
}

type TextField = 'quote' | 'note' | 'actor' | 'labels' | 'title';
const TEXT_FIELDS: readonly TextField[] = ['quote', 'note', 'actor', 'labels', 'title'];
export const ANNOTATION_FIELDS = [...TEXT_FIELDS, 'tag'] as const;

export interface AnnotationHit {
  entry: AnnotationEntry;
  doc: AnnotationDocInfo | undefined;
  score: number;
  /** Matched spans of the quote, note and actor, for highlighting. */
  matches: Partial<Record<'quote' | 'note' | 'actor', Highlight[]>>;
}

export type AnnotationAnswer =
  | { ok: true; hits: AnnotationHit[]; total: number; tookMs: number }
  | { ok: false; error: QueryError; message: string };

interface FieldText {
  text: string;
  /** Analysed (stemmed) tokens, for words. */
  tokens: AnalysedToken[];
  /** Words as written, for exact phrases. */
  words: AnalysedToken[];
}
type Fields = Record<TextField, FieldText>;

function editDistanceAtMost(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(
        Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost),
      );
    }
    previous = row;
  }
  return (previous[b.length] ?? max + 1) <= max;
}

function patternOf(wildcard: string): RegExp {
  const escaped = wildcard.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`, 'u');
}

/**
 * Annotation search: the same query language over every annotation's quote, note, actor
 * and labels (and its document's title), in memory, since a library holds thousands of
 * annotations rather than millions of words. Analysed fields are kept between queries.
 */
export function createAnnotationSearch(
  analyse: Analyse,
  words: Analyse = analyse,
  now: () => number = () => performance.now(),
) {
  const cache = new Map<string, { updatedAt: number; title: string; fields: Fields }>();

  function fieldsOf(entry: AnnotationEntry, doc: AnnotationDocInfo | undefined): Fields {
    const title = doc?.title ?? '';
    const cached = cache.get(entry.id);
    if (cached && cached.updatedAt === entry.updatedAt && cached.title === title)
      return cached.fields;
    const language = doc?.language ?? null;
    const make = (text: string) => ({
      text,
      tokens: analyse(text, language),
      words: words(text, language),
    });
    const fields: Fields = {
      quote: make(entry.quote),
      note: make(entry.note),
      actor: make(entry.actor ?? ''),
      labels: make((entry.labels ?? []).join(', ')),
      title: make(title),
    };
    cache.set(entry.id, { updatedAt: entry.updatedAt, title, fields });
    return fields;
  }

  function wordSpans(word: WordPart, field: FieldText, language: string | null): Highlight[] {
    const typed = word.text.toLowerCase();
    if (word.wildcard || word.fuzzy) {
      return field.tokens.filter((t) => {
        const raw = field.text.slice(t.start, t.end).toLowerCase();
        if (word.fuzzy) return editDistanceAtMost(raw, typed, word.fuzzy);
        return patternOf(typed).test(raw);
      });
    }
    // A word in Thai, Lao, Khmer or Burmese is found by its pairs of clusters, as in documents.
    if (gramWord(word.text)) return findPhrase(field.words, words(word.text, language));
    const wanted = analyse(word.text, language).map((t) => t.term);
    if (wanted.length === 0) return [];
    const spans = field.tokens.filter((t) => wanted.includes(t.term));
    const present = new Set(spans.map((s) => s.term));
    return wanted.every((w) => present.has(w)) ? spans : [];
  }

  function partSpans(
    part: WordPart | PhrasePart,
    entry: AnnotationEntry,
    fields: Fields,
    language: string | null,
  ): Map<TextField | 'tag', Highlight[]> {
    const found = new Map<TextField | 'tag', Highlight[]>();
    if (part.field === 'tag') {
      if (entry.tag === part.text.toLowerCase()) found.set('tag', []);
      return found;
    }
    const names = part.field ? [part.field as TextField] : TEXT_FIELDS;
    for (const name of names) {
      const field = fields[name];
      const spans =
        part.kind === 'phrase'
          ? findPhrase(field.words, words(part.text, language))
          : wordSpans(part, field, language);
      if (spans.length > 0) found.set(name, spans);
    }
    return found;
  }

  return function search(
    input: string,
    entries: readonly AnnotationEntry[],
    docs: ReadonlyMap<string, AnnotationDocInfo>,
  ): AnnotationAnswer {
    const started = now();
    const parsed = parseQuery(input, { fields: ANNOTATION_FIELDS });
    if (!parsed.ok)
      return { ok: false, error: parsed.error, message: describeQueryError(parsed.error) };
    const { words, phrases, dates } = parsed.query;
    const parts = [...words, ...phrases];
    const required = parts.filter((p) => p.presence === 'must');
    const optional = parts.filter((p) => p.presence === 'should');
    const hits: AnnotationHit[] = [];
    for (const entry of entries) {
      const doc = docs.get(entry.docId);
      if (!passesDates(entry.statementDate ?? doc?.date ?? null, dates)) continue;
      const fields = fieldsOf(entry, doc);
      const language = doc?.language ?? null;
      const matches: AnnotationHit['matches'] = {};
      let score = 0;
      let keep = true;
      let anyOptional = false;
      for (const part of parts) {
        const found = partSpans(part, entry, fields, language);
        if (part.presence === 'mustNot') {
          if (found.size > 0) keep = false;
          continue;
        }
        if (found.size === 0) {
          if (part.presence === 'must') keep = false;
          continue;
        }
        if (part.presence === 'should') anyOptional = true;
        for (const [name, spans] of found) {
          score += 1 + spans.length * 0.1;
          if (name === 'quote' || name === 'note' || name === 'actor') {
            matches[name] = [...(matches[name] ?? []), ...spans];
          }
        }
      }
      if (!keep || (required.length === 0 && optional.length > 0 && !anyOptional)) continue;
      for (const name of ['quote', 'note', 'actor'] as const) {
        const spans = matches[name];
        if (spans) matches[name] = withoutNested(spans);
      }
      hits.push({ entry, doc, score, matches });
    }
    hits.sort(
      (a, b) =>
        b.score - a.score ||
        (a.entry.statementDate ?? a.doc?.date ?? '9999').localeCompare(
          b.entry.statementDate ?? b.doc?.date ?? '9999',
        ),
    );
    return { ok: true, hits, total: hits.length, tookMs: now() - started };
  };
}
