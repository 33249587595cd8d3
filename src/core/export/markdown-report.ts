import { byReadingOrder, quoteOf } from '../annotations/selectors-of';
import {
  PLEDGE_STATUS_LABELS,
  TAG_LABELS,
  TAGS,
  type Annotation,
  type AnnotationLink,
  type DocumentRecord,
  type Tag,
} from '../model';
import { escapeMarkdownLine, escapeMarkdownLines } from './markdown-escape';

export interface ReportDocument {
  doc: Pick<DocumentRecord, 'title' | 'source' | 'date' | 'author' | 'url' | 'fileName'>;
  annotations: readonly Annotation[];
}

export interface ReportInput {
  documents: readonly ReportDocument[];
  generatedAt: Date;
  /** Links between the annotations; each is listed under the annotation it starts from. */
  links?: readonly AnnotationLink[];
}

/** What a link line needs to name the pledge it points to. */
interface LinkContext {
  byId: Map<string, { annotation: Annotation; doc: ReportDocument['doc'] }>;
  linksFrom: Map<string, AnnotationLink[]>;
}

const RELATION_LABELS: Record<AnnotationLink['relation'], string> = {
  supports: 'Supports',
  contradicts: 'Contradicts',
  repeats: 'Repeats',
};

function shorten(text: string, max = 100): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * A field the analyst typed or a file brought, on one line, as Markdown text: markup, links and
 * script URLs come out as the characters typed, in any viewer.
 */
function text(value: string): string {
  return escapeMarkdownLine(value.replace(/\s*\n\s*/g, ' '));
}

function describeAnnotation(annotation: Annotation, context: LinkContext): string[] {
  const lines: string[] = [];
  const said = [annotation.actor, annotation.statementDate].filter(Boolean).join(', ');
  if (said) lines.push(`- Said by: ${text(said)}`);
  if (annotation.labels?.length) lines.push(`- Labels: ${text(annotation.labels.join(', '))}`);
  if (annotation.status) {
    const why = annotation.rationale ? ` (${text(annotation.rationale)})` : '';
    lines.push(`- Status: ${PLEDGE_STATUS_LABELS[annotation.status]}${why}`);
  }
  for (const link of context.linksFrom.get(annotation.id) ?? []) {
    const target = context.byId.get(link.toId);
    if (!target) continue;
    const where = `${target.doc.title}, ${target.annotation.statementDate ?? target.doc.date ?? 'undated'}`;
    lines.push(
      `- ${RELATION_LABELS[link.relation]} the pledge "${text(shorten(quoteOf(target.annotation)))}" (${text(where)})`,
    );
  }
  return lines.length > 0 ? [...lines, ''] : [];
}

const SECTION_TITLES: Record<Tag, string> = {
  pledge: 'Pledges',
  evidence: 'Evidence',
  critique: 'Critiques',
};

/** A quote, each line escaped: a document's words are shown, never read as Markdown or HTML. */
function blockquote(quote: string): string {
  return quote
    .split('\n')
    .map((line) => (line.trim() === '' ? '>' : `> ${escapeMarkdownLine(line)}`))
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

function renderDocument({ doc, annotations }: ReportDocument, context: LinkContext): string[] {
  const lines = [`## ${text(doc.title)}`, ''];
  lines.push(`- Source: ${doc.source ? text(doc.source) : 'unknown'}`);
  lines.push(`- Date: ${doc.date ? text(doc.date) : 'undated'}`);
  if (doc.author) lines.push(`- Author: ${text(doc.author)}`);
  if (doc.url) lines.push(`- URL: ${text(doc.url)}`);
  lines.push(`- File: ${text(doc.fileName)}`, '');
  for (const tag of TAGS) {
    const tagged = annotations.filter((a) => a.tag === tag).sort(byReadingOrder);
    if (tagged.length === 0) continue;
    lines.push(`### ${SECTION_TITLES[tag]} (${tagged.length})`, '');
    for (const annotation of tagged) {
      lines.push(blockquote(quoteOf(annotation)), '');
      lines.push(...describeAnnotation(annotation, context));
      const note = annotation.note.trim();
      if (note !== '') {
        const [first, ...rest] = escapeMarkdownLines(note);
        lines.push(`Note: ${first ?? ''}`, ...rest, '');
      }
    }
  }
  return lines;
}

/**
 * The report an editor checks quote by quote: per document (oldest first) its tagged quotes,
 * grouped by tag in reading order, with who said it and when, pledge status, links and notes.
 * Documents without annotations are left out.
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
  const context: LinkContext = { byId: new Map(), linksFrom: new Map() };
  for (const { doc, annotations } of docs) {
    for (const annotation of annotations) context.byId.set(annotation.id, { annotation, doc });
  }
  for (const link of input.links ?? []) {
    context.linksFrom.set(link.fromId, [...(context.linksFrom.get(link.fromId) ?? []), link]);
  }
  for (const doc of docs) lines.push(...renderDocument(doc, context));
  return `${lines.join('\n').trimEnd()}\n`;
}

export function reportFileName(date: Date): string {
  return `dossier-report-${date.toISOString().slice(0, 10)}.md`;
}
