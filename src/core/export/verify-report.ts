import { exactOccurrences } from '../anchoring/match-quote';
import type { DocumentRecord } from '../model';
import { collapsedView, collapseWhitespace } from '../text/normalise';
import { codePointIndex, type CodePointIndex } from '../text/code-points';
import { citationOf } from './place-items';
import { readReport, type ReadQuote } from './read-report';
import type { Citation, ReportLibrary, VerifiedQuote, VerifyResult } from './report-types';
import { xmlSafe } from './xml-safe';

/**
 * Checks each quote of an exported report (HTML, Markdown, Word or CSV, recognised from its
 * content) against the library:
 * - 'verified': a document with the cited SHA-256 has the quote's words at the cited code
 *   points (line breaks and runs of spaces aside, which editors re-flow);
 * - 'elsewhere': that document has the words, but at another place (`foundAt`);
 * - 'changed': that document has other words at the cited place (`actual`) and the quote's
 *   words nowhere: the quote was edited, or was never in the file;
 * - 'source-missing': no document in the library has the cited SHA-256. A file imported again
 *   as a new version gets a new hash, so citations to the old version land here; when a
 *   document with the cited file name is in the library, `otherVersion` names it and says
 *   where, if anywhere, the quote is in its current text, but the quote is not called
 *   verified: the cited file is not the one in the library.
 * Throws a ReportReadError, whose message says why, for a file it cannot read.
 */
export async function verifyReport(
  file: { name: string; bytes: Uint8Array },
  library: ReportLibrary,
): Promise<VerifyResult> {
  const { format, quotes } = await readReport(file.bytes);
  const checker = libraryChecker(library);
  return { format, quotes: quotes.map(checker) };
}

interface DocText {
  doc: DocumentRecord;
  text: string;
  points: CodePointIndex;
}

function libraryChecker(library: ReportLibrary): (read: ReadQuote) => VerifiedQuote {
  const byHash = new Map<string, DocumentRecord>();
  const byFileName = new Map<string, DocumentRecord[]>();
  for (const doc of library.documents) {
    if (!byHash.has(doc.contentHash)) byHash.set(doc.contentHash, doc);
    const list = byFileName.get(doc.fileName);
    if (list) list.push(doc);
    else byFileName.set(doc.fileName, [doc]);
  }
  const texts = new Map<string, DocText | null>();
  const textOf = (doc: DocumentRecord): DocText | null => {
    if (!texts.has(doc.id)) {
      const content = library.textOf(doc.id);
      texts.set(
        doc.id,
        content ? { doc, text: content.text, points: codePointIndex(content.text) } : null,
      );
    }
    return texts.get(doc.id)!;
  };

  return ({ quote, token, details }) => {
    const doc = token.sha256 ? byHash.get(token.sha256) : undefined;
    const cited: Citation = doc
      ? citationOf(doc, token.start, token.end, token.page)
      : {
          title: details?.title || token.fileName || 'Unknown document',
          source: details?.source ?? null,
          author: details?.author ?? null,
          date: details?.date ?? null,
          page: token.page,
          url: details?.url ?? null,
          fileName: token.fileName,
          sha256: token.sha256,
          start: token.start,
          end: token.end,
        };
    const base = { quote, citation: cited };
    if (!doc) {
      const otherVersion = otherVersionOf(token.fileName, quote, byFileName, textOf);
      return {
        ...base,
        outcome: 'source-missing',
        docId: null,
        ...(otherVersion ? { otherVersion } : {}),
      };
    }
    const current = textOf(doc);
    if (!current) return { ...base, outcome: 'changed', docId: doc.id, actual: '' };
    const from = current.points.toUtf16(token.start);
    const to = current.points.toUtf16(token.end);
    const actual = token.start >= 0 && token.end > token.start ? current.text.slice(from, to) : '';
    if (quote.trim() !== '' && sameWords(actual, quote))
      return { ...base, outcome: 'verified', docId: doc.id };
    const found = findQuote(current.text, quote, from);
    if (found) {
      return {
        ...base,
        outcome: 'elsewhere',
        docId: doc.id,
        foundAt: {
          start: current.points.toCodePoints(found.start),
          end: current.points.toCodePoints(found.end),
        },
      };
    }
    return { ...base, outcome: 'changed', docId: doc.id, actual };
  };
}

/** A library document with the cited file name, preferring one whose text has the quote. */
function otherVersionOf(
  fileName: string,
  quote: string,
  byFileName: ReadonlyMap<string, DocumentRecord[]>,
  textOf: (doc: DocumentRecord) => DocText | null,
): VerifiedQuote['otherVersion'] {
  if (!fileName) return undefined;
  let fallback: VerifiedQuote['otherVersion'];
  for (const doc of byFileName.get(fileName) ?? []) {
    const current = textOf(doc);
    const found = current ? findQuote(current.text, quote, 0) : null;
    if (current && found) {
      return {
        docId: doc.id,
        title: doc.title,
        foundAt: {
          start: current.points.toCodePoints(found.start),
          end: current.points.toCodePoints(found.end),
        },
      };
    }
    fallback ??= { docId: doc.id, title: doc.title, foundAt: null };
  }
  return fallback;
}

/**
 * The same words: equal once characters a Word or Excel file cannot hold are replaced alike,
 * both are composed (NFC), and every run of whitespace counts as one space.
 */
function sameWords(a: string, b: string): boolean {
  return a === b || comparable(a) === comparable(b);
}

function comparable(text: string): string {
  return collapseWhitespace(xmlSafe(text).normalize('NFC'));
}

/**
 * Where the quote's words are in the text (UTF-16), exactly or with different whitespace,
 * the occurrence nearest `hint` first. Never fuzzily: an edited quote must not pass.
 */
function findQuote(
  text: string,
  quote: string,
  hint: number,
): { start: number; end: number } | null {
  const wanted = xmlSafe(quote).normalize('NFC');
  if (wanted.trim() === '') return null;
  const nearest = (ranges: { start: number; end: number }[]) =>
    ranges.reduce<{ start: number; end: number } | null>(
      (best, r) => (!best || Math.abs(r.start - hint) < Math.abs(best.start - hint) ? r : best),
      null,
    );
  const exact = nearest(exactOccurrences(text, wanted));
  if (exact) return exact;
  const pattern = collapseWhitespace(wanted);
  const view = collapsedView(xmlSafe(text));
  const loose = exactOccurrences(view.text, pattern).flatMap((m) => {
    const start = view.toOriginal[m.start];
    const last = view.toOriginal[m.end - 1];
    return start === undefined || last === undefined ? [] : [{ start, end: last + 1 }];
  });
  return nearest(loose);
}
