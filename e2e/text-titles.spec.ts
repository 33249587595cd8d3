import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { ingestFile } from '../src/core/ingest/index';

/**
 * How often Dossier finds a news page's headline in the page's text alone, as a user gets it
 * by saving or copying the page as text. Real saved pages (the readability-pages corpus in
 * ../shared/corpora, with the title Mozilla's Readability expects of each) are opened in
 * Chromium with scripts off; their visible text (`innerText`) is imported as a .txt file.
 * Only pages whose visible text holds the expected title as a line of its own are counted:
 * on the others the headline shown differs from the page's <title>, and no reading of the
 * text could find it. A title that differs only by a " | Site" suffix counts as right.
 */

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const MIN_SHARE = 0.85;

/** `shared/` beside the checkout (or beside the folder holding it), or $DOSSIER_SHARED_DIR. */
function corpusDir(): string | null {
  const candidates = [
    process.env.DOSSIER_SHARED_DIR,
    join(ROOT, '..', 'shared'),
    join(ROOT, '..', '..', 'shared'),
  ];
  for (const shared of candidates) {
    const dir = shared ? join(shared, 'corpora', 'readability-pages') : null;
    if (dir && existsSync(dir)) return dir;
  }
  return null;
}

/** Case, spacing and curly quotes aside. */
function key(s: string): string {
  return s.normalize('NFC').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();
}

/** The expected title, and without its last " | Site", " - Site", " · Site" part if it has one. */
function accepted(title: string): string[] {
  const withoutSite = /^(.+)\s+(?:\||-|–|—|·|::|_)\s+[^|·]+$/u.exec(title)?.[1];
  return [title, withoutSite].filter((t): t is string => !!t).map(key);
}

test.use({ javaScriptEnabled: false });

test('titles of saved news pages, read from their visible text alone', async ({ page }) => {
  test.setTimeout(300_000);
  const dir = corpusDir();
  if (!dir) console.log('Skipped: the readability-pages corpus (../shared/corpora) is not here.');
  test.skip(!dir, 'the readability-pages corpus (../shared/corpora) is not here');
  if (!dir) return;

  // Nothing a page refers to is fetched: what is shown is what the saved file holds.
  await page.route('**/*', (route) => route.abort());
  let counted = 0;
  let right = 0;
  const wrong: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const source = join(dir, name, 'source.html');
    if (!existsSync(source)) continue;
    const expected = JSON.parse(readFileSync(join(dir, name, 'expected-metadata.json'), 'utf8'))
      .title as string | undefined;
    await page.setContent(readFileSync(source, 'utf8'), { waitUntil: 'domcontentloaded' });
    const text = await page.evaluate(() => document.body?.innerText ?? '');

    const titles = accepted(expected ?? '');
    if (titles.length === 0 || !text.split('\n').some((line) => titles.includes(key(line)))) {
      continue;
    }
    counted += 1;
    const result = await ingestFile(`${name}.txt`, new TextEncoder().encode(text));
    const title = result.status === 'ok' ? result.doc.title : `(${result.status})`;
    if (titles.includes(key(title))) right += 1;
    else wrong.push(`  ${name}: "${title}" (expected "${expected}")`);
  }

  const share = counted === 0 ? 0 : right / counted;
  console.log(
    `Titles right from text alone: ${right} of ${counted} (${Math.round(share * 100)} %)`,
  );
  if (wrong.length > 0) console.log(`Taken wrongly:\n${wrong.join('\n')}`);
  expect(counted).toBeGreaterThanOrEqual(30);
  expect(share).toBeGreaterThanOrEqual(MIN_SHARE);
});
