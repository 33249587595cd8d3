/**
 * The import benchmark's "under load" part: while a large folder imports, an analyst keeps
 * working on the sample collection: searches, tags passages, links them to a pledge and
 * writes notes. Prints the time each search took to answer (p50/p95/max), the time tagging,
 * linking and saving a note took, and checks in IndexedDB that every edit made during the
 * import is stored.
 */
import type { Browser, Page } from '@playwright/test';
import { openDocument, selectInReader } from '../e2e/helpers';
import { storedFacts } from '../e2e/profile';

const SAMPLES = 13;
/** The search box waits this long after the last keystroke before it asks (use-search.ts). */
const TYPING_PAUSE_MS = 150;
const PLEDGE = 'Officials who collude with traffickers will be punished, whatever their rank';
const QUERIES = [
  'shelter',
  'trafficking court',
  'harbour',
  'minister pledge',
  '"shelter programme"',
  'customs officers',
  'prosecuted',
  'audit',
  'tarsk',
  'deadline',
  'convicted',
  'ministry statement',
];

export interface LoadFigures {
  seconds: number;
  summary: string;
  /** Typed query to results on screen, less the typing pause, in ms. */
  searches: number[];
  /** The engine's own time for the same queries, as the results line shows it. */
  engine: number[];
  /** The same queries before the import starts, for comparison on a busy machine. */
  idle: number[];
  tags: number[];
  links: number[];
  notes: number[];
  /** Problems found in the library afterwards; empty when no edit was lost. */
  lost: string[];
}

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search documents' });
const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Annotations' });

/** Passages of six words, ten words apart, from the open document: one to tag per round. */
async function passages(page: Page): Promise<string[]> {
  const text = await page.getByTestId('reader-body').innerText();
  const lines = text.split('\n').filter((l) => l.split(' ').length >= 12);
  const out: string[] = [];
  for (const line of lines) {
    const words = line.split(' ');
    for (let i = 2; i + 6 < words.length; i += 10) {
      const phrase = words.slice(i, i + 6).join(' ');
      if (text.indexOf(phrase) === text.lastIndexOf(phrase)) out.push(phrase);
    }
  }
  return out;
}

/**
 * Types a query into the search box and waits, in the page, until its answer is on screen
 * (not the previous query's). Answers the time from the keystroke, and the engine's time.
 */
