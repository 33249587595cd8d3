import {
  AlignmentType,
  Bookmark,
  BorderStyle,
  Document,
  Footer,
  FootnoteReferenceRun,
  HeadingLevel,
  InternalHyperlink,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  TextRun,
  type IParagraphStyleOptions,
  type ParagraphChild,
} from 'docx';
import { formatCiteToken } from './cite-token';
import { QUOTE_STYLE } from './docx-style';
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
  TAG_STYLES,
  tagGroupBefore,
  tagLabel,
  timestamp,
  UNVERIFIED_INTRO,
  UNVERIFIED_TITLE,
} from './report-text';
import type { Report, ReportItem } from './report-types';
import { xmlSafe } from './xml-safe';

const BORDERS = {
  solid: BorderStyle.SINGLE,
  dashed: BorderStyle.DASHED,
  double: BorderStyle.DOUBLE,
} as const;

const STYLES: IParagraphStyleOptions[] = [
  {
    id: QUOTE_STYLE,
    name: 'Dossier Quote',
    basedOn: 'Normal',
    next: 'Normal',
    run: { size: 23 },
    paragraph: { indent: { left: 567, right: 283 }, spacing: { before: 40, after: 80 } },
  },
  {
    id: 'DossierTag',
    name: 'Dossier Tag',
    basedOn: 'Normal',
    next: QUOTE_STYLE,
    run: { size: 19, font: 'Arial' },
    paragraph: { keepNext: true, spacing: { before: 240, after: 40 } },
  },
  {
    id: 'DossierCitation',
    name: 'Dossier Citation',
    basedOn: 'Normal',
    run: { size: 17, color: '404040', font: 'Arial' },
    paragraph: { indent: { left: 567 }, spacing: { after: 40 } },
  },
  {
    id: 'DossierDetail',
    name: 'Dossier Detail',
    basedOn: 'Normal',
    run: { size: 19, font: 'Arial' },
    paragraph: { indent: { left: 567 }, spacing: { after: 20 } },
  },
  {
    id: 'DossierNote',
    name: 'Dossier Note',
    basedOn: 'Normal',
    run: { size: 21 },
    paragraph: {
      indent: { left: 1134 },
      spacing: { before: 40, after: 40 },
      border: { left: { style: BorderStyle.SINGLE, size: 8, color: '999999', space: 6 } },
    },
  },
];

/**
 * The report as a Word document (made with the `docx` library): a title page with the scope
 * and date, a contents list linking to each heading, a heading per pledge chain, document or
 * tag, each quote as an indented block shaded in its tag's colour with a border in the tag's
 * style and the tag's name written above it, its citation as a footnote ending in the
 * machine-readable token, and notes as indented text. Page numbers in the footer.
 */
export async function writeDocx(report: Report): Promise<Uint8Array> {
  const body: Paragraph[] = [...titlePage(report)];
  const toc = [
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
    styles: { paragraphStyles: STYLES },
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
      children: (['pledge', 'evidence', 'critique'] as const).flatMap((tag, i) => [
        ...(i > 0 ? [run('   ')] : []),
        tagRun(tag),
      ]),
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
  const style = TAG_STYLES[item.tag];
  const border = {
    style: BORDERS[style.border],
    size: style.border === 'double' ? 12 : 18,
    color: style.ink,
    space: 8,
  };
  const head = itemHeadParts(item).join(' · ');
  const paragraphs = [
    new Paragraph({
      style: 'DossierTag',
      children: [tagRun(item.tag), ...(head ? [run(`  ${head}`)] : [])],
    }),
    new Paragraph({
      style: QUOTE_STYLE,
      keepLines: true,
      shading: { type: ShadingType.CLEAR, color: 'auto', fill: lighten(style.fill) },
      border: { left: border },
      children: [
        ...textRuns(item.quote),
        new FootnoteReferenceRun({
          children: [
            new Paragraph({ children: [run(citationLine(item.citation))] }),
            new Paragraph({
              children: [run(formatCiteToken(item.citation), { size: 14, color: '606060' })],
            }),
          ],
        }),
      ],
    }),
  ];
  for (const { label, value } of itemDetails(item)) {
    paragraphs.push(
      new Paragraph({
        style: 'DossierDetail',
        children: [run(`${label}: `, { bold: true }), run(value)],
      }),
    );
  }
  const note = item.annotation.note.trim();
  if (note !== '') {
    paragraphs.push(
      new Paragraph({
        style: 'DossierNote',
        children: [run('Note: ', { bold: true }), ...textRuns(note)],
      }),
    );
  }
  return paragraphs;
}

/** The tag's name, shaded in its colour and underlined in its style: never colour alone. */
function tagRun(tag: ReportItem['tag']): TextRun {
  const style = TAG_STYLES[tag];
  return new TextRun({
    text: ` ${tagLabel(tag)} `,
    bold: true,
    color: style.ink,
    shading: { type: ShadingType.CLEAR, color: 'auto', fill: style.fill },
    underline: {
      type: style.border === 'double' ? 'double' : style.border === 'dashed' ? 'dash' : 'single',
      color: style.ink,
    },
  });
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

/** The tag's colour mixed with white, so black text on it stays easy to read. */
function lighten(hex: string): string {
  const channel = (i: number) => {
    const v = parseInt(hex.slice(i, i + 2), 16);
    return Math.round(v + (255 - v) * 0.6)
      .toString(16)
      .padStart(2, '0');
  };
  return `${channel(0)}${channel(2)}${channel(4)}`.toUpperCase();
}
