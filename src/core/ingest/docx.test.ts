import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ParsedDocumentSchema, type ParsedDocument } from '../model';
import { parseDocxFile } from './docx';
import type { IngestResult } from './result';

const NAME = 'ministry-statement-2015.docx';
const statement = new Uint8Array(
  readFileSync(new URL(`../../../tests/fixtures/collection/${NAME}`, import.meta.url)),
);

function ok(result: IngestResult): ParsedDocument {
  if (result.status !== 'ok')
    throw new Error(`expected ok, got ${result.status}: ${result.reason}`);
  return ParsedDocumentSchema.parse(result.doc);
}

function blockTexts(doc: ParsedDocument): string[] {
  return doc.blocks.map((b) => doc.text.slice(b.start, b.end));
}

/** The fixture with some of its parts replaced (null deletes the part). */
async function edited(parts: Record<string, string | null>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(statement);
  for (const [path, content] of Object.entries(parts)) {
    if (content === null) zip.remove(path);
    else zip.file(path, content);
  }
  return zip.generateAsync({ type: 'uint8array' });
}

describe('parseDocxFile: a statement saved by LibreOffice', () => {
  it('reads title, author, date and language from the document properties', async () => {
    expect(ok(await parseDocxFile(statement, NAME))).toMatchObject({
      format: 'docx',
      title: 'Statement on the National Shelter Network for Survivors of Trafficking',
      author: 'Mirela Tavoni',
      date: '2015-03-11',
      source: null,
      url: null,
      language: 'en',
    });
  });

  it('keeps headings, paragraphs, list items, table rows and the quotation, in order', async () => {
    const doc = ok(await parseDocxFile(statement, NAME));
    expect(blockTexts(doc).join('\n\n')).toBe(doc.text);
    for (const text of blockTexts(doc)) expect(text).toMatch(/^\S(?:.*\S)?$/);
    expect(doc.blocks.map((b) => [b.kind, b.level])).toEqual([
      ['heading', 1],
      ['paragraph', undefined],
      ['paragraph', undefined],
      ['heading', 2],
      ['list-item', undefined],
      ['list-item', undefined],
      ['list-item', undefined],
      ['heading', 2],
      ['paragraph', undefined],
      ['paragraph', undefined],
      ['paragraph', undefined],
      ['paragraph', undefined],
      ['quote', undefined],
      ['paragraph', undefined],
    ]);
    expect(blockTexts(doc)).toEqual([
      'Statement on the National Shelter Network',
      'Ministry of the Interior of Valdoria, 11 March 2015',
      'The Ministry of the Interior today reaffirms its commitment to give every survivor of human trafficking in Valdoria a safe place to stay. Six specialised shelters will open by 31 December 2015, and twelve, one in each province, by the end of 2016.',
      'Commitments for 2015 and 2016',
      'Six shelters with at least 120 beds open by 31 December 2015.',
      'A national referral hotline staffed around the clock from September 2015.',
      'An annual public report on identified victims, shelter places and prosecutions.',
      'Progress to date',
      'Since the 2014 Action Plan was adopted, 41 frontline officers have completed training in victim identification, and shelters in Portsalve and Keradin have received their first residents.',
      'Year | Victims identified | Prosecutions',
      '2013 | 57 | 9',
      '2014 | 83 | 14',
      '“No survivor should be turned away for lack of a bed,” said the Minister of the Interior, Anselm Rovac.',
      'The Ministry will publish its first annual report on the shelter network no later than 31 January 2016.',
    ]);
  });

  it('falls back to the first heading, the modified date and the company when properties lack them', async () => {
    const core =
      (await JSZip.loadAsync(statement).then((z) =>
        z.file('docProps/core.xml')?.async('string'),
      )) ?? '';
    const bytes = await edited({
      'docProps/core.xml': core
        .replace(/<dc:title>[^<]*<\/dc:title>/, '<dc:title></dc:title>')
        .replace(/<dcterms:created[^>]*>[^<]*<\/dcterms:created>/, ''),
      'docProps/app.xml':
        '<?xml version="1.0"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>Ministry of the Interior &amp; Security</Company></Properties>',
    });
    expect(ok(await parseDocxFile(bytes, NAME))).toMatchObject({
      title: 'Statement on the National Shelter Network',
      date: '2015-03-12',
      source: 'Ministry of the Interior & Security',
    });
  });

  it('falls back to the first heading and the date in the text without any properties', async () => {
    const bytes = await edited({ 'docProps/core.xml': null, 'docProps/app.xml': null });
    expect(ok(await parseDocxFile(bytes, 'statement.docx'))).toMatchObject({
      title: 'Statement on the National Shelter Network',
      author: null,
      date: '2015-03-11',
    });
  });

  it('falls back to the file name when there is neither a title nor a heading', async () => {
    const bytes = await edited({
      'docProps/core.xml': null,
      'word/document.xml':
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Only a paragraph.</w:t></w:r></w:p></w:body></w:document>',
    });
    expect(ok(await parseDocxFile(bytes, 'notes/Shelter visit.docx'))).toMatchObject({
      title: 'Shelter visit',
      text: 'Only a paragraph.',
      date: null,
    });
  });
});

describe('parseDocxFile: files that are not Word documents', () => {
  it('reports bytes that are not a zip archive as a damaged Word file', async () => {
    for (const bytes of [
      new TextEncoder().encode('This is plain text with a .docx name.'),
      new TextEncoder().encode('PK\u0003\u0004 not a workbook'),
      statement.slice(0, statement.length / 2),
    ]) {
      const result = await parseDocxFile(bytes, 'broken.docx');
      expect(result.status).toBe('failed');
      expect(result.status === 'failed' && result.reason).toMatch(/^damaged Word file: /);
    }
  });

  it('reports a zip without a Word document body as a damaged Word file', async () => {
    const zip = new JSZip();
    zip.file('notes.txt', 'not a document');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(await parseDocxFile(bytes, 'notes.docx')).toEqual({
      status: 'failed',
      reason: 'damaged Word file: no document body in the archive',
    });
  });

  it('explains an OLE container (encrypted .docx or a renamed .doc)', async () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await parseDocxFile(ole, 'secret.docx')).toEqual({
      status: 'failed',
      reason: 'password-protected, or an old .doc file named .docx',
    });
  });
});
