import { libraryList, resultItem } from './helpers';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';

const ENCODED = fileURLToPath(new URL('../tests/fixtures/encodings/', import.meta.url));
const SOURCES = fileURLToPath(new URL('../scripts/fixtures/encodings/', import.meta.url));

/** The encoded fixtures, each with the UTF-8 text it must read as and its encoding's name. */
const fixtures = readdirSync(ENCODED).map((name) => {
  const [stem, encoding, ext] = name.split('.') as [string, string, string];
  return {
    name,
    encoding: encoding === 'utf-16' ? 'utf-16le' : encoding,
    bytes: [...readFileSync(`${ENCODED}${name}`)],
    text: readFileSync(`${SOURCES}${stem}.${ext}`, 'utf8'),
  };
});

function summaryRow(page: Page, path: string) {
  return page
    .getByRole('region', { name: 'Import summary' })
    .getByRole('listitem')
    .filter({ hasText: path });
}

test('Chromium decodes every legacy encoding of the fixtures as Node does', async ({ page }) => {
  await page.goto('/');
  const wrong = await page.evaluate(
    (all) =>
      all
        .filter((f) => new TextDecoder(f.encoding).decode(new Uint8Array(f.bytes)) !== f.text)
        .map((f) => f.name),
    fixtures,
  );
  expect(wrong).toEqual([]);
});

test('a folder of files in legacy encodings imports readably, and says how each was read', async ({
  page,
}) => {
  // Tall enough that the library's windowed list shows all 24 documents at once.
  await page.setViewportSize({ width: 1400, height: 2000 });
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import folder' }).click();
  await (await chooser).setFiles(ENCODED);
  const summary = page.getByRole('region', { name: 'Import summary' });
  const count = fixtures.length;
  await expect(summary).toContainText(`${count} files: ${count} imported`, { timeout: 60_000 });

  await expect(summaryRow(page, 'ja-long.shift_jis.txt')).toContainText('read as Shift_JIS');
  await expect(summaryRow(page, 'ko-long.euc-kr.txt')).toContainText('read as EUC-KR');
  await expect(summaryRow(page, 'late-charset-gbk.gbk.html')).toContainText('read as GBK, GB18030');
  // Czech and Polish read as ISO-8859-2 are listed for checking: Windows-1250 came close.
  const guessed = summary.getByRole('list', { name: 'Files read in a guessed encoding' });
  await expect(guessed.getByRole('listitem').filter({ hasText: 'cs-long' })).toContainText(
    'read as ISO-8859-2 (a guess: check the text)',
  );
  await summary.getByRole('button', { name: 'Close import summary' }).click();

  const library = await libraryList(page);
  for (const title of [
    'ヴァルドリア政府、人身取引対策の強化を約束',
    '발도리아 정부, 인신매매 근절 약속',
    'Правительство Вальдории обещает бороться с торговлей людьми',
    'Rząd Valdorii obiecuje walkę z handlem ludźmi',
  ]) {
    await expect(library.getByRole('button', { name: title }).first()).toBeVisible();
  }
  // Big5 text, found by a word of it.
  await page.getByRole('searchbox', { name: 'Search documents' }).fill('庇護所');
  await expect(resultItem(page, /瓦爾多利亞政府承諾打擊人口販賣/)).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search documents' }).fill('');
  await (
    await libraryList(page)
  )
    .getByRole('button', { name: /人身取引対策の強化を約束/ })
    .first()
    .click();
  await expect(page.getByRole('article', { name: 'Reader' })).toContainText(
    '「人身取引は重大な犯罪であり、政府は加害者を必ず処罰する」',
  );
});

test('a short note read in the wrong encoding is re-imported as the right one from the summary', async ({
  page,
}) => {
  await page.goto('/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  // Two words of Russian in Windows-1251: too little for the detector, which keeps Windows-1252.
  const note = Buffer.from([
    ...[0xce, 0xf2, 0xf7, 0xb8, 0xf2], // Отчёт
    0x0a,
    0x0a,
    ...[0xcf, 0xf0, 0xe8, 0xfe, 0xf2, 0x20, 0xe7, 0xe0, 0xea, 0xf0, 0xfb, 0xf2, 0x2e], // Приют закрыт.
    0x0a,
  ]);
  await (await chooser).setFiles({ name: 'tarsk-note.txt', mimeType: 'text/plain', buffer: note });
  const summary = page.getByRole('region', { name: 'Import summary' });
  await expect(summary).toContainText('1 files: 1 imported', { timeout: 30_000 });
  const row = summaryRow(page, 'tarsk-note.txt');
  await expect(row).toContainText('read as Windows-1252 (a guess: check the text)');

  // Keyboard only: open the choice, pick the encoding, re-import.
  await row.getByRole('button', { name: 'Re-import tarsk-note.txt as another encoding' }).focus();
  await page.keyboard.press('Enter');
  const select = row.getByLabel('Encoding of tarsk-note.txt');
  await expect(select).toBeFocused();
  await select.selectOption({ label: 'Cyrillic (Windows-1251)' });
  await row.getByRole('button', { name: 'Re-import', exact: true }).focus();
  await page.keyboard.press('Enter');

  await expect(summary).toContainText('1 files: 1 updated', { timeout: 30_000 });
  await summary.getByRole('button', { name: 'Show details' }).click();
  await expect(summaryRow(page, 'tarsk-note.txt')).toContainText('read as Windows-1251, as chosen');
  await summary.getByRole('button', { name: 'Close import summary' }).click();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Отчёт');
  await expect(reader).toContainText('Приют закрыт.');
  await expect(reader).toContainText('version 2');
  const library = await libraryList(page);
  await expect(library.getByRole('listitem')).toHaveCount(1);
  // The index holds the new text.
  await page.getByRole('searchbox', { name: 'Search documents' }).fill('приют');
  await expect(resultItem(page, /Отчёт/)).toBeVisible();
});
