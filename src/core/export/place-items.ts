import { anchor, positionSelectorOf } from '../anchoring';
import { dateOf } from '../annotations/dossier';
import { quoteOf } from '../annotations/selectors-of';
import type { Annotation, DocumentRecord, PageSelector } from '../model';
import { pageOfOffset } from '../pdf-text-map/pdf-text-map';
import { codePointIndex, type CodePointIndex } from '../text/code-points';
import type { Citation, ReportLibrary, ReportText, Verification } from './report-types';

/** An annotation placed again in its document's current text, before it is arranged. */
export interface PlacedItem {
  annotation: Annotation;
  doc: DocumentRecord;
  quote: string;
  citation: Citation;
  verification: Verification;
  date: string | null;
  /** Where the quote starts in the current text (UTF-16), for reading order; null if unplaced. */
  at: number | null;
}

/** How often building reports progress, in annotations. */
const PROGRESS_EVERY = 250;

export interface Placement {
  /** The placed items by annotation id. */
  items: Map<string, PlacedItem>;
  /** The length in code points of each document's current text (0 when it is missing). */
  textLengths: Map<string, number>;
}

/**
 * Places each annotation again in its document's current text, document by document so that
 * each text is read, and indexed for code points, once.
 */
export function placeAnnotations(
  library: ReportLibrary,
  annotations: readonly Annotation[],
  onProgress?: (done: number, total: number) => void,
): Placement {
  const docs = new Map(library.documents.map((d) => [d.id, d]));
  const byDoc = new Map<string, Annotation[]>();
  for (const a of annotations) {
    const list = byDoc.get(a.docId);
    if (list) list.push(a);
    else byDoc.set(a.docId, [a]);
  }
  const placed = new Map<string, PlacedItem>();
  const textLengths = new Map<string, number>();
  let done = 0;
  for (const [docId, list] of byDoc) {
    const doc = docs.get(docId);
    const content = doc ? library.textOf(docId) : undefined;
    const points = codePointIndex(content?.text ?? '');
    textLengths.set(docId, points.length);
    const place = placer(doc ?? missingDocument(docId, list[0]), content, points);
    for (const annotation of list) {
      placed.set(annotation.id, place(annotation));
      done += 1;
      if (onProgress && done % PROGRESS_EVERY === 0) onProgress(done, annotations.length);
    }
  }
  onProgress?.(annotations.length, annotations.length);
  return { items: placed, textLengths };
}

function placer(doc: DocumentRecord, content: ReportText | undefined, points: CodePointIndex) {
  const pages = content?.pages && content.pages.length > 0 ? content.pages : undefined;

  return (annotation: Annotation): PlacedItem => {
    const stored = quoteOf(annotation);
    const position = positionSelectorOf(annotation.target.selectors);
    const base = { annotation, doc, date: dateOf(annotation, doc) };
    const found =
      content && content.text !== ''
        ? anchor(content.text, annotation.target.selectors, content.pages)
        : null;
    if (!found) {
      // The stored position, in the current text's code points when there is a text.
      const start = position ? (content ? points.toCodePoints(position.start) : position.start) : 0;
      const end = position ? (content ? points.toCodePoints(position.end) : position.end) : 0;
      const page = annotation.target.selectors.find(
        (s): s is PageSelector => s.type === 'PageSelector',
      );
      return {
        ...base,
        quote: stored,
        verification: 'unverified',
        at: null,
        citation: citationOf(doc, start, end, page && pages ? page.index + 1 : null),
      };
    }
    // A range that splits an emoji (possible for a stored position) takes the whole character.
    const text = content!.text;
    if (splitsPair(text, found.start)) found.start -= 1;
    if (splitsPair(text, found.end)) found.end += 1;
    const quote = text.slice(found.start, found.end);
    const inPlace =
      position !== undefined &&
      position.start === found.start &&
      position.end === found.end &&
      quote === stored;
    return {
      ...base,
      quote,
      verification: inPlace ? 'in-place' : 'moved',
      at: found.start,
      citation: citationOf(
        doc,
        points.toCodePoints(found.start),
        points.toCodePoints(found.end),
        pages ? pageOfOffset(pages, found.start) + 1 : null,
      ),
    };
  };
}

export function citationOf(
  doc: DocumentRecord,
  start: number,
  end: number,
  page: number | null,
): Citation {
  return {
    title: doc.title,
    source: doc.source,
    author: doc.author,
    date: doc.date,
    page,
    url: doc.url,
    fileName: doc.fileName,
    sha256: doc.contentHash,
    start,
    end,
  };
}

/**
 * Stands in for a document that is no longer in the library, so its annotations are still
 * exported (as unverified) rather than dropped; the hash is the one the quote was taken from.
 */
function missingDocument(docId: string, annotation: Annotation | undefined): DocumentRecord {
  return {
    id: docId,
    title: 'Document not in the library',
    source: null,
    date: null,
    author: null,
    url: null,
    language: null,
    format: 'txt',
    fileName: '',
    filePath: '',
    contentHash: annotation?.target.contentHash ?? '',
    byteLength: 0,
    textLength: 0,
    importedAt: 0,
  };
}

/** Whether `offset` falls between the two halves of a surrogate pair. */
function splitsPair(text: string, offset: number): boolean {
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
