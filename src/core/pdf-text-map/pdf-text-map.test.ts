import { readFileSync } from 'node:fs';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodePdfEngine } from '../../../tests/pdf-engine';
import { parsePdfFile } from '../ingest/pdf';
import type { ParsedDocument } from '../model';
import { itemSpansOf, mapPageItems, pageOfOffset, textOffsetAt, type PageTextMap } from './index';

interface LoadedPdf {
  doc: ParsedDocument;
  /** The strings of each page's text items, as pdf.js's text layer draws them. */
  items: string[][];
}

async function load(path: string): Promise<LoadedPdf> {
  const bytes = new Uint8Array(readFileSync(new URL(path, import.meta.url)));
  const result = await parsePdfFile(bytes, path, { pdf: nodePdfEngine });
  if (result.status !== 'ok') throw new Error(`${path}: ${result.reason}`);
  const task = pdfjs.getDocument({ data: bytes.slice(), verbosity: 0 });
  const pdf = await task.promise;
  const items: string[][] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent();
    items.push(content.items.flatMap((item) => ('str' in item ? [item.str] : [])));
  }
  await task.destroy();
  return { doc: result.doc, items };
}

function mapsOf({ doc, items }: LoadedPdf): PageTextMap[] {
  return (doc.pages ?? []).map((page, i) => mapPageItems(doc.text, page, items[i] ?? []));
}

/** Every mapped character is that character of the text, and each text offset is used once. */
function expectConsistent({ doc, items }: LoadedPdf, maps: PageTextMap[]): void {
  const seen = new Set<number>();
  maps.forEach((map, p) => {
    map.offsets.forEach((row, i) => {
      const str = items[p]?.[i] ?? '';
      row.forEach((o, j) => {
        if (o < 0) return;
        expect(doc.text.charAt(o)).toBe(str.charAt(j));
        expect(seen.has(o)).toBe(false);
        seen.add(o);
      });
    });
  });
}

/** Characters of a page's text that no item shows (whitespace aside). */
function unmappedText({ doc }: LoadedPdf, maps: PageTextMap[]): string {
  const mapped = new Set(maps.flatMap((m) => m.offsets.flatMap((row) => [...row])));
  let out = '';
  for (const map of maps) {
    for (let o = map.page.start; o < map.page.end; o += 1) {
      if (!mapped.has(o) && !/\s/.test(doc.text.charAt(o))) out += doc.text.charAt(o);
    }
  }
  return out;
}

function shownText(map: PageTextMap, items: readonly string[], start: number, end: number) {
  return itemSpansOf(map, { start, end })
    .map((s) => items[s.item]?.slice(s.from, s.to) ?? '')
    .join(' ');
}

describe('mapPageItems on the sample audit report', () => {
  let pdf: LoadedPdf;
  let maps: PageTextMap[];
  beforeAll(async () => {
    pdf = await load('../../../resources/samples/2014-11-19-shelter-programme-audit.pdf');
    maps = mapsOf(pdf);
  });

  it('maps every character of every page to the item that draws it', () => {
    expect(maps.length).toBeGreaterThan(1);
    expectConsistent(pdf, maps);
    expect(unmappedText(pdf, maps)).toBe('');
  });

  it('leaves the running header and the page numbers, which the text dropped, unmapped', () => {
    const header = 'Inspectorate of Social Protection, Republic of Valdoria';
    pdf.items.forEach((items, p) => {
      const unmapped = items.filter((str, i) => maps[p]?.offsets[i]?.every((o) => o < 0));
      expect(unmapped).toContain(header);
      expect(unmapped).toContain(String(p + 1));
    });
    expect(pdf.doc.text).not.toContain(header);
  });

  it('finds the items that show a sentence of page 2, and maps a selection back', () => {
    const page = pdf.doc.pages?.[1];
    const map = maps[1];
    const items = pdf.items[1] ?? [];
    if (!page || !map) throw new Error('the report has a page 2');
    const pageText = pdf.doc.text.slice(page.start, page.end);
    const sentence = /[A-Z][^.]{40,200}\./.exec(pageText)?.[0] ?? '';
    expect(sentence).not.toBe('');
    const start = page.start + pageText.indexOf(sentence);
    const end = start + sentence.length;
    expect(pageOfOffset(pdf.doc.pages ?? [], start)).toBe(1);
    const spans = itemSpansOf(map, { start, end });
    expect(spans.length).toBeGreaterThan(0);
    expect(shownText(map, items, start, end).replace(/[\s-]+/g, '')).toBe(
      sentence.replace(/[\s-]+/g, ''),
    );
    const first = spans[0];
    const last = spans[spans.length - 1];
    if (!first || !last) throw new Error('spans');
    expect(textOffsetAt(map, first.item, first.from, 'start')).toBe(start);
    expect(textOffsetAt(map, last.item, last.to, 'end')).toBe(end);
  });
});

describe('mapPageItems on the test collection', () => {
  it('maps the audit fixture completely, page by page', async () => {
    const pdf = await load('../../../tests/fixtures/collection/valdoria-shelter-audit-2014.pdf');
    const maps = mapsOf(pdf);
    expectConsistent(pdf, maps);
    expect(unmappedText(pdf, maps)).toBe('');
  });
});

describe('mapPageItems on made-up items', () => {
  const text = 'Heading\n\nThe government promised twenty shelters.\n\nNext page text.';
  const page = { start: 0, end: 51 };

  it('joins a word hyphenated across items and skips a dropped bullet and header', () => {
    const map = mapPageItems(text, page, [
      'Annual report 2014',
      'Heading',
      '• The govern-',
      'ment promised twenty',
      ' ',
      'shelters.',
      '3',
    ]);
    expect([...(map.offsets[0] ?? [])].every((o) => o < 0)).toBe(true);
    expect(map.offsets[2]?.[0]).toBe(-1);
    expect(text.slice(map.offsets[3]?.[0], (map.offsets[3]?.[3] ?? 0) + 1)).toBe('ment');
    expect([...(map.offsets[6] ?? [])]).toEqual([-1]);
    const start = text.indexOf('government');
    expect(itemSpansOf(map, { start, end: start + 10 })).toEqual([
      { item: 2, from: 6, to: 12 },
      { item: 3, from: 0, to: 4 },
    ]);
  });

  it('maps selection ends that fall on unmapped characters to the nearest text', () => {
    const map = mapPageItems(text, page, ['Heading', '• The govern-', 'ment promised']);
    expect(textOffsetAt(map, 1, 0, 'start')).toBe(text.indexOf('The'));
    expect(textOffsetAt(map, 1, 13, 'end')).toBe(text.indexOf('ment'));
    expect(textOffsetAt(map, 2, 99, 'start')).toBeNull();
    expect(textOffsetAt(map, 0, 0, 'end')).toBeNull();
  });
});
