import { beforeAll, describe, it, expect } from 'vitest';
import { randomBytes } from 'node:crypto';
import { nodePdfEngine } from '../../../tests/pdf-engine';
import { readdirSync, readFileSync } from 'node:fs';
import { ParsedDocumentSchema, type ParsedDocument } from '../model';
import {
  decodeText,
  ingestFile,
  sha256Hex,
  SUPPORTED_EXTENSIONS,
  type IngestResult,
} from './index';

const utf8 = new TextEncoder();

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
}

function ok(result: IngestResult): ParsedDocument {
  if (result.status !== 'ok')
    throw new Error(`expected ok, got ${result.status}: ${result.reason}`);
  return ParsedDocumentSchema.parse(result.doc);
}

/** `text` as UTF-16 bytes, with or without a byte-order mark. */
function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const units = (bom ? '\ufeff' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < units.length; i += 1)
    view.setUint16(i * 2, units.charCodeAt(i), order === 'le');
  return bytes;
}

function blockTexts(doc: ParsedDocument): string[] {
  return doc.blocks.map((b) => doc.text.slice(b.start, b.end));
}

/** The invariants every parsed document keeps, whatever its format. */
function expectWellFormed(doc: ParsedDocument): void {
  expect(doc.title.length).toBeGreaterThan(0);
  expect(blockTexts(doc).join('\n\n')).toBe(doc.text);
  let previousEnd = -2;
  for (const block of doc.blocks) {
    expect(block.start).toBe(previousEnd + 2);
    const text = doc.text.slice(block.start, block.end);
    expect(text).toMatch(/^\S(?:.*\S)?$/);
    expect(text).not.toMatch(/\s{2}|\n/);
    previousEnd = block.end;
  }
}

describe('ingestFile: plain text with header lines', () => {
  let doc: ParsedDocument;
  beforeAll(async () => {
    doc = ok(await ingestFile('customs-chief.txt', fixture('headers-hard-wrapped.txt')));
  });

  it('reads the headline and the header lines into metadata', () => {
    expect(doc).toMatchObject({
      format: 'txt',
      title: 'Customs Chief Resigns Over Tarsk Border Payments',
      source: 'The Harbour Gazette',
      date: '2010-03-04',
      author: 'Elin Marchetti',
      url: 'https://www.harbourgazette.example/2010/03/customs-chief-resigns',
      language: 'en',
    });
  });

  it('keeps the headline as a heading, drops the headers and joins hard-wrapped lines', () => {
    expectWellFormed(doc);
    expect(doc.blocks.map((b) => [b.kind, b.level])).toEqual([
      ['heading', 1],
      ['paragraph', undefined],
      ['paragraph', undefined],
      ['paragraph', undefined],
    ]);
    expect(blockTexts(doc)).toEqual([
      'Customs Chief Resigns Over Tarsk Border Payments',
      'The head of the Valdorian customs service, Aurel Brandt, resigned on Wednesday after the ' +
        'Gazette reported that officers at the Tarsk post had received payments from a haulage ' +
        'company linked to the 2008 lorry deaths.',
      '"I accept responsibility for failures of supervision," Mr Brandt said in a short ' +
        'statement. He did not take questions.',
      "The Public Prosecutor's Office said it had opened an inquiry into the payments, which " +
        'were made between 2007 and 2009.',
    ]);
    expect(doc.text).not.toContain('Source:');
  });
});

