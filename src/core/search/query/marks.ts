import type { AnalysedToken, IndexField } from '../engine/types';
import { gramTermText } from '../engine/gram-terms';
import { hasGramText } from '../engine/grams';
import { makeSnippets, pageOf, type Highlight, type Snippet } from '../snippets';
import { formMatcher, phraseFinder } from './highlight';
import { tokensIn, type MatchContext, type Matched, type PhraseMatch } from './match';
import { findPhrase, withoutNested } from './phrase';

export interface QueryHit {
  id: string;
  /** The document's number (LibraryFacts). */
  docNumber: number;
  score: number;
  /** Every match in the document's text, in order: what the reader marks and steps through. */
  bodyMatches: Highlight[];
  titleMatches: Highlight[];
  /** Each with the index of its first highlight in `bodyMatches` and its page (PDFs). */
  snippets: (Snippet & { hitIndex: number; page: number | null })[];
}

type Finder = ReturnType<typeof phraseFinder>;

/**
 * What a query marks in one field of its results, worked out once per query, not once per
 * result: the terms, the words typed in Thai, Lao, Khmer or Burmese (found by the text's
 * pairs of clusters), the matcher of the terms' written forms and the phrases asked for.
 */
interface FieldMarks {
  field: IndexField;
  terms: ReadonlySet<string> | undefined;
  grams: string[];
  matcher: ReturnType<typeof formMatcher> | undefined;
  phrases: PhraseMatch[];
}

/** What marking a query's results needs, made once per query (markerOf). */
export interface Marker {
  body: FieldMarks;
  title: FieldMarks;
  /** Typed words split as texts in a language are (ctx.words), by language and words. */
  typed: Map<string, AnalysedToken[]>;
  /** Phrase finders for bodies, by language and phrase. */
  finders: Map<string, Finder>;
}

function fieldMarks(field: IndexField, matched: Matched): FieldMarks {
  const terms = matched.terms.get(field);
  const grams: string[] = [];
  for (const term of terms ?? []) {
    const text = gramTermText(term);
    if (text !== null) grams.push(text);
  }
  return {
    field,
    terms,
    grams,
    matcher: matched.matchers.get(field),
    phrases: matched.phrases.filter((p) => p.field === field),
  };
}

export function markerOf(matched: Matched): Marker {
  return {
    body: fieldMarks('body', matched),
    title: fieldMarks('title', matched),
    typed: new Map(),
    finders: new Map(),
  };
}

function typedWords(
  marker: Marker,
  text: string,
  language: string | null,
  ctx: MatchContext,
): AnalysedToken[] {
  const key = `${language ?? ''}\u0000${text}`;
  let found = marker.typed.get(key);
  if (!found) {
    found = ctx.words(text, language);
    marker.typed.set(key, found);
  }
  return found;
}

function finderOf(
  marker: Marker,
  phrase: string,
  wanted: readonly AnalysedToken[],
  language: string | null,
  ctx: MatchContext,
): Finder {
  const key = `${language ?? ''}\u0000${phrase}`;
  let finder = marker.finders.get(key);
  if (finder === undefined) {
    finder = phraseFinder(wanted, ctx.words);
    marker.finders.set(key, finder);
  }
  return finder;
}

/** Whether the field's text is needed to mark this document. */
function needsText(marks: FieldMarks, doc: number): boolean {
  if (marks.terms !== undefined && marks.terms.size > 0) return true;
  return marks.phrases.some((p) => p.present[doc] === 1);
}

/** Spans one after another, none overlapping: what withoutNested would give back as it is. */
function inOrder(spans: readonly Highlight[]): boolean {
  for (let i = 1; i < spans.length; i += 1) {
    const span = spans[i] as Highlight;
    const before = spans[i - 1] as Highlight;
    if (span.start <= before.start || span.start < before.end) return false;
  }
  return true;
}

function pushAll(to: Highlight[], from: readonly Highlight[]) {
  for (const span of from) to.push(span);
}

/** Every match of the query in a field's text, in order, each word marked once. */
function matchesIn(
  doc: number,
  text: string,
  marks: FieldMarks,
  marker: Marker,
  ctx: MatchContext,
): Highlight[] {
  const { field, terms, grams, matcher } = marks;
  const language = ctx.library.docs[doc]?.language ?? null;
  const spans: Highlight[] = [];
  for (const phrase of marks.phrases) {
    if (phrase.present[doc] !== 1) continue;
    const wanted = typedWords(marker, phrase.part.text, language, ctx);
    // A body is searched for the phrase, not split whole, where that gives the same spans.
    const finder =
      field === 'body' ? finderOf(marker, phrase.part.text, wanted, language, ctx) : null;
    const found = finder ? finder(text, language) : null;
    pushAll(spans, found ?? findPhrase(tokensIn(doc, field, text, ctx, 'words'), wanted));
  }
  if (grams.length > 0 && hasGramText(text)) {
    for (const word of grams) {
      const wanted = typedWords(marker, word, language, ctx);
      pushAll(spans, findPhrase(tokensIn(doc, field, text, ctx, 'words'), wanted));
    }
  }
  if (terms && terms.size > grams.length) {
    const found = matcher ? matcher(text, language) : null;
    if (found) pushAll(spans, found);
    else {
      for (const token of tokensIn(doc, field, text, ctx)) {
        if (terms.has(token.term)) spans.push({ start: token.start, end: token.end });
      }
    }
  }
  // Every span here is this call's own, so spans already in order need no copy.
  return inOrder(spans) ? spans : withoutNested(spans);
}

/** A result as shown: its matches in the body and title, and snippets of the body. */
export async function describeHit(
  doc: number,
  score: number,
  marker: Marker,
  ctx: MatchContext,
  maxSnippets: number,
): Promise<QueryHit> {
  const facts = ctx.library.docs[doc];
  const id = facts?.id ?? '';
  // The body is read once, and only where the query marks something in it.
  const content = facts && needsText(marker.body, doc) ? await ctx.content(id) : undefined;
  const bodyMatches = content ? matchesIn(doc, content.text, marker.body, marker, ctx) : [];
  const titleMatches = needsText(marker.title, doc)
    ? matchesIn(doc, facts?.title ?? '', marker.title, marker, ctx)
    : [];
  const snippets: QueryHit['snippets'] = [];
  if (content && bodyMatches.length > 0) {
    for (const s of makeSnippets(content.text, bodyMatches, { maxSnippets })) {
      let hitIndex = 0;
      for (let i = 0; i < bodyMatches.length; i += 1) {
        if ((bodyMatches[i] as Highlight).start === s.anchor) {
          hitIndex = i;
          break;
        }
      }
      snippets.push({ ...s, hitIndex, page: pageOf(content.pages, s.anchor) });
    }
  }
  return { id, docNumber: doc, score, bodyMatches, titleMatches, snippets };
}