async function timedSearch(page: Page, query: string): Promise<[number, number]> {
  return searchBox(page).evaluate(
    (input, q) =>
      new Promise<[number, number]>((resolve) => {
        const panel = () => document.querySelector('section[aria-label="Search results"]');
        const shownBefore = panel() !== null;
        let sawBusy = false;
        const done = () => {
          const section = panel();
          if (!section) return false;
          const busy = section.getAttribute('aria-busy') === 'true';
          sawBusy ||= busy;
          if (busy || (shownBefore && !sawBusy)) return false;
          const line = section.querySelector('[role="status"]')?.textContent ?? '';
          const engine = Number(/found in ([\d.]+) ms/.exec(line)?.[1] ?? 0);
          observer.disconnect();
          clearTimeout(timer);
          resolve([performance.now() - start, engine]);
          return true;
        };
        const observer = new MutationObserver(() => void done());
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          attributeFilter: ['aria-busy'],
        });
        const timer = setTimeout(() => {
          observer.disconnect();
          resolve([Number.NaN, Number.NaN]);
        }, 20_000);
        const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
        setValue?.call(input, q);
        const start = performance.now();
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    query,
  );
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

/** Tags the passage as evidence, links it to the pledge, writes a note; answers the times. */
async function tagLinkAndNote(page: Page, phrase: string, round: number, note: string) {
  const panel = panelOf(page);
  const reader = page.getByRole('article', { name: 'Reader' });
  await selectInReader(page, phrase);
  const tag = await timed(async () => {
    await page.keyboard.press('2');
    await reader.locator('.hl-evidence').nth(round).waitFor();
  });
  const link = await timed(async () => {
    await page.keyboard.press('l');
    const picker = page.getByRole('dialog', { name: 'Link to pledge' });
    await picker.getByLabel('Find a pledge').fill('collude rank');
    await picker.getByRole('button', { name: /Officials who collude/ }).click();
    await panel
      .getByRole('list', { name: 'Linked pledges' })
      .getByText(/Officials who collude/)
      .waitFor();
  });
  const saved = await timed(async () => {
    await page.keyboard.press('n');
    await page.keyboard.type(note);
    await page.keyboard.press('Control+Enter');
    await panel.locator('.note-rendered').getByText(note).waitFor();
  });
  return { tag, link, saved };
}

async function loadSamples(page: Page) {
  await page.getByRole('button', { name: 'Load sample collection', exact: true }).click();
  const summary = page.getByRole('region', { name: 'Import summary' });
  await summary.getByText(`${SAMPLES} files: ${SAMPLES} imported`).waitFor({ timeout: 120_000 });
  await summary.getByRole('button', { name: 'Close import summary' }).click();
}

/** Runs the import of `dir` (`count` files) on top of the samples while working on them. */
export async function importUnderLoad(
  browser: Browser,
  origin: string,
  dir: string,
  count: number,
): Promise<LoadFigures> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  // tsx keeps function names with a helper, __name, that the page lacks in evaluated code.
  await context.addInitScript('globalThis.__name = (f) => f');
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`Page error: ${error.message}`));
  await page.goto(origin);
  await loadSamples(page);
  await openDocument(page, /Justice Minister Vows Crackdown/);
  await selectInReader(page, PLEDGE);
  await page.keyboard.press('1');
  await panelOf(page).getByRole('button', { name: 'Delete annotation' }).waitFor();
  await openDocument(page, /Eight Years After Tarsk/);
  const phrases = await passages(page);
  // The index has loaded and answers once before the import starts; then the same queries
  // are timed with no import running, to tell the import's cost from the machine's load.
  await timedSearch(page, 'trafficking');
  const idle: number[] = [];
  for (const query of [...QUERIES, ...QUERIES]) {
    idle.push((await timedSearch(page, query))[0] - TYPING_PAUSE_MS);
  }
  await searchBox(page).fill('');

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import folder' }).click();
  const start = performance.now();
  await (await chooser).setFiles(dir);
  const summary = page.getByRole('region', { name: 'Import summary' });
  let finishedAt = 0;
  const finished = summary
    .getByText(new RegExp(`^${count} files:`))
    .waitFor({ timeout: 30 * 60_000 })
    .then(() => (finishedAt = performance.now()));
  // A round that fails ends the run with its own error, not this wait's.
  finished.catch(() => undefined);
  const figures: LoadFigures = {
    seconds: 0,
    summary: '',
    searches: [],
    engine: [],
    idle,
    tags: [],
    links: [],
    notes: [],
    lost: [],
  };
  const notes: string[] = [];
  let round = 0;
  while (finishedAt === 0) {
    for (let i = 0; i < 4 && finishedAt === 0; i += 1) {
      const query = QUERIES[(round * 4 + i) % QUERIES.length] ?? 'shelter';
      const [answer, engine] = await timedSearch(page, query);
      figures.searches.push(answer - TYPING_PAUSE_MS);
      figures.engine.push(engine);
    }
    await searchBox(page).fill('');
    const phrase = phrases[round];
    if (phrase === undefined || finishedAt !== 0) continue;
    const note = `Checked during the import, round ${round + 1}`;
    const { tag, link, saved } = await tagLinkAndNote(page, phrase, round, note);
    figures.tags.push(tag);
    figures.links.push(link);
    figures.notes.push(saved);
    notes.push(note);
    round += 1;
  }
  await finished;
  figures.seconds = (finishedAt - start) / 1000;
  figures.summary = await summary.locator('p').first().innerText();

  const facts = await storedFacts(page);
  const expected = { documents: SAMPLES + count, annotations: 1 + round, links: round };
  for (const [what, want] of Object.entries(expected)) {
    const got = facts[what as keyof typeof expected];
    if (got !== want) figures.lost.push(`${what}: ${got} stored, ${want} expected`);
  }
  const stored = new Set(Object.values(facts.notes));
  const missing = notes.filter((n) => !stored.has(n));
  if (missing.length > 0) figures.lost.push(`notes not stored: ${missing.join('; ')}`);
  if (facts.dangling > 0) figures.lost.push(`${facts.dangling} links to a missing annotation`);
  await context.close();
  return figures;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export function printLoad(figures: LoadFigures) {
  const line = (name: string, values: readonly number[], target = '') =>
    console.log(
      `  ${name}: ${values.length}, p50 ${percentile(values, 50).toFixed(0)} ms, ` +
        `p95 ${percentile(values, 95).toFixed(0)} ms, max ${Math.max(...values).toFixed(0)} ms${target}`,
    );
  console.log(`  ${figures.summary} (${figures.seconds.toFixed(1)} s)`);
  const failed = figures.searches.filter((v) => !Number.isFinite(v)).length;
  line(
    `searches answered${failed > 0 ? ` (${failed} unanswered in 20 s)` : ''}`,
    figures.searches,
    ' (target p95 <= 100 ms; from the typing pause to results on screen)',
  );
  line('  of which in the search engine', figures.engine);
  line('the same searches before the import', figures.idle);
  line('tags (key to highlight)', figures.tags);
  line('links (pledge chosen to link shown)', figures.links);
  line('notes (Ctrl+Enter to note shown)', figures.notes);
  console.log(
    figures.lost.length === 0
      ? `  every edit made during the import is stored (${figures.tags.length} tags, links and notes)`
      : `  EDITS LOST: ${figures.lost.join('; ')}`,
  );
}
