import { byReadingOrder, quoteOf } from '../annotations/selectors-of';
import { TAG_LABELS, TAGS, type Annotation, type DocumentRecord, type Tag } from '../model';

export interface ReportDocument {
  doc: Pick<DocumentRecord, 'title' | 'source' | 'date' | 'author' | 'url' | 'fileName'>;
  annotations: readonly Annotation[];
}

export interface ReportInput {
  documents: readonly ReportDocument[];
  generatedAt: Date;
}

const SECTION_TITLES: Record<Tag, string> = {
  pledge: 'Pledges',
  evidence: 'Evidence',
  critique: 'Critiques',
};

/** Markdown would read these at the start of a line as structure; quotes must stay verbatim. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#>*+-]|\d+[.)])(\s)/, '$1\\$2$3');
}

function blockquote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${escapeLineStart(line)}`))
    .join('\n');
}

function formatTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function compareDocs(a: ReportDocument, b: ReportDocument): number {
  const da = a.doc.date ?? '9999';
  const db = b.doc.date ?? '9999';
  return da.localeCompare(db) || a.doc.title.localeCompare(b.doc.title);
}

function renderDocument({ doc, annotations }: ReportDocument): string[] {
  const lines = [`## ${doc.title.replace(/\n/g, ' ')}`, ''];
  lines.push(`- Source: ${doc.source ?? 'unknown'}`);
  lines.push(`- Date: ${doc.date ?? 'undated'}`);
  if (doc.author) lines.push(`- Author: ${doc.author}`);
  if (doc.url) lines.push(`- URL: ${doc.url}`);
  lines.push(`- File: ${doc.fileName}`, '');
  for (const tag of TAGS) {
    const tagged = annotations.filter((a) => a.tag === tag).sort(byReadingOrder);
    if (tagged.length === 0) continue;
    lines.push(`### ${SECTION_TITLES[tag]} (${tagged.length})`, '');
    for (const annotation of tagged) {
      lines.push(blockquote(quoteOf(annotation)), '');
      const note = annotation.note.trim();
      if (note !== '') {
        const [first, ...rest] = note.split('\n');
        lines.push(`Note: ${first ?? ''}`, ...rest, '');
      }
    }
  }
  return lines;
}

/**
 * The report an editor checks quote by quote: per document (oldest first) its tagged quotes,
 * grouped by tag in reading order, with notes. Documents without annotations are left out.
 */
export function renderMarkdownReport(input: ReportInput): string {
  const docs = input.documents.filter((d) => d.annotations.length > 0).sort(compareDocs);
  const total = docs.reduce((n, d) => n + d.annotations.length, 0);
  const counts = TAGS.map((tag) => {
    const n = docs.reduce((sum, d) => sum + d.annotations.filter((a) => a.tag === tag).length, 0);
    return `${n} ${TAG_LABELS[tag].toLowerCase()}`;
  }).join(', ');
  const lines = [
    '# Dossier report',
    '',
    `Generated ${formatTimestamp(input.generatedAt)}. ${docs.length} documents, ${total} annotations (${counts}).`,
    '',
  ];
  if (docs.length === 0) lines.push('No passages have been tagged yet.', '');
  for (const doc of docs) lines.push(...renderDocument(doc));
  return `${lines.join('\n').trimEnd()}\n`;
}

export function reportFileName(date: Date): string {
  return `dossier-report-${date.toISOString().slice(0, 10)}.md`;
}
