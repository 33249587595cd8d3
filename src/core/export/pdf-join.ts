import {
  beginText,
  endText,
  moveText,
  PDFArray,
  PDFContentStream,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFString,
  ParseSpeeds,
  popGraphicsState,
  pushGraphicsState,
  setFillingGrayscaleColor,
  setFontAndSize,
  showText,
  StandardFonts,
  type PDFFont,
  type PDFOperator,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import { PRINT_HEADING_AT, PRINT_LINK_TO, type PrintHeading } from './write-print-html';

/**
 * Joins the PDFs of a report printed in parts (see write-print-html.ts) into the one PDF
 * report: pages in order, numbered "Page N of M" across the whole, each contents entry linked
 * to its heading's page with that page's number written beside it, and an outline
 * (bookmarks) of the headings. Works on the printed parts alone (no DOM, no Node). Parts are
 * added in order as they are printed, so joining overlaps printing; each step is short, and
 * `pause` lets the process it runs in breathe between steps.
 */

export interface JoinOptions {
  /** The report's headings in order (writePrintHtml's). */
  headings: readonly PrintHeading[];
  /** The PDF's title (document properties). */
  title: string;
}

const FOOTER_SIZE = 8;
/** The footer's baseline, in points from the page's bottom edge (inside the 14 mm margin). */
const FOOTER_Y = 22;
const CONTENTS_SIZE = 9;
/** A contents line's page number ends this far from the page's right edge (the 14 mm margin). */
const CONTENTS_RIGHT = 40;

const A = PDFName.of('A');
const ANNOTS = PDFName.of('Annots');
const DEST = PDFName.of('Dest');
const RECT = PDFName.of('Rect');
const URI = PDFName.of('URI');

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

interface Mark {
  page: PDFPage;
  annot: PDFDict;
  uri: string;
  rect: { x: number; y: number; width: number; height: number };
}

interface Place {
  page: PDFPage;
  pageIndex: number;
  /** The heading's top edge, in points from the page's bottom. */
  top: number;
}

/** Text drawn on a page once joined: its number, and the contents' page numbers. */
interface Stamp {
  text: string;
  x: number;
  y: number;
  size: number;
  grey: number;
}

export class PdfJoiner {
  private constructor(
    private readonly doc: PDFDocument,
    private readonly pause: () => Promise<void>,
  ) {}

  static async create(pause: () => Promise<void> = nextTask): Promise<PdfJoiner> {
    return new PdfJoiner(await PDFDocument.create({ updateMetadata: false }), pause);
  }

  /** Adds a printed part's pages after those added before. */
  async add(bytes: Uint8Array): Promise<void> {
    const part = await PDFDocument.load(bytes, {
      parseSpeed: ParseSpeeds.Fast,
      updateMetadata: false,
    });
    const pages = await this.doc.copyPages(part, part.getPageIndices());
    // Appended to one flat page tree: pdf-lib's addPage walks the whole tree each time.
    const tree = this.doc.catalog.Pages();
    const treeRef = this.doc.catalog.get(PDFName.of('Pages')) as PDFRef;
    for (const page of pages) {
      page.node.setParent(treeRef);
      tree.pushLeafNode(page.ref);
    }
    await this.pause();
  }

  /** The joined PDF: links, outline, page numbers and properties added, then saved. */
  async finish(options: JoinOptions): Promise<Uint8Array> {
    const { doc } = this;
    const pages = doc.getPages();
    const indexOf = new Map(pages.map((page, i) => [page, i]));
    const marks = readMarks(doc, pages);
    const places = new Map<string, Place>();
    for (const mark of marks) {
      if (!mark.uri.startsWith(PRINT_HEADING_AT)) continue;
      const id = mark.uri.slice(PRINT_HEADING_AT.length);
      if (places.has(id)) continue;
      const top = mark.rect.y + mark.rect.height;
      places.set(id, { page: mark.page, pageIndex: indexOf.get(mark.page) ?? 0, top });
    }
    await this.pause();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const stamps = new Map<PDFPage, Stamp[]>(pages.map((page) => [page, []]));
    linkContents(doc, marks, places, font, stamps);
    addOutline(doc, options.headings, places);
    pages.forEach((page, i) => {
      const text = `Page ${i + 1} of ${pages.length}`;
      const x = (page.getWidth() - font.widthOfTextAtSize(text, FOOTER_SIZE)) / 2;
      stamps.get(page)?.push({ text, x, y: FOOTER_Y, size: FOOTER_SIZE, grey: 0.33 });
    });
    stampPages(doc, stamps, font);
    await this.pause();
    doc.setTitle(options.title, { showInWindowTitleBar: true });
    doc.setLanguage('en');
    doc.setCreator('Dossier');
    doc.setProducer('Dossier (printed by Chromium, joined with pdf-lib)');
    return doc.save({ useObjectStreams: false, objectsPerTick: 2000 });
  }
}

/** Joins parts already printed; see PdfJoiner. */
export async function joinPrintedParts(
  parts: readonly Uint8Array[],
  options: JoinOptions,
): Promise<Uint8Array> {
  const joiner = await PdfJoiner.create();
  for (const part of parts) await joiner.add(part);
  return joiner.finish(options);
}

/** Every link that carries a mark, read; the heading marks taken off their pages. */
function readMarks(doc: PDFDocument, pages: readonly PDFPage[]): Mark[] {
  const marks: Mark[] = [];
  for (const page of pages) {
    const annots = page.node.lookupMaybe(ANNOTS, PDFArray);
    if (!annots) continue;
    const kept: PDFRef[] = [];
    for (const ref of annots.asArray()) {
      const annot = doc.context.lookup(ref);
      const action = annot instanceof PDFDict ? annot.lookupMaybe(A, PDFDict) : undefined;
      const uri = action?.lookupMaybe(URI, PDFString, PDFHexString)?.decodeText();
      if (annot instanceof PDFDict && uri && isMark(uri)) {
        const rect = annot.lookup(RECT, PDFArray).asRectangle();
        marks.push({ page, annot, uri, rect });
        if (uri.startsWith(PRINT_HEADING_AT)) continue;
      }
      kept.push(ref as PDFRef);
    }
    if (kept.length === annots.size()) continue;
    if (kept.length > 0) page.node.set(ANNOTS, doc.context.obj(kept));
    else page.node.delete(ANNOTS);
  }
  return marks;
}

const isMark = (uri: string) => uri.startsWith(PRINT_HEADING_AT) || uri.startsWith(PRINT_LINK_TO);

const destination = (doc: PDFDocument, place: Place) =>
  doc.context.obj([place.page.ref, 'XYZ', null, place.top + 6, null]);

/**
 * Each contents entry leads to its heading's page, whose number is written at the right of
 * the entry's last line.
 */
function linkContents(
  doc: PDFDocument,
  marks: readonly Mark[],
  places: ReadonlyMap<string, Place>,
  font: PDFFont,
  stamps: Map<PDFPage, Stamp[]>,
) {
  const lastLine = new Map<string, Mark>();
  for (const mark of marks) {
    if (!mark.uri.startsWith(PRINT_LINK_TO)) continue;
    const place = places.get(mark.uri.slice(PRINT_LINK_TO.length));
    mark.annot.delete(A);
    // A heading that did not print (none, with writePrintHtml's parts) leaves an inert link.
    if (!place) continue;
    mark.annot.set(DEST, destination(doc, place));
    const seen = lastLine.get(mark.uri);
    if (!seen || seen.page !== mark.page || seen.rect.y > mark.rect.y) lastLine.set(mark.uri, mark);
  }
  for (const [uri, mark] of lastLine) {
    const place = places.get(uri.slice(PRINT_LINK_TO.length));
    if (!place) continue;
    const text = String(place.pageIndex + 1);
    stamps.get(mark.page)?.push({
      text,
      x: mark.page.getWidth() - CONTENTS_RIGHT - font.widthOfTextAtSize(text, CONTENTS_SIZE),
      y: mark.rect.y + 3.5,
      size: CONTENTS_SIZE,
      grey: 0,
    });
  }
}

/** The outline: the report's title, its sections under it, and their groups under those. */
function addOutline(
  doc: PDFDocument,
  headings: readonly PrintHeading[],
  places: ReadonlyMap<string, Place>,
) {
  const context = doc.context;
  interface Node {
    ref: PDFRef;
    dict: PDFDict;
    level: number;
    children: Node[];
  }
  const root: Node = {
    ref: context.nextRef(),
    dict: context.obj({ Type: 'Outlines' }),
    level: 0,
    children: [],
  };
  const stack: Node[] = [root];
  for (const heading of headings) {
    const place = places.get(heading.id);
    if (!place) continue;
    while ((stack.at(-1)?.level ?? 0) >= heading.level) stack.pop();
    const parent = stack.at(-1) ?? root;
    const dict = context.obj({ Title: PDFHexString.fromText(heading.title), Parent: parent.ref });
    dict.set(DEST, destination(doc, place));
    const node: Node = { ref: context.nextRef(), dict, level: heading.level, children: [] };
    parent.children.push(node);
    stack.push(node);
  }
  // Open at the top (the sections show), closed below (a section's groups fold away).
  const isOpen = (node: Node) => node.level <= 1;
  const link = (node: Node): number => {
    let visible = 0;
    node.children.forEach((child, i) => {
      const prev = node.children[i - 1];
      const next = node.children[i + 1];
      if (prev) child.dict.set(PDFName.of('Prev'), prev.ref);
      if (next) child.dict.set(PDFName.of('Next'), next.ref);
      const below = link(child);
      visible += 1 + (isOpen(child) ? below : 0);
      context.assign(child.ref, child.dict);
    });
    const first = node.children[0];
    const last = node.children.at(-1);
    if (first && last) {
      node.dict.set(PDFName.of('First'), first.ref);
      node.dict.set(PDFName.of('Last'), last.ref);
      node.dict.set(
        PDFName.of('Count'),
        PDFNumber.of(isOpen(node) ? visible : -node.children.length),
      );
    }
    return visible;
  };
  link(root);
  if (root.children.length === 0) return;
  context.assign(root.ref, root.dict);
  doc.catalog.set(PDFName.of('Outlines'), root.ref);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/**
 * Draws each page's stamps after its printed content, which is wrapped in q … Q so the
 * printer's drawing state cannot leak into them. The streams are left uncompressed: they
 * are a few dozen bytes each, and compressing thousands costs more than it saves.
 */
function stampPages(doc: PDFDocument, stamps: Map<PDFPage, Stamp[]>, font: PDFFont) {
  const { context } = doc;
  const save = context.register(PDFContentStream.of(context.obj({}), [pushGraphicsState()], false));
  for (const [page, list] of stamps) {
    if (list.length === 0) continue;
    const name = page.node.newFontDictionary('DossierHelvetica', font.ref);
    const ops: PDFOperator[] = [popGraphicsState()];
    for (const s of list) {
      ops.push(
        beginText(),
        setFillingGrayscaleColor(s.grey),
        setFontAndSize(name, s.size),
        moveText(s.x, s.y),
        showText(font.encodeText(s.text)),
        endText(),
      );
    }
    const end = context.register(PDFContentStream.of(context.obj({}), ops, false));
    page.node.wrapContentStreams(save, end);
  }
}
