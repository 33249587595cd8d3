import { expect, test, type Page } from '@playwright/test';
import { loadSamples, openDocument, selectInReader, showAnnotations } from './helpers';

// Each test is a whole working session over the sample collection: several imports, documents
// and views, longer than the default allows on a busy machine.
test.describe.configure({ timeout: 180_000 });

const PLEDGE = 'Officials who collude with traffickers will be punished, whatever their rank';
const CRITIQUE = 'complicit officials are never prosecuted';
const EVIDENCE = 'three public servants were convicted in connection with trafficking';

async function tagAndLink(page: Page, phrase: string, key: string, relation: string) {
  await selectInReader(page, phrase);
  await page.keyboard.press(key);
  const panel = page.getByRole('complementary', { name: 'Annotations' });
  await expect(panel.getByRole('button', { name: 'Delete annotation' })).toBeVisible();
  // The key and the button do the same.
  if (key === '3') await page.keyboard.press('l');
  else await panel.getByRole('button', { name: 'Link to pledge', exact: true }).click();
  const picker = page.getByRole('dialog', { name: 'Link to pledge' });
  await picker.getByLabel('Find a pledge').fill('collude rank');
  await picker.getByLabel('Relation').selectOption(relation);
  await picker.getByRole('button', { name: /Officials who collude/ }).click();
  await expect(picker).toBeHidden();
  await expect(panel.getByRole('list', { name: 'Linked pledges' })).toContainText(
    new RegExp(`${relation}.*Officials who collude`, 'i'),
  );
}

test('link evidence and critique to a pledge, follow it in the dossier, and assess it', async ({
  page,
}) => {
  await loadSamples(page);
  const panel = page.getByRole('complementary', { name: 'Annotations' });

  await openDocument(page, /Justice Minister Vows Crackdown/);
  await selectInReader(page, PLEDGE);
  await page.keyboard.press('1');
  await panel.getByLabel('Actor').fill('Justice Minister');
  await panel.getByLabel('Actor').press('Enter');
  await expect(panel.getByLabel('Statement date')).toHaveValue('2008-03-14');

  await openDocument(page, /Complicit Officials Are Never Prosecuted/);
  await tagAndLink(page, CRITIQUE, '3', 'contradicts');
  // n puts the cursor in the note; the note is shown rendered from Markdown.
  await page.keyboard.press('n');
  await expect(panel.getByLabel('Note')).toBeFocused();
  await page.keyboard.type('A former **deputy prosecutor** says so.');
  await page.keyboard.press('Control+Enter');
  await expect(panel.locator('.note-rendered strong')).toHaveText('deputy prosecutor');

  await openDocument(page, /Trafficking Court Figures Finally Published/);
  await tagAndLink(page, EVIDENCE, '2', 'supports');

  // The dossier, from the pledge.
  await openDocument(page, /Justice Minister Vows Crackdown/);
  await panel.getByRole('button', { name: /Pledge.*Officials who collude/ }).click();
  await panel.getByLabel('Status').selectOption('broken');
  await panel.getByLabel('Rationale').fill('No senior official convicted by 2015.');
  await panel.getByRole('button', { name: 'Set status' }).click();
  await expect(panel.getByRole('list', { name: 'Status history' })).toContainText(
    'Broken: No senior official convicted by 2015.',
  );
  await panel.getByRole('button', { name: 'Pledge dossier' }).click();
  const dossier = page.getByRole('region', { name: 'Pledge dossier' });
  await expect(dossier).toContainText('Status: Broken');
  const items = dossier.getByRole('list', { name: 'Dossier timeline' }).getByRole('listitem');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('2008-03-14');
  await expect(items.nth(0)).toContainText('Justice Minister');
  await expect(items.nth(1)).toContainText('Contradicts');
  await expect(items.nth(1)).toContainText(CRITIQUE);
  await expect(items.nth(2)).toContainText('Supports');
  await expect(items.nth(2)).toContainText('2015-09-03');
  await expect(dossier.getByRole('list', { name: 'Status history' })).toContainText('Broken');

  // Opening an item goes to its document at the highlight.
  await items.nth(2).getByRole('button', { name: 'Open in document' }).click();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.locator('.hl-selected')).toHaveText(EVIDENCE);

  // Deleting the evidence takes its link; undo brings both back, redo removes both again.
  await page.keyboard.press('Delete');
  await expect(reader.locator('.hl-evidence')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(reader.locator('.hl-evidence')).toHaveText(EVIDENCE);
  await openDocument(page, /Justice Minister Vows Crackdown/);
  await panel.getByRole('button', { name: /Pledge.*Officials who collude/ }).click();
  await panel.getByRole('button', { name: 'Pledge dossier' }).click();
  await expect(items).toHaveCount(3);
  await page.keyboard.press('Control+Shift+z');
  await expect(items).toHaveCount(2);
  await expect(dossier).not.toContainText(EVIDENCE);
  await page.keyboard.press('Control+z');
  await expect(items).toHaveCount(3);
});