describe('ingestFile: plain text without headers', () => {
  let doc: ParsedDocument;
  beforeAll(async () => {
    doc = ok(await ingestFile('korsa.txt', fixture('boilerplate-byline.txt')));
  });

  it('skips site furniture above the headline and finds the date in the body', () => {
    expectWellFormed(doc);
    expect(doc.title).toBe('Shelter in Korsa Still Unbuilt, Social Workers Say');
    expect(doc.date).toBe('2009-11-12');
    expect(doc.url).toBeNull();
    expect(doc.text.startsWith('Shelter in Korsa')).toBe(true);
    expect(doc.text).not.toContain('Advertisement');
  });

  it('takes the author from the byline and the source from its e-mail domain', () => {
    expect(doc.author).toBe('Mirela Dovic');
    expect(doc.source).toBe('valdoria-courier.example');
    expect(blockTexts(doc)[1]).toBe('By Mirela Dovic | mirela.dovic@valdoria-courier.example');
  });

  it('uses the URL host as source when there is no Source header', async () => {
    const text = 'Headline\nURL: https://www.courier.example/a/b\n\nBody text.';
    expect(ok(await ingestFile('a.txt', utf8.encode(text))).source).toBe('courier.example');
  });

  it('falls back to the file name for a title, and does not promote a wrapped first line', async () => {
    const text = 'the minister said on Tuesday that the new\nunit would start work in May.\n';
    const doc2 = ok(await ingestFile('notes/2010 memo.TXT', utf8.encode(text)));
    expect(doc2.title).toBe('2010 memo');
    expect(doc2.blocks).toHaveLength(1);
    expect(doc2.blocks[0]?.kind).toBe('paragraph');
    expect(doc2.text).toBe(
      'the minister said on Tuesday that the new unit would start work in May.',
    );
  });

  it('reads header lines at the very top as headers, not as a title', async () => {
    const text = 'Title: Budget Cut for Shelters\nDate: Mar. 3, 2010\n\nThe allocation was halved.';
    const doc2 = ok(await ingestFile('cut.txt', utf8.encode(text)));
    expect(doc2.title).toBe('Budget Cut for Shelters');
    expect(doc2.date).toBe('2010-03-03');
    expect(doc2.text).toBe('The allocation was halved.');
  });
});

describe('ingestFile: plain text saved from a web page', () => {
  let doc: ParsedDocument;
  beforeAll(async () => {
    doc = ok(await ingestFile('pilots.txt', fixture('saved-web-article.txt')));
  });

  it('skips navigation, the date line and the address above the headline for the title', () => {
    expectWellFormed(doc);
    expect(doc.title).toBe('Harbour Pilots Walk Out Over Night-Shift Cuts');
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
    expect(doc.text.startsWith('Harbour Pilots Walk Out')).toBe(true);
  });

  it('keeps the date and the address from the lines it dropped', () => {
    expect(doc).toMatchObject({
      date: '2015-03-03',
      url: 'https://www.northwind-ledger.example/news/2015/03/03/harbour-pilots-walk-out',
      source: 'northwind-ledger.example',
      author: 'Tomas Ferrand',
      language: 'en', // detected: the file does not say
    });
  });

  it('drops advertising slots and share buttons between paragraphs, and nothing else', () => {
    expect(doc.text).not.toMatch(/Advertisement|Share|Sign in|Subscribe|min read/);
    expect(blockTexts(doc)).toEqual([
      'Harbour Pilots Walk Out Over Night-Shift Cuts',
      'By Tomas Ferrand | tomas.ferrand@northwind-ledger.example',
      'Pilots at the port of Saint-Ivel stopped guiding ships into the harbour on Monday night, ' +
        'two weeks after the port authority cut the night shift from six pilots to three.',
      '"We will not take a tanker through the narrows with half a crew," said Ilse Varga, who ' +
        "chairs the pilots' association. She said the cuts had been announced without consultation.",
      'The port authority said in a statement that the new rota met the 2011 safety code and that ' +
        'it was "disappointed" by the walk-out. A spokesman declined to say how many ships were ' +
        'waiting outside the breakwater.',
    ]);
  });

  it('reads a labelled date line and an address in angle brackets above the headline', async () => {
    const text =
      'Home\nPublished 3 March 2015\n<www.courier.example/a/b>\n\nHeadline Here\n\nBody text.';
    expect(ok(await ingestFile('a.txt', utf8.encode(text)))).toMatchObject({
      title: 'Headline Here',
      date: '2015-03-03',
      url: 'www.courier.example/a/b',
      source: 'courier.example',
      text: 'Headline Here\n\nBody text.',
    });
  });

  it('takes an address standing alone under the headline as the page address', async () => {
    const text =
      'Headline\n\nhttps://www.courier.example/a/b\n\nOn 2015-03-03 the minister said so.';
    expect(ok(await ingestFile('a.txt', utf8.encode(text)))).toMatchObject({
      url: 'https://www.courier.example/a/b',
      source: 'courier.example',
      date: '2015-03-03',
    });
  });

  it('does not take an address cited inside a paragraph as the page address', async () => {
    const text =
      'Headline\n\nThe report, published at\nhttps://un.example/report.pdf\nlast week, says so.';
    expect(ok(await ingestFile('a.txt', utf8.encode(text)))).toMatchObject({
      url: null,
      source: null,
    });
  });

  it('lets header lines win over what the page furniture suggests', async () => {
    const text =
      'March 3, 2015\nhttps://mirror.example/x\nHeadline\nDate: 2015-03-05\nURL: https://www.courier.example/x\n\nBody.';
    expect(ok(await ingestFile('a.txt', utf8.encode(text)))).toMatchObject({
      title: 'Headline',
      date: '2015-03-05',
      source: 'courier.example',
    });
  });
});

