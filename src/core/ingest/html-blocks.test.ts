import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom/worker';
import { describe, expect, it } from 'vitest';
import type { DraftBlock } from './document';
import { htmlBlocks } from './html-blocks';

function blocksOf(html: string): [DraftBlock['kind'], number | undefined, string][] {
  const { document } = parseHTML(`<!DOCTYPE html><html><body>${html}</body></html>`);
  return htmlBlocks(document).map((b) => [b.kind, b.level, b.text.replace(/\s+/g, ' ').trim()]);
}

function textOf(html: string): string {
  return blocksOf(html)
    .map(([, , text]) => text)
    .join('\n');
}

describe('htmlBlocks: structure', () => {
  it('maps headings, paragraphs, list items, quotations and code to block kinds', () => {
    expect(
      blocksOf(`
        <h1>Title</h1><h3>Section <em>three</em></h3>
        <p>First &amp; <strong>second</strong> words.</p>
        <div>Loose text in a div</div>
        <ul><li>One<ul><li>One point one</li></ul>and its tail</li><li>Two</li></ul>
        <ol><li><p>Numbered</p></li></ol>
        <blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote>
        <pre><code>const x = 1;
  return x;</code></pre>`),
    ).toEqual([
      ['heading', 1, 'Title'],
      ['heading', 3, 'Section three'],
      ['paragraph', undefined, 'First & second words.'],
      ['paragraph', undefined, 'Loose text in a div'],
      ['list-item', undefined, 'One'],
      ['list-item', undefined, 'One point one'],
      ['list-item', undefined, 'and its tail'],
      ['list-item', undefined, 'Two'],
      ['list-item', undefined, 'Numbered'],
      ['quote', undefined, 'Quoted one.'],
      ['quote', undefined, 'Quoted two.'],
      ['code', undefined, 'const x = 1; return x;'],
    ]);
  });

  it('keeps everything inside a quotation as quotation', () => {
    expect(blocksOf('<blockquote><h2>Said</h2><ul><li>a point</li></ul></blockquote>')).toEqual([
      ['quote', undefined, 'Said'],
      ['quote', undefined, 'a point'],
    ]);
  });

  it('reads a data table as one paragraph per row, cells joined by " | "', () => {
    expect(
      blocksOf(`<table><caption>Cases by year</caption>
        <thead><tr><th>Year</th><th>Cases</th><th>Note</th></tr></thead>
        <tbody><tr><td>2013</td><td><p>57</p></td><td></td></tr>
        <tr><td></td><td></td><td></td></tr>
        <tr><td>2014</td><td>83</td><td>Two <br>courts</td></tr></tbody></table>`),
    ).toEqual([
      ['paragraph', undefined, 'Cases by year'],
      ['paragraph', undefined, 'Year | Cases | Note'],
      ['paragraph', undefined, '2013 | 57 |'],
      ['paragraph', undefined, '2014 | 83 | Two courts'],
    ]);
  });

  it('reads a layout table (headings or tables in its cells) as ordinary blocks', () => {
    expect(
      blocksOf(`<table><tr><td><h2>Story</h2><p>Body text.</p></td><td><p>Column two.</p></td></tr>
        <tr><td>Single cell row</td></tr></table>`),
    ).toEqual([
      ['heading', 2, 'Story'],
      ['paragraph', undefined, 'Body text.'],
      ['paragraph', undefined, 'Column two.'],
      ['paragraph', undefined, 'Single cell row'],
    ]);
  });

  it('turns <br> into a space and decodes entities', () => {
    expect(
      textOf('<p>Line one<br>line two&nbsp;&eacute;t&eacute; &#8217;&#x2014;&lt;b&gt;</p>'),
    ).toBe('Line one line two été ’—<b>');
  });
});

