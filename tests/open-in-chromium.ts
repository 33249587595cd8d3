import type { Browser } from '@playwright/test';
import { ACTIVE_CONTENT } from './xss-payloads';

/**
 * Opens HTML as a page, with scripts allowed: only the document's own content can stop them.
 * Answers what was requested from elsewhere, the dialogs opened, `window.__pwned`, how many
 * active elements are in the page, its text, and each image's width once decoded (0 when it
 * does not decode).
 */
export async function openInChromium(browser: Browser, html: string) {
  const page = await browser.newPage();
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (r) => {
    if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url());
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.waitForTimeout(100);
    const pwned = await page.evaluate('window.__pwned');
    const active = await page.locator(ACTIVE_CONTENT).count();
    const text = await page.evaluate('document.body.innerText');
    const images = (await page.evaluate(
      'Promise.all([...document.images].map((i) => i.decode().then(() => i.naturalWidth, () => 0)))',
    )) as number[];
    return { requests, dialogs, pwned, active, text: String(text), images };
  } finally {
    await page.close();
  }
}