describe('ingestFile: Markdown', () => {
  let doc: ParsedDocument;
  beforeAll(async () => {
    doc = ok(await ingestFile('progress.md', fixture('front-matter.md')));
  });

  it('reads front matter into metadata', () => {
    expect(doc).toMatchObject({
      format: 'md',
      title: 'Shelter Programme: A Progress Report',
      source: 'Harbourlight Rights Network',
      date: '2010-01-15',
      author: 'Jonas Ferreira-Kell',
      url: 'https://harbourlight.example/reports/shelters-2009',
      language: 'en', // detected: the front matter does not say
    });
  });

  it('turns structure into blocks and inline markup into plain text', () => {
    expectWellFormed(doc);
    const summary = doc.blocks.map((b) => `${b.kind}${b.level ?? ''}`);
    expect(summary).toEqual([
      'heading1',
      'paragraph',
      'heading2',
      'list-item',
      'list-item',
      'list-item',
      'list-item',
      'list-item',
      'quote',
      'quote',
      'paragraph',
      'paragraph',
      'code',
    ]);
    expect(blockTexts(doc)).toEqual([
      'Shelters for victims of trafficking, one year on',
      'The National Shelter Programme promised a shelter in every province by December 2010. ' +
        'This report checks that promise against what we found on the ground. See the ' +
        "ministry's announcement for the original commitments & deadlines.",
      'What has opened',
      'Port Serein: sixteen beds, opened in February 2009',
      'Belmire: twelve beds, opened in April 2009',
      'staffed by the Sisters of Mercy',
      'interpreters on call only',
      'Korsa: not started',
      '"Every person rescued from trafficking deserves a safe bed, a doctor, a lawyer and time ' +
        'to recover."',
      'Minister Renata Osterby, 22 September 2008',
      'Map of provincial shelters',
      'Run the tally with count --by province and compare:',
      'province beds Port Serein 16',
    ]);
  });

  it('falls back to the first heading, then the first line, for a title', async () => {
    const withHeading = ok(
      await ingestFile('a.md', utf8.encode('Intro line\n\n## The *real* title\n')),
    );
    expect(withHeading.title).toBe('The real title');
    const plain = ok(
      await ingestFile('b.markdown', utf8.encode('Notes on **Korsa** visit\nsecond line\n')),
    );
    expect(plain.title).toBe('Notes on Korsa visit');
    expect(plain.text).toBe('Notes on Korsa visit second line');
  });

  it('unquotes front matter values and parses dates written out', async () => {
    const md =
      '---\ntitle: "The \\"Tarsk\\" promise"\nPublished: March 3, 2010\nbyline: \'O\'\'Neill\'\n---\nBody.\n';
    expect(ok(await ingestFile('q.md', utf8.encode(md)))).toMatchObject({
      title: 'The "Tarsk" promise',
      date: '2010-03-03',
      author: "O'Neill",
      text: 'Body.',
    });
  });

  it('finds a date in the body when the front matter has none', async () => {
    const md = '---\ntitle: Visit\n---\nWe visited Korsa on *March 3, 2010*.\n';
    expect(ok(await ingestFile('visit.md', utf8.encode(md))).date).toBe('2010-03-03');
  });

  it('drops HTML tags and decodes entities', async () => {
    const md =
      'A <span class="x">marked</span> &ldquo;promise&rdquo; &#8212; kept?\n\n<!-- note -->\n';
    const parsed = ok(await ingestFile('c.md', utf8.encode(md)));
    expect(parsed.text).toBe('A marked “promise” — kept?');
  });
});

