import { fromByteArray } from 'base64-js';
import { formatCiteToken } from './cite-token';
import { escapeMarkdownLine, escapeMarkdownLines } from './markdown-escape';
import {
  arrangementLine,
  citationLine,
  countsLine,
  flat,
  itemDetails,
  itemHeadParts,
  REPORT_TITLE,
  scopeLine,
  sourceLine,
  SOURCES_INTRO,
  SOURCES_TITLE,
  tagGroupBefore,
  tagLabel,
  timestamp,
  UNVERIFIED_INTRO,
  UNVERIFIED_TITLE,
} from './report-text';
import type { Report, ReportChart, ReportItem, ReportTimeline } from './report-types';
import {
  TIMELINE_ANCHOR,
  TIMELINE_CAPTION,
  TIMELINE_HEADERS,
  TIMELINE_KEY,
  TIMELINE_TITLE,
  timelineAlt,
  timelineCells,
  timelineUndatedNote,
} from './report-timeline';

export const UNVERIFIED_ANCHOR = 'could-not-be-verified';
export const SOURCES_ANCHOR = 'sources';

/**
 * The report as Markdown. Every quote is a block quote preceded by its citation token in an
 * HTML comment (`<!-- [dossier:cite …] -->`, invisible once rendered), which Verify report
 * reads back with the quote under it; the citation follows in words. Everything the analyst
 * typed is escaped, so it renders as text. A pledge dossier opens with its timeline: `chart`'s
 * SVG embedded as a data-URI image (nothing linked), a caption, and a table of the same marks.
 */
export function writeMarkdown(report: Report, chart?: ReportChart): string {
  const lines: string[] = [
    `# ${REPORT_TITLE}`,
    '',
    md(
      `${scopeLine(report)} · ${arrangementLine(report)} · Generated ${timestamp(report.options.generatedAt)}`,
    ),
    '',
    md(countsLine(report)),
    '',
  ];
  const toc = [
    ...(report.timeline ? [{ id: TIMELINE_ANCHOR, title: TIMELINE_TITLE }] : []),
    ...report.sections.map((s) => ({ id: s.id, title: s.title })),
    ...(report.unverified.length > 0 ? [{ id: UNVERIFIED_ANCHOR, title: UNVERIFIED_TITLE }] : []),
    ...(report.sources.length > 0 ? [{ id: SOURCES_ANCHOR, title: SOURCES_TITLE }] : []),
  ];
  if (toc.length > 0) {
    lines.push('## Contents', '');
    for (const entry of toc) lines.push(`- [${md(entry.title)}](#${entry.id})`);
    lines.push('');
  }
  if (report.timeline) lines.push(...timelineLines(report.timeline, chart));
  for (const section of report.sections) {
    lines.push(`<a id="${section.id}"></a>`, '', `## ${md(section.title)}`, '');
    if (section.subtitle) lines.push(md(section.subtitle), '');
    section.items.forEach((item, i) => {
      const group = tagGroupBefore(report, section, i);
      if (group) lines.push(`### ${group}`, '');
      lines.push(...itemLines(item));
    });
  }
  if (report.unverified.length > 0) {
    lines.push(`<a id="${UNVERIFIED_ANCHOR}"></a>`, '', `## ${UNVERIFIED_TITLE}`, '');
    lines.push(md(UNVERIFIED_INTRO), '');
    for (const item of report.unverified) lines.push(...itemLines(item));
  }
  if (report.sources.length > 0) {
    lines.push(
      `<a id="${SOURCES_ANCHOR}"></a>`,
      '',
      `## ${SOURCES_TITLE}`,
      '',
      md(SOURCES_INTRO),
      '',
    );
    report.sources.forEach((source, i) => {
      lines.push(`${i + 1}. **${md(source.title)}**  `, `   ${md(sourceLine(source))}`);
    });
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function timelineLines(timeline: ReportTimeline, chart: ReportChart | undefined): string[] {
  const lines = [`<a id="${TIMELINE_ANCHOR}"></a>`, '', `## ${TIMELINE_TITLE}`, ''];
  if (chart && timeline.rows.length > 0) {
    lines.push(
      `![${md(timelineAlt(timeline))}](data:image/svg+xml;base64,${base64(chart.svg)})`,
      '',
      `${md(TIMELINE_CAPTION)} ${md(TIMELINE_KEY)}`,
      '',
    );
  }
  const undated = timelineUndatedNote(timeline);
  if (undated) lines.push(md(undated), '');
  if (timeline.rows.length > 0) {
    lines.push(
      `| ${TIMELINE_HEADERS.join(' | ')} |`,
      `|${' --- |'.repeat(TIMELINE_HEADERS.length)}`,
      ...timeline.rows.map((row) => `| ${timelineCells(row).map(md).join(' | ')} |`),
      '',
    );
  }
  return lines;
}

/** UTF-8 text as base64, for a data URI. */
function base64(text: string): string {
  return fromByteArray(new TextEncoder().encode(text));
}

function itemLines(item: ReportItem): string[] {
  const head = [`**${tagLabel(item.tag)}**`, ...itemHeadParts(item).map(md)].join(' · ');
  const lines = [head, '', `<!-- ${formatCiteToken(item.citation)} -->`];
  for (const line of escapeMarkdownLines(item.quote)) lines.push(line === '' ? '>' : `> ${line}`);
  lines.push('', `— ${md(citationLine(item.citation))}`, '');
  const details = itemDetails(item);
  if (details.length > 0) {
    for (const { label, value } of details) lines.push(`- ${label}: ${md(value)}`);
    lines.push('');
  }
  const note = item.annotation.note.trim();
  if (note !== '') {
    // Each line is escaped on its own, so a later line can never become a heading or a quote;
    // a backslash at the end of a line keeps the note's line breaks when it is rendered.
    const noteLines = escapeMarkdownLines(note);
    lines.push(
      'Note:',
      '',
      ...noteLines.map((l, i) => (l !== '' && (noteLines[i + 1] ?? '') !== '' ? `${l}\\` : l)),
      '',
    );
  }
  return lines;
}

/** A line of wording or of the analyst's text, flattened and escaped. */
function md(text: string): string {
  return escapeMarkdownLine(flat(text));
}
