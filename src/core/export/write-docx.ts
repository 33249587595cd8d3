import {
  AlignmentType,
  Bookmark,
  Document,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  InternalHyperlink,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  type Table,
  TextRun,
  type ParagraphChild,
} from 'docx';
import { TAGS, type Tag } from '../model';
import { formatCiteToken } from './cite-token';
import { CHARACTER_STYLES, PARAGRAPH_STYLES, quoteStyleOf, tagStyleOf } from './write-docx-styles';
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
import type { Report, ReportChart, ReportItem } from './report-types';
import { TIMELINE_TITLE } from './report-timeline';
import { TIMELINE_BOOKMARK, timelineBlocks } from './write-docx-timeline';
import { xmlSafe } from './xml-safe';

/**
 * The report as a Word document (made with the `docx` library): a title page with the scope
 * and date, a contents list linking to each heading, a heading per pledge chain, document or
 * tag, each quote as an indented block shaded in its tag's colour with a border in the tag's
 * style and the tag's name written above it, its citation as a footnote ending in the
 * machine-readable token, and notes as indented text. Page numbers in the footer. A pledge
 * dossier opens with its timeline: `chart`'s PNG as a picture, and a table of its marks.
 */
export async function writeDocx(report: Report, chart?: ReportChart): Promise<Uint8Array> {
  const body: (Paragraph | Table)[] = [...titlePage(report)];
  const toc = [
    ...(report.timeline ? [{ id: TIMELINE_BOOKMARK, title: TIMELINE_TITLE }] : []),
    ...report.sections.map((s) => ({ id: bookmarkOf(s.id), title: s.title })),
    ...(report.unverified.length > 0
      ? [{ id: 'could_not_be_verified', title: UNVERIFIED_TITLE }]
      : []),
    ...(report.sources.length > 0 ? [{ id: 'sources', title: SOURCES_TITLE }] : []),
  ];
  if (toc.length > 0) {
    body.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        pageBreakBefore: true,
        children: [run('Contents')],
      }),
    );
    for (const entry of toc) {
      body.push(
        new Paragraph({
          spacing: { after: 60 },
          children: [
            new InternalHyperlink({
              anchor: entry.id,
              children: [run(entry.title, { style: 'Hyperlink' })],
            }),
          ],
        }),
      );
    }
  }
  if (report.timeline) body.push(...timelineBlocks(report.timeline, chart));
  report.sections.forEach((section, n) => {
    body.push(heading(section.title, bookmarkOf(section.id), n === 0 || toc.length > 0));
    if (section.subtitle)
      body.push(new Paragraph({ style: 'DossierDetail', children: [run(section.subtitle)] }));
    section.items.forEach((item, i) => {
      const group = tagGroupBefore(report, section, i);
      if (group)
        body.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: [run(group)] }));
      body.push(...itemParagraphs(item));
    });
  });
  if (report.unverified.length > 0) {
    body.push(heading(UNVERIFIED_TITLE, 'could_not_be_verified', true));
    body.push(new Paragraph({ style: 'DossierDetail', children: [run(UNVERIFIED_INTRO)] }));
    for (const item of report.unverified) body.push(...itemParagraphs(item));
  }
  if (report.sources.length > 0) {
    body.push(heading(SOURCES_TITLE, 'sources', true));
    body.push(new Paragraph({ style: 'DossierDetail', children: [run(SOURCES_INTRO)] }));
    report.sources.forEach((source, i) => {
      body.push(
        new Paragraph({
          keepNext: true,
          spacing: { before: 120 },
          children: [run(`${i + 1}. `), run(flat(source.title), { bold: true })],
        }),
        new Paragraph({ style: 'DossierCitation', children: [run(sourceLine(source))] }),
      );
    });
  }
  const document = new Document({
    creator: 'Dossier',
    title: `${REPORT_TITLE} — ${xmlSafe(scopeLine(report))}`,
    description: xmlSafe(countsLine(report)),
    styles: { paragraphStyles: PARAGRAPH_STYLES, characterStyles: CHARACTER_STYLES },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    size: 17,
                    children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

function titlePage(report: Report): Paragraph[] {
  return [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      spacing: { before: 2400 },
      children: [run(REPORT_TITLE)],
    }),
    new Paragraph({ spacing: { before: 240 }, children: [run(scopeLine(report), { size: 28 })] }),
    new Paragraph({ children: [run(arrangementLine(report))] }),
    new Paragraph({ children: [run(`Generated ${timestamp(report.options.generatedAt)}`)] }),
    new Paragraph({ spacing: { before: 240 }, children: [run(countsLine(report))] }),
    new Paragraph({
      spacing: { before: 480 },
      children: TAGS.flatMap((tag, i) => [...(i > 0 ? [run('   ')] : []), tagRun(tag)]),
    }),
    new Paragraph({
      style: 'DossierCitation',
      spacing: { before: 240 },
      children: [
        run(
          'Each quote’s citation is its footnote; the bracketed code at the end of a footnote lets Dossier’s Verify report check the quote against the library.',
        ),
      ],
    }),
  ];
}

