import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { ParsedDocumentSchema, type ParsedDocument } from '../model';
import { ingestFile } from './index';

/**
 * Web pages copied or saved as text, as a browser gives them: one line per heading, menu
 * entry or paragraph, paragraphs between blank lines. The pages are fictional, written in the
 * style of real ones, one for each kind of site furniture.
 */
async function dump(name: string): Promise<ParsedDocument> {
  const bytes = readFileSync(new URL(`./fixtures/web-dumps/${name}`, import.meta.url));
  const result = await ingestFile(name, new Uint8Array(bytes));
  if (result.status !== 'ok') throw new Error(`${name}: ${result.status} ${result.reason}`);
  return ParsedDocumentSchema.parse(result.doc);
}

async function parse(text: string, name = 'page.txt'): Promise<ParsedDocument> {
  const result = await ingestFile(name, new TextEncoder().encode(text));
  if (result.status !== 'ok') throw new Error(`${result.status} ${result.reason}`);
  return result.doc;
}

function blockTexts(doc: ParsedDocument): string[] {
  return doc.blocks.map((b) => doc.text.slice(b.start, b.end));
}

describe('plain text from a web page: the headline under the site furniture', () => {
  it('skips accessibility links, navigation and a section name', async () => {
    const doc = await dump('navigation-byline-email.txt');
    expect(doc.title).toBe('Minister Promises New Shelters Before Winter');
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', level: 1 });
    // The furniture above the headline leaves the text; each copied line is a block of its own.
    expect(blockTexts(doc).slice(0, 3)).toEqual([
      'Minister Promises New Shelters Before Winter',
      'By Elin Marchetti',
      '3 March 2015',
    ]);
    expect(doc.text).not.toMatch(/Skip to|Accessibility help|Sign in/);
    expect(doc).toMatchObject({ author: 'Elin Marchetti', date: '2015-03-03' });
  });

  it('passes over a breaking-news banner, a live line and the standfirst under the headline', async () => {
    const doc = await dump('live-banner-standfirst.txt');
    expect(doc.title).toBe('Courts Clear Two Customs Officers of Trafficking Charges');
    expect(blockTexts(doc)[1]).toBe(
      'Judges found negligence but no evidence of payments, in a ruling campaigners called a setback',
    );
    expect(doc.text).not.toContain("Live: Harbour pilots' strike");
    // "Published 18 June 2009" under the headline; share buttons between the paragraphs go.
    expect(doc.date).toBe('2009-06-18');
    expect(doc.text).not.toMatch(/Share this article|Share on Facebook/);
  });

  it('passes over a cookie notice, a notice of another language edition and the menu', async () => {
    const doc = await dump('consent-language-notice.txt');
    expect(doc.title).toBe('Eight Years On, Prosecutors Have Charged No Senior Official');
    expect(doc.text).not.toMatch(/cookies|version française|Donate/);
    expect(doc).toMatchObject({ date: '2016-04-11', language: 'en' });
  });

  it('passes over a list of other stories, and takes a headline repeated by the share buttons once', async () => {
    const doc = await dump('other-stories-list.txt');
    expect(doc.title).toBe('Trafficking Court Figures Finally Published, Twenty Months Late');
    expect(doc.text.startsWith('Trafficking Court Figures Finally Published')).toBe(true);
    expect(doc.text).not.toMatch(/Ferry Fares|Most read/);
    // A section heading inside the article stays a paragraph of it, not the title.
    expect(blockTexts(doc)).toContain('Background');
  });

  it('reads a page in French: its headline, byline, dateline and language', async () => {
    const doc = await dump('french-dateline.txt');
    expect(doc).toMatchObject({
      title: 'Les foyers promis aux victimes de la traite toujours fermés à Korsa',
      author: 'Jeanne Morel',
      date: '2015-03-03',
      language: 'fr',
    });
    expect(doc.text).not.toMatch(/Aller au contenu|S'abonner/);
  });

  it('takes no menu entry for a title when the page shows no headline', async () => {
    const doc = await dump('menu-no-headline.txt');
    expect(doc.title).toBe('menu-no-headline');
    expect(doc.text).toContain('The harbour authority said on Monday');
  });

  it('never takes a label, a link, a byline, a date or a two-word menu entry', async () => {
    const furniture = [
      'Home',
      'News',
      'Politics',
      'Filed to: shelters',
      'By Elin Marchetti',
      'Tuesday, March 3, 2015',
      'https://www.harbourgazette.vd/politics',
      'Sign in',
      'Share on X',
      'Most read',
      'Back to top',
    ].join('\n');
    const body = [
      'The Ministry said on Tuesday that the shelter in Korsa would open in May, a year later than planned, because the contractor had gone bankrupt.',
      'Social workers in the province said they still placed victims of trafficking in hostels and, on some nights, in police cells.',
      'The Harbourlight Rights Network said the delay showed that the programme had never been properly funded.',
    ].join('\n\n');
    const doc = await parse(`${furniture}\n\n${body}\n`, 'korsa-delay.txt');
    expect(doc.title).toBe('korsa-delay');
  });
});

describe('plain text: the source from a byline or a page address', () => {
  it('takes the domain of the reporter’s e-mail on the last lines', async () => {
    expect((await dump('navigation-byline-email.txt')).source).toBe('harbourgazette.vd');
    expect((await dump('french-dateline.txt')).source).toBe('courrier-valdorien.vd');
  });

  it('takes the domain of the page address on the last lines', async () => {
    expect((await dump('live-banner-standfirst.txt')).source).toBe('northwind-ledger.example');
    expect((await dump('consent-language-notice.txt')).source).toBe('harbourlight.example');
  });

  it('takes a byline e-mail under the headline, reduced to the registered domain', async () => {
    const doc = await parse(
      'Ferry Fares to Rise Again\nBy Ilse Varga | newsdesk@mail.harbour-gazette.co.uk\n\nThe ferry company said fares on the Belmire route would rise by a tenth in April.\n',
    );
    expect(doc).toMatchObject({ source: 'harbour-gazette.co.uk', author: 'Ilse Varga' });
  });

  it('ignores addresses at mail providers and social sites', async () => {
    const doc = await parse(
      'Ferry Fares to Rise Again\nBy Ilse Varga (ilse.varga@gmail.com)\n\nThe ferry company said fares on the Belmire route would rise by a tenth in April.\n\nFollow us: https://twitter.com/harbourgazette\n',
    );
    expect(doc.source).toBeNull();
  });

  it('lets a Source header win over any address', async () => {
    const doc = await parse(
      'Ferry Fares to Rise Again\nSource: The Harbour Gazette\n\nThe ferry company said so.\n\nilse.varga@harbourgazette.vd\n',
    );
    expect(doc.source).toBe('The Harbour Gazette');
  });
});

describe('plain text and Markdown: the layouts that already worked', () => {
  it('keeps every sample’s title and source from its first line, header lines or front matter', async () => {
    const dir = new URL('../../../resources/samples/', import.meta.url);
    const names = readdirSync(dir).filter((n) => /\.(txt|md)$/.test(n));
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) {
      const text = readFileSync(new URL(name, dir), 'utf8');
      const field = (key: string): string | undefined =>
        new RegExp(`^${key}:\\s*"?(.*?)"?\\s*$`, 'mi').exec(text)?.[1];
      const title = name.endsWith('.md') ? field('title') : text.split('\n')[0];
      const result = await ingestFile(name, new TextEncoder().encode(text));
      if (result.status !== 'ok') throw new Error(`${name}: ${result.reason}`);
      expect(result.doc.title, name).toBe(title);
      expect(result.doc.source, name).toBe(field('source'));
    }
  });
});
