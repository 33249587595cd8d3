import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { ParsedDocumentSchema, type ParsedDocument } from '../model';
import { ingestFile, sha256Hex, SUPPORTED_EXTENSIONS, type IngestResult } from './index';

const utf8 = new TextEncoder();

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
}

function ok(result: IngestResult): ParsedDocument {
  if (result.status !== 'ok')
    throw new Error(`expected ok, got ${result.status}: ${result.reason}`);
  return ParsedDocumentSchema.parse(result.doc);
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
  const doc = ok(ingestFile('customs-chief.txt', fixture('headers-hard-wrapped.txt')));

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
  const doc = ok(ingestFile('korsa.txt', fixture('boilerplate-byline.txt')));

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

  it('uses the URL host as source when there is no Source header', () => {
    const text = 'Headline\nURL: https://www.courier.example/a/b\n\nBody text.';
    expect(ok(ingestFile('a.txt', utf8.encode(text))).source).toBe('courier.example');
  });

  it('falls back to the file name for a title, and does not promote a wrapped first line', () => {
    const text = 'the minister said on Tuesday that the new\nunit would start work in May.\n';
    const doc2 = ok(ingestFile('notes/2010 memo.TXT', utf8.encode(text)));
    expect(doc2.title).toBe('2010 memo');
    expect(doc2.blocks).toHaveLength(1);
    expect(doc2.blocks[0]?.kind).toBe('paragraph');
    expect(doc2.text).toBe(
      'the minister said on Tuesday that the new unit would start work in May.',
    );
  });

  it('reads header lines at the very top as headers, not as a title', () => {
    const text = 'Title: Budget Cut for Shelters\nDate: Mar. 3, 2010\n\nThe allocation was halved.';
    const doc2 = ok(ingestFile('cut.txt', utf8.encode(text)));
    expect(doc2.title).toBe('Budget Cut for Shelters');
    expect(doc2.date).toBe('2010-03-03');
    expect(doc2.text).toBe('The allocation was halved.');
  });
});

describe('ingestFile: Markdown', () => {
  const doc = ok(ingestFile('progress.md', fixture('front-matter.md')));

  it('reads front matter into metadata', () => {
    expect(doc).toMatchObject({
      format: 'md',
      title: 'Shelter Programme: A Progress Report',
      source: 'Harbourlight Rights Network',
      date: '2010-01-15',
      author: 'Jonas Ferreira-Kell',
      url: 'https://harbourlight.example/reports/shelters-2009',
      language: null,
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

  it('falls back to the first heading, then the first line, for a title', () => {
    const withHeading = ok(ingestFile('a.md', utf8.encode('Intro line\n\n## The *real* title\n')));
    expect(withHeading.title).toBe('The real title');
    const plain = ok(
      ingestFile('b.markdown', utf8.encode('Notes on **Korsa** visit\nsecond line\n')),
    );
    expect(plain.title).toBe('Notes on Korsa visit');
    expect(plain.text).toBe('Notes on Korsa visit second line');
  });

  it('unquotes front matter values and parses dates written out', () => {
    const md =
      '---\ntitle: "The \\"Tarsk\\" promise"\nPublished: March 3, 2010\nbyline: \'O\'\'Neill\'\n---\nBody.\n';
    expect(ok(ingestFile('q.md', utf8.encode(md)))).toMatchObject({
      title: 'The "Tarsk" promise',
      date: '2010-03-03',
      author: "O'Neill",
      text: 'Body.',
    });
  });

  it('finds a date in the body when the front matter has none', () => {
    const md = '---\ntitle: Visit\n---\nWe visited Korsa on *March 3, 2010*.\n';
    expect(ok(ingestFile('visit.md', utf8.encode(md))).date).toBe('2010-03-03');
  });

  it('drops HTML tags and decodes entities', () => {
    const md =
      'A <span class="x">marked</span> &ldquo;promise&rdquo; &#8212; kept?\n\n<!-- note -->\n';
    const parsed = ok(ingestFile('c.md', utf8.encode(md)));
    expect(parsed.text).toBe('A marked “promise” — kept?');
  });
});

describe('ingestFile: bytes that are not a readable document', () => {
  it('rejects unsupported and missing extensions without naming the file', () => {
    expect(ingestFile('report.PDF', utf8.encode('%PDF-1.7'))).toEqual({
      status: 'unsupported',
      reason: 'unsupported file type .pdf — Dossier imports .txt and .md files',
    });
    expect(ingestFile('README', utf8.encode('hello'))).toEqual({
      status: 'unsupported',
      reason: 'unsupported file type (no extension)',
    });
  });

  it('fails empty and whitespace-only files', () => {
    expect(ingestFile('empty.txt', new Uint8Array())).toEqual({
      status: 'failed',
      reason: 'file is empty',
    });
    expect(ingestFile('blank.md', utf8.encode(' \r\n\t\n'))).toEqual({
      status: 'failed',
      reason: 'file is empty',
    });
  });

  it('calls NUL bytes and control-heavy content binary', () => {
    const withNul = utf8.encode('PK\u0003\u0004\u0000\u0000 looks like a zip');
    expect(ingestFile('archive.txt', withNul)).toEqual({
      status: 'unsupported',
      reason: 'binary content, not text',
    });
    const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(ingestFile('controls.txt', controls).status).toBe('unsupported');
  });

  it('fails invalid UTF-8', () => {
    const latin1 = new Uint8Array([...utf8.encode('Caf'), 0xe9, ...utf8.encode(' society\n')]);
    expect(ingestFile('latin1.txt', latin1)).toEqual({
      status: 'failed',
      reason: 'not valid UTF-8 text',
    });
  });

  it('strips a UTF-8 BOM and reads CRLF line ends', () => {
    const crlf =
      'Headline One\r\nDate: 2010-03-04\r\n\r\nFirst line\r\nsecond line.\r\n\r\nNext.\r\n';
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8.encode(crlf)]);
    const doc = ok(ingestFile('crlf.txt', bytes));
    expectWellFormed(doc);
    expect(doc.title).toBe('Headline One');
    expect(doc.date).toBe('2010-03-04');
    expect(doc.text).toBe('Headline One\n\nFirst line second line.\n\nNext.');
  });

  it('reads UTF-16 with a byte-order mark', () => {
    const text = 'Headline\n\nBody é.';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i += 1) bytes[2 + i * 2] = text.charCodeAt(i);
    expect(ok(ingestFile('utf16.txt', bytes)).text).toBe('Headline\n\nBody é.');
  });

  it('lists what it supports', () => {
    expect(SUPPORTED_EXTENSIONS).toEqual(['.txt', '.md', '.markdown']);
  });
});

describe('ingestFile: the bundled sample collection', () => {
  const dir = new URL('../../../resources/samples/', import.meta.url);

  it('reads every sample, dated as its file name says', () => {
    const names = readdirSync(dir).filter((name) => /\.(txt|md)$/.test(name));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const doc = ok(ingestFile(name, new Uint8Array(readFileSync(new URL(name, dir)))));
      expectWellFormed(doc);
      expect(doc.date, name).toBe(name.slice(0, 10));
      expect(doc.blocks[0]?.kind, name).toBe('heading');
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