test('"All annotations" filters narrow the table, and a row opens its document', async ({
  page,
}) => {
  await loadSamples(page);
  const panel = page.getByRole('complementary', { name: 'Annotations' });
  await openDocument(page, /Justice Minister Vows Crackdown/);
  await selectInReader(page, PLEDGE);
  await page.keyboard.press('1');
  await panel.getByLabel('Actor').fill('Justice Minister');
  await panel.getByLabel('Actor').press('Tab');
  await openDocument(page, /Complicit Officials Are Never Prosecuted/);
  await selectInReader(page, CRITIQUE);
  await page.keyboard.press('3');
  await openDocument(page, /Trafficking Court Figures Finally Published/);
  await selectInReader(page, EVIDENCE);
  await page.keyboard.press('2');
  await page.getByLabel('Note').fill('Only junior officials.');
  await page.getByLabel('Note').press('Control+Enter');

  await showAnnotations(page, 'All annotations');
  const view = page.getByRole('region', { name: 'All annotations' });
  const rows = view.getByRole('row');
  const count = view.getByRole('status');
  await expect(count).toHaveText('3 annotations');
  await expect(rows).toHaveCount(4);

  await view.getByLabel('Tag').selectOption('critique');
  await expect(count).toHaveText('1 of 3 annotations');
  await expect(rows.nth(1)).toContainText(CRITIQUE);
  await view.getByRole('button', { name: 'Clear filters' }).click();

  await view.getByLabel('Actor').fill('justice');
  await expect(count).toHaveText('1 of 3 annotations');
  await view.getByLabel('Actor').fill('');
  await view.getByLabel('From date').fill('2012-01-01');
  await expect(count).toHaveText('2 of 3 annotations');
  await view.getByLabel('To date').fill('2014-12-31');
  await expect(count).toHaveText('1 of 3 annotations');
  await view.getByRole('button', { name: 'Clear filters' }).click();
  await view.getByLabel('Quote or note contains').fill('junior');
  await expect(count).toHaveText('1 of 3 annotations');
  await view.getByLabel('Quote or note contains').fill('');
  await view.getByLabel('Source').fill('Northern Ledger');
  await expect(count).toHaveText('1 of 3 annotations');
  await view.getByRole('button', { name: 'Clear filters' }).click();

  // Sorting by date, newest first.
  await expect(rows.nth(1)).toContainText('2008-03-14');
  await view.getByRole('button', { name: 'Date' }).click();
  await expect(rows.nth(1)).toContainText('2015-09-03');
  await expect(rows.nth(3)).toContainText('2008-03-14');

  await rows
    .nth(3)
    .getByRole('button', { name: /Officials who collude/ })
    .click();
  const reader = page.getByRole('article', { name: 'Reader' });
  await expect(reader.getByRole('heading', { level: 1 })).toContainText('Justice Minister');
  await expect(reader.locator('.hl-selected')).toHaveText(PLEDGE);

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText('Link');
  await page.keyboard.press('Escape');
  await showAnnotations(page, 'Needs review');
  await expect(page.getByRole('region', { name: 'Needs review' })).toContainText(
    'Nothing to review',
  );
});

test('an annotation whose passage is gone is listed under "Needs review" and re-attached', async ({
  page,
}) => {
  await loadSamples(page);
  const original = [
    'Harbour Patrol Logs Show Unopened Containers',
    'Date: 2016-07-02',
    '',
    'Patrol logs show that eleven flagged containers were released without being opened.',
    '',
    'The Ministry of Justice said the logs were being examined.',
  ].join('\n');
  const edited = original.replace(
    'eleven flagged containers were released without being opened',
    'the flagged containers left the port unchecked',
  );
  const file = (text: string) => ({
    name: 'patrol.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(text),
  });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import files' }).click();
  await (await chooser).setFiles([file(original)]);
  await page.getByRole('button', { name: 'Close import summary' }).click();
  await openDocument(page, /Harbour Patrol Logs Show Unopened Containers/);
  await selectInReader(page, 'eleven flagged containers were released without being opened');
  await page.keyboard.press('2');
  const panel = page.getByRole('complementary', { name: 'Annotations' });
  // A note is Markdown, shown rendered; whatever HTML it carries can neither run nor load.
  await panel
    .getByLabel('Note')
    .fill(
      'Released **unopened**.\n<img src="http://tracker.example/x.png" onerror="document.title=\'owned\'"><script>document.title=\'owned\'</script>',
    );
  await panel.getByLabel('Note').press('Control+Enter');
  await expect(panel.locator('.note-rendered strong')).toHaveText('unopened');
  await expect(panel.locator('.note-rendered img, .note-rendered script')).toHaveCount(0);
  expect(await page.title()).not.toBe('owned');

  const version = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import new version…' }).click();
  await (await version).setFiles([file(edited)]);
  await page.getByRole('button', { name: 'Close import summary' }).click();

  await showAnnotations(page, 'Needs review');
  const review = page.getByRole('region', { name: 'Needs review' });
  await expect(review.getByRole('status')).toHaveText('1 to review');
  await expect(review).toContainText('eleven flagged containers were released');
  await expect(review.locator('.note-rendered')).toContainText('Released unopened.');
  await review.getByRole('button', { name: 'Open to re-attach' }).click();

  const reader = page.getByRole('article', { name: 'Reader' });
  await selectInReader(page, 'the flagged containers left the port unchecked');
  await panel.getByRole('button', { name: 'Re-attach here' }).click();
  await expect(reader.locator('.hl-evidence')).toHaveText(
    'the flagged containers left the port unchecked',
  );
  await showAnnotations(page, 'Needs review');
  await expect(review).toContainText('Nothing to review');
  await page.keyboard.press('Control+z');
  await expect(review.getByRole('status')).toHaveText('1 to review');
});
