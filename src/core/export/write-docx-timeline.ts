import {
  Bookmark,
  HeadingLevel,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { ReportChart, ReportTimeline } from './report-types';
import {
  TIMELINE_CAPTION,
  TIMELINE_HEADERS,
  TIMELINE_KEY,
  TIMELINE_TITLE,
  timelineAlt,
  timelineCells,
  timelineUndatedNote,
} from './report-timeline';
import { flat } from './report-text';
import { xmlSafe } from './xml-safe';

export const TIMELINE_BOOKMARK = 'timeline';

/** The text width of the document's page (A4 less its margins), in pixels at 96 to the inch. */
const TEXT_WIDTH_PX = 600;
/** The same width in twips, shared out over the table's columns. */
const COLUMN_TWIPS = [1300, 1100, 1500, 3300, 1800];

/**
 * A pledge dossier's timeline in Word: its heading, the chart as a picture (a PNG, which every
 * Word and LibreOffice reads) with its text alternative, a caption, and a table of the marks.
 * Without a PNG (it is drawn on the page, which may fail) the table stands alone, and says so.
 */
export function timelineBlocks(
  timeline: ReportTimeline,
  chart: ReportChart | undefined,
): (Paragraph | Table)[] {
  const blocks: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      children: [new Bookmark({ id: TIMELINE_BOOKMARK, children: [new TextRun(TIMELINE_TITLE)] })],
    }),
  ];
  const png = chart?.png;
  if (chart && png && timeline.rows.length > 0) {
    const scale = Math.min(1, TEXT_WIDTH_PX / chart.width);
    blocks.push(
      new Paragraph({
        keepNext: true,
        children: [
          new ImageRun({
            type: 'png',
            data: png,
            transformation: {
              width: Math.round(chart.width * scale),
              height: Math.round(chart.height * scale),
            },
            altText: {
              name: 'Timeline chart',
              title: TIMELINE_TITLE,
              description: xmlSafe(timelineAlt(timeline)),
            },
          }),
        ],
      }),
      new Paragraph({
        style: 'DossierDetail',
        children: [text(`${TIMELINE_CAPTION} ${TIMELINE_KEY}`)],
      }),
    );
  } else if (timeline.rows.length > 0) {
    blocks.push(
      new Paragraph({
        style: 'DossierDetail',
        children: [
          text(`${TIMELINE_CAPTION} The chart could not be drawn; the table lists its marks.`),
        ],
      }),
    );
  }
  const undated = timelineUndatedNote(timeline);
  if (undated) blocks.push(new Paragraph({ style: 'DossierDetail', children: [text(undated)] }));
  if (timeline.rows.length > 0) {
    const row = (cells: readonly string[], header: boolean) =>
      new TableRow({
        tableHeader: header,
        cantSplit: true,
        children: cells.map(
          (cell, i) =>
            new TableCell({
              width: { size: COLUMN_TWIPS[i] ?? 1000, type: WidthType.DXA },
              children: [
                new Paragraph({ children: [text(flat(cell), header ? { bold: true } : {})] }),
              ],
            }),
        ),
      });
    blocks.push(
      new Table({
        width: { size: COLUMN_TWIPS.reduce((a, b) => a + b, 0), type: WidthType.DXA },
        columnWidths: COLUMN_TWIPS,
        rows: [
          row(TIMELINE_HEADERS, true),
          ...timeline.rows.map((r) => row(timelineCells(r), false)),
        ],
      }),
    );
  }
  return blocks;
}

function text(value: string, options: { bold?: boolean } = {}): TextRun {
  return new TextRun({ text: xmlSafe(value), size: 18, ...options });
}