describe('htmlBlocks: text only', () => {
  it('skips scripts, styles, embeds and form controls', () => {
    const text = textOf(`
      <p>Kept.</p>
      <script>window.__dossierPwned = true</script><style>p{color:red}</style>
      <noscript>Enable JavaScript</noscript><template><p>Template text</p></template>
      <iframe src="https://ads.example/frame">Frame fallback</iframe>
      <object data="x.swf">Object fallback<embed src="y.swf"></object>
      <svg><text>SVG text</text></svg><canvas>Canvas fallback</canvas>
      <p>Name <input value="typed"> <select><option>Option text</option></select>
      <textarea>Textarea text</textarea><button>Button text</button></p>`);
    expect(text).toBe('Kept.\nName');
  });

  it('never reads attribute values: URLs, handlers, alt and title text', () => {
    const text = textOf(`<p><a href="javascript:window.__dossierPwned=true" title="Link title"
      onclick="steal()">Link words</a> <img src="https://pixel.example/p.gif" alt="Alt words"
      onerror="window.__dossierPwned=true"> end.</p>`);
    expect(text).toBe('Link words end.');
  });

  it('skips hidden text', () => {
    expect(
      textOf(`<p>Seen.</p><p hidden>Hidden attr.</p><p aria-hidden="true">Aria hidden.</p>
        <div style="display: none">Display none.</div><span style="visibility:hidden">Invisible.</span>`),
    ).toBe('Seen.');
  });

  it('skips navigation, asides, footers and chrome named by class or id', () => {
    const text = textOf(`
      <header class="site"><nav><a href="/">Home</a></nav><p>Site tagline</p></header>
      <div class="cookie-consent">We use cookies</div><div id="newsletterSignup">Sign up</div>
      <div class="share-tools">Share this</div><div class="ad-slot">Advertisement</div>
      <article><header><h1>Headline</h1><p>By A. Writer</p></header><p>Body.</p>
      <footer>Article footer</footer></article>
      <aside>Related stories</aside><footer>Site footer</footer>`);
    expect(text).toBe('Headline\nBy A. Writer\nBody.');
  });

  it('keeps a header without the headline when the root is already the article', () => {
    const { document } = parseHTML('<div><header><p>Standfirst.</p></header><p>Body.</p></div>');
    expect(htmlBlocks(document).map((b) => b.text)).toEqual(['Body.']);
    expect(htmlBlocks(document, { withinArticle: true }).map((b) => b.text)).toEqual([
      'Standfirst.',
      'Body.',
    ]);
  });

  it('keeps chrome-named wrappers and forms that hold the article itself', () => {
    expect(
      textOf(`<form id="aspnetForm"><div class="menu-wrapper"><main><h1>Kept headline</h1>
        <p>Kept body.</p></main></div></form>`),
    ).toBe('Kept headline\nKept body.');
  });
});

describe('htmlBlocks: whole saved pages, without a reader-mode pass', () => {
  const fixture = (name: string, encoding: string): string =>
    new TextDecoder(encoding).decode(
      readFileSync(new URL(`../../../tests/fixtures/collection/${name}`, import.meta.url)),
    );

  it('reads the Gazette article and none of the page chrome', () => {
    const { document } = parseHTML(fixture('harbour-gazette-shelter-deadline.html', 'utf-8'));
    const blocks = htmlBlocks(document);
    const text = blocks.map((b) => b.text).join('\n');
    expect(blocks[0]).toEqual({
      kind: 'heading',
      level: 1,
      text: 'Valdoria Misses Its Own Shelter Deadline for Trafficking Survivors',
    });
    expect(text).toContain('Only two of the six shelters for survivors of human trafficking');
    expect(text).toContain('Opposition deputy Tomas Ilvane');
    for (const chrome of [
      'We use cookies',
      'Crossword',
      'Advertisement',
      'Related stories',
      'Morning Tide',
      'Contact the newsroom',
      '__dossierPwned',
      'Injected',
      'tracker.example',
    ]) {
      expect(text).not.toContain(chrome);
    }
  });

  it('reads the Courier story and skips its menu, sidebar and footer divs', () => {
    const { document } = parseHTML(fixture('courier-customs-trial.htm', 'windows-1252'));
    const text = htmlBlocks(document)
      .map((b) => b.text)
      .join('\n');
    expect(text).toContain('Customs Officers Go on Trial over Bribes from Traffickers');
    expect(text).toContain('Officer R. M. | Inspector | Bribery');
    for (const chrome of ['Letters to the Editor', 'Most read', 'Harbour toll', 'Copyright']) {
      expect(text).not.toContain(chrome);
    }
  });
});
