import type { Browser, Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../../tests/launch-chromium';
import { sliceEnd } from './print-html';

/**
 * The web app's print frame in Chromium, where it runs: the report written into the frame in
 * slices must be the document written whole, and the page must get its turn in between.
 */
let browser: Browser | undefined;
let unavailable = '';
let script = '';

beforeAll(async () => {
  // The module as the page gets it, built by Vite into a script that sets `printFrame`.
  const built = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: fileURLToPath(new URL('./print-html.ts', import.meta.url)),
        formats: ['iife'],
        name: 'printFrame',
      },
    },
  });
  const output = Array.isArray(built) ? built[0] : built;
  script = output && 'output' in output ? (output.output[0]?.code ?? '') : '';
  ({ browser, unavailable } = await launchChromium("the print frame's"));
}, 60_000);
afterAll(() => browser?.close());

async function pageWithPrintFrame(): Promise<Page> {
  const page = await browser!.newPage();
  await page.setContent('<!DOCTYPE html><html><body></body></html>');
  await page.addScriptTag({ content: script });
  return page;
}

// Lines, entities, characters outside the BMP, and a line longer than a slice.
const entry = (i: number) =>
  `<p class="item" id="e${i}">Quote ${i} &amp; “more” — 𝒜𝓁𝓅𝒽𝒶 😀 é &lt;b&gt;</p>`;
const REPORT = [
  '<!DOCTYPE html>',
  '<html lang="en"><head><meta charset="utf-8"><title>Report</title>',
  '<style>@media screen{body{display:none}}</style></head><body>',
  ...Array.from({ length: 400 }, (_, i) => entry(i)),
  `<p id="long">${'𝒜 &amp; word '.repeat(300)}</p>`,
  '</body></html>',
].join('\n');

describe('the print frame', () => {
  it('holds the document written in slices exactly as the document written whole', async (context) => {
    if (!browser) return context.skip(unavailable);
    const page = await pageWithPrintFrame();
    try {
      const result = await page.evaluate(async (html) => {
        const { writeInSlices } = (
          window as unknown as {
            printFrame: typeof import('./print-html');
          }
        ).printFrame;
        const frame = document.createElement('iframe');
        frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
        document.body.append(frame);
        // The page's own task: it must run before the writing is done.
        let pageRan = false;
        setTimeout(() => (pageRan = true), 0);
        await writeInSlices(frame.contentDocument!, new TextEncoder().encode(html), {
          budgetMs: 0,
          bytes: 97,
        });
        const whole = new DOMParser().parseFromString(html, 'text/html');
        return {
          pageRan,
          sliced: frame.contentDocument!.documentElement.outerHTML,
          whole: whole.documentElement.outerHTML,
          title: frame.contentDocument!.title,
          entries: frame.contentDocument!.querySelectorAll('p.item').length,
        };
      }, REPORT);
      expect(result.pageRan).toBe(true);
      expect(result.entries).toBe(400);
      expect(result.title).toBe('Report');
      expect(result.sliced).toBe(result.whole);
      expect(result.sliced).toContain('𝒜𝓁𝓅𝒽𝒶 😀');
    } finally {
      await page.close();
    }
  });

  it('prints the whole report from a frame that runs no script, then removes it', async (context) => {
    if (!browser) return context.skip(unavailable);
    const page = await pageWithPrintFrame();
    try {
      const result = await page.evaluate(async (html) => {
        const { printHtml } = (window as unknown as { printFrame: typeof import('./print-html') })
          .printFrame;
        const seen: { entries: number; sandbox: string; scripts: boolean }[] = [];
        new MutationObserver((changes) => {
          for (const node of changes.flatMap((c) => [...c.addedNodes])) {
            if (!(node instanceof HTMLIFrameElement) || !node.contentWindow) continue;
            const view = node.contentWindow;
            view.print = () => {
              seen.push({
                entries: view.document.querySelectorAll('p.item').length,
                sandbox: node.getAttribute('sandbox') ?? '',
                scripts: (view as unknown as { __ran?: boolean }).__ran === true,
              });
            };
          }
        }).observe(document.body, { childList: true });
        const withScript = html.replace('</body>', '<script>window.__ran = true</script></body>');
        const printed = await printHtml(new TextEncoder().encode(withScript));
        await new Promise((resolve) => setTimeout(resolve, 1200));
        return { printed, seen, frames: document.querySelectorAll('iframe').length };
      }, REPORT);
      expect(result.printed).toBe(true);
      expect(result.seen).toEqual([
        { entries: 400, sandbox: 'allow-same-origin allow-modals', scripts: false },
      ]);
      expect(result.frames).toBe(0);
    } finally {
      await page.close();
    }
  });
});

describe('sliceEnd', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it('ends a slice after a line, else after a tag, else where the size says', () => {
    expect(sliceEnd(bytes('ab\ncd\nef'), 0, 7)).toBe(6);
    expect(sliceEnd(bytes('ab\ncd\nef'), 0, 100)).toBe(8);
    expect(sliceEnd(bytes('<a>bcdef'), 0, 6)).toBe(3);
    expect(sliceEnd(bytes('abcdefgh'), 2, 3)).toBe(5);
    expect(sliceEnd(bytes('ab\ncdefgh'), 3, 3)).toBe(6);
  });
});