function heading(text: string, bookmark: string, pageBreakBefore: boolean): Paragraph {
  return new Paragraph({
    heading: HeadingLevel.HEADING_1,
    pageBreakBefore,
    children: [new Bookmark({ id: bookmark, children: [run(flat(text))] })],
  });
}

function itemParagraphs(item: ReportItem): Paragraph[] {
  const head = itemHeadParts(item).join(' · ');
  const paragraphs = [
    new Paragraph({
      style: 'DossierTag',
      children: [tagRun(item.tag), ...(head ? [run(`  ${head}`)] : [])],
    }),
    new Paragraph({
      style: quoteStyleOf(item.tag),
      children: [
        ...textRuns(item.quote),
        new FootnoteReferenceRun({
          children: [
            new Paragraph({
              children: [
                run(citationLine(item.citation)),
                new TextRun({
                  text: formatCiteToken(item.citation),
                  style: 'DossierToken',
                  break: 1,
                }),
              ],
            }),
          ],
        }),
      ],
    }),
  ];
  const details = itemDetails(item);
  if (details.length > 0) {
    paragraphs.push(
      new Paragraph({
        style: 'DossierDetail',
        children: details.flatMap(({ label, value }, i) => [
          new TextRun({ text: `${label}: `, style: 'DossierLabel', break: i > 0 ? 1 : undefined }),
          run(value),
        ]),
      }),
    );
  }
  const note = item.annotation.note.trim();
  if (note !== '') {
    paragraphs.push(
      new Paragraph({
        style: 'DossierNote',
        children: [new TextRun({ text: 'Note: ', style: 'DossierLabel' }), ...textRuns(note)],
      }),
    );
  }
  return paragraphs;
}

function tagRun(tag: Tag): TextRun {
  return new TextRun({ text: ` ${tagLabel(tag)} `, style: tagStyleOf(tag) });
}

/** Text with its line breaks and tabs as Word's breaks and tabs. */
function textRuns(text: string): ParagraphChild[] {
  return xmlSafe(text)
    .split('\n')
    .map((line, i) => {
      const parts = line.split('\t');
      const children = parts.flatMap((part, j) => (j === 0 ? [part] : [new Tab(), part]));
      return new TextRun({ break: i > 0 ? 1 : undefined, children });
    });
}

function run(
  text: string,
  options: { bold?: boolean; size?: number; color?: string; style?: string } = {},
): TextRun {
  return new TextRun({ text: xmlSafe(text), ...options });
}

/** A bookmark name Word accepts: a letter first, then letters, digits and underscores. */
function bookmarkOf(sectionId: string): string {
  return `s_${sectionId.replace(/[^A-Za-z0-9]/g, '_')}`.slice(0, 40);
}