describe('ingestFile: bytes that are not a readable document', () => {
  it('rejects unsupported and missing extensions without naming the file', async () => {
    expect(await ingestFile('report.RTF', utf8.encode('{\\rtf1 hello}'))).toEqual({
      status: 'unsupported',
      reason: 'unsupported file type .rtf — Dossier imports .txt, .md, .html, .docx and .pdf files',
    });
    expect(await ingestFile('README', utf8.encode('hello'))).toEqual({
      status: 'unsupported',
      reason: 'unsupported file type (no extension)',
    });
  });

  it('fails empty and whitespace-only files', async () => {
    expect(await ingestFile('empty.txt', new Uint8Array())).toEqual({
      status: 'failed',
      reason: 'file is empty',
    });
    expect(await ingestFile('blank.md', utf8.encode(' \r\n\t\n'))).toEqual({
      status: 'failed',
      reason: 'file is empty',
    });
    expect(await ingestFile('bom-only.txt', new Uint8Array([0xef, 0xbb, 0xbf]))).toEqual({
      status: 'failed',
      reason: 'file is empty',
    });
  });

  it('calls NUL bytes and control-heavy content binary', async () => {
    const withNul = utf8.encode('PK\u0003\u0004\u0000\u0000 looks like a zip');
    expect(await ingestFile('archive.txt', withNul)).toEqual({
      status: 'unsupported',
      reason: 'binary content, not text',
    });
    const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect((await ingestFile('controls.txt', controls)).status).toBe('unsupported');
    const oneNul = utf8.encode('AB\u0000C');
    expect(await ingestFile('one-nul.txt', oneNul)).toEqual({
      status: 'unsupported',
      reason: 'binary content, not text',
    });
  });

  it('calls 5 MB of random bytes binary', async () => {
    const noise = new Uint8Array(randomBytes(5 * 1024 * 1024));
    const result = await ingestFile('noise.txt', noise);
    expect(result).toEqual({ status: 'unsupported', reason: 'binary content, not text' });
  });

  it('calls random bytes behind a UTF-16 byte-order mark binary too', async () => {
    for (const bom of [
      [0xff, 0xfe],
      [0xfe, 0xff],
    ]) {
      const bytes = new Uint8Array(randomBytes(64 * 1024));
      bytes.set(bom);
      expect(await ingestFile('noise.txt', bytes)).toEqual({
        status: 'unsupported',
        reason: 'binary content, not text',
      });
    }
  });

  it('reads text that is not UTF-8 as Windows-1252', async () => {
    // One byte per character: the string spells the file's bytes.
    const cp1252 = Uint8Array.from('Caf\xe9 \x93quoted\x94 \x97 \x805\n', (c) => c.charCodeAt(0));
    const doc = ok(await ingestFile('cp1252.txt', cp1252));
    expect(doc.text).toBe('Café “quoted” — €5');
    expect(await decodeText(cp1252)).toMatchObject({ ok: true, encoding: 'windows-1252' });
  });

  it('keeps UTF-8 with a stray byte as UTF-8 rather than garbling every accent', async () => {
    const text = 'Überprüfung der Zusagen für Flüchtlinge in Köln, Münster und Düsseldorf ';
    const bytes = new Uint8Array([...utf8.encode(text), 0xe9, ...utf8.encode('.')]);
    const decoded = await decodeText(bytes);
    expect(decoded).toMatchObject({ ok: true, encoding: 'utf-8' });
    expect(ok(await ingestFile('mostly-utf8.txt', bytes)).text).toBe(`${text.trim()} \ufffd.`);
  });

  it('strips a UTF-8 BOM and reads CRLF line ends', async () => {
    const crlf =
      'Headline One\r\nDate: 2010-03-04\r\n\r\nFirst line\r\nsecond line.\r\n\r\nNext.\r\n';
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8.encode(crlf)]);
    const doc = ok(await ingestFile('crlf.txt', bytes));
    expectWellFormed(doc);
    expect(doc.title).toBe('Headline One');
    expect(doc.date).toBe('2010-03-04');
    expect(doc.text).toBe('Headline One\n\nFirst line second line.\n\nNext.');
    expect(await decodeText(bytes)).toMatchObject({ ok: true, encoding: 'utf-8' });
  });

  it('reads CRLF and lone CR line ends without a BOM', async () => {
    const crlf = 'Headline Two\r\n\r\nFirst line\r\nsecond line.\r\rNext.\r';
    const doc = ok(await ingestFile('crlf.txt', utf8.encode(crlf)));
    expectWellFormed(doc);
    expect(doc.text).toBe('Headline Two\n\nFirst line second line.\n\nNext.');
    expect(doc.text).not.toContain('\r');
  });

  it('reads UTF-16 LE and BE with a byte-order mark', async () => {
    const text = 'Headline\n\nBody é “Ω” 中文.';
    const le = ok(await ingestFile('utf16le.txt', utf16(text, 'le', true)));
    expect(le.text).toBe('Headline\n\nBody é “Ω” 中文.');
    const be = ok(await ingestFile('utf16be.txt', utf16(text, 'be', true)));
    expect(be.text).toBe('Headline\n\nBody é “Ω” 中文.');
    expect(await decodeText(utf16(text, 'be', true))).toMatchObject({ encoding: 'utf-16be' });
  });

  it('recognises UTF-16 without a byte-order mark by its NUL bytes', async () => {
    const text = 'Notes from the Korsa visit\r\n\r\nThe shelter site is still a car park.\r\n';
    const le = ok(await ingestFile('notepad.txt', utf16(text, 'le', false)));
    expect(le.title).toBe('Notes from the Korsa visit');
    expect(le.text).toBe('Notes from the Korsa visit\n\nThe shelter site is still a car park.');
    expect(await decodeText(utf16(text, 'le', false))).toMatchObject({ encoding: 'utf-16le' });
    expect(await decodeText(utf16(text, 'be', false))).toMatchObject({
      ok: true,
      text,
      encoding: 'utf-16be',
    });
  });

  it('lists what it supports', () => {
    expect(SUPPORTED_EXTENSIONS).toEqual([
      '.txt',
      '.md',
      '.markdown',
      '.html',
      '.htm',
      '.docx',
      '.pdf',
    ]);
  });
});

describe('ingestFile: the bundled sample collection', () => {
  const dir = new URL('../../../resources/samples/', import.meta.url);

  it('reads every sample, of every format, dated as its file name says', async () => {
    const names = readdirSync(dir);
    expect(new Set(names.map((n) => n.split('.').pop()))).toEqual(
      new Set(['txt', 'md', 'pdf', 'html', 'docx']),
    );
    for (const name of names) {
      const bytes = new Uint8Array(readFileSync(new URL(name, dir)));
      const doc = ok(await ingestFile(name, bytes, { pdf: nodePdfEngine }));
      expectWellFormed(doc);
      expect(doc.date, name).toBe(name.slice(0, 10));
      if (/\.(txt|md)$/.test(name)) expect(doc.blocks[0]?.kind, name).toBe('heading');
    }
  });
});

describe('sha256Hex', () => {
  it('hashes bytes to lowercase hex', async () => {
    expect(await sha256Hex(utf8.encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(await sha256Hex(new Uint8Array())).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
});
