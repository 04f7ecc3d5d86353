// Import and export in the workspace (options page), with the real file input and download.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OWN_FIXTURES, launch } from './harness.mjs';

const LINKEDIN_CSV = join(OWN_FIXTURES, 'imports/linkedin-Connections.csv');

async function importFile(page, file) {
  await page.setInputFiles('[data-testid="import-file"]', file);
  const preview = page.locator('[data-testid="import-preview"]');
  const refused = page.locator('[data-testid="import-report"][data-errors]:not([data-errors="0"])');
  await Promise.race([preview.waitFor(), refused.waitFor()]);
  if (await preview.count()) {
    await page.click('[data-testid="import-confirm"]');
  }
  const report = page.locator('[data-testid="import-report"]');
  await report.waitFor();
  return {
    imported: Number(await report.getAttribute('data-imported')),
    updated: Number(await report.getAttribute('data-updated')),
    skipped: Number(await report.getAttribute('data-skipped')),
    errors: Number(await report.getAttribute('data-errors')),
    text: await report.innerText(),
  };
}

describe('workspace import and export', () => {
  let b;
  let page;
  before(async () => {
    b = await launch();
    page = await b.extensionPage('options.html');
    await page.locator('[data-testid="import-file"]').waitFor({ state: 'attached' });
  });
  after(async () => b?.close());

  test("LinkedIn's Connections.csv imports with the right fields and is searchable", async () => {
    const rows = readFileSync(LINKEDIN_CSV, 'utf8').split('\n').filter((l) => /linkedin\.com\/in\//.test(l)).length;
    const report = await importFile(page, LINKEDIN_CSV);
    assert.equal(report.imported, rows, report.text);
    assert.equal(report.errors, 0);
    await page.fill('[data-testid="search-input"]', 'krüger maschinen');
    // Until the search answers, the list still shows every contact: wait for the one hit.
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="search-result"]').length === 1);
    assert.match(await page.locator('[data-testid="search-result"]').innerText(), /Jana Krüger/);
  });

  test('importing the same file again creates no duplicates', async () => {
    const report = await importFile(page, LINKEDIN_CSV);
    assert.equal(report.imported, 0, report.text);
  });

  test('a broken file gets a clear message and writes nothing', async () => {
    await page.fill('[data-testid="search-input"]', '');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="search-result"]').length > 1);
    const before = await page.locator('[data-testid="search-result"]').count();
    const report = await importFile(page, {
      name: 'contacts.vcf',
      mimeType: 'text/vcard',
      buffer: Buffer.from('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Half A. Card\r\n'),
    });
    assert.ok(report.errors > 0, report.text);
    assert.match(report.text, /END|line|Zeile/i);
    assert.equal(await page.locator('[data-testid="search-result"]').count(), before);
  });

  test('JSON export downloads a backup with every contact', async () => {
    await page.selectOption('[data-testid="export-format"]', 'json');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-run"]')]);
    const path = await download.path();
    const text = readFileSync(path, 'utf8');
    assert.match(download.suggestedFilename(), /\.json$/);
    assert.match(text, /"format":\s*"rapport-backup"/);
    assert.match(text, /Jana/);
    assert.match(text, /Łukasz/);
  });

  test('vCard export downloads cards', async () => {
    await page.selectOption('[data-testid="export-format"]', 'vcard');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-run"]')]);
    const text = readFileSync(await download.path(), 'utf8');
    assert.match(text, /^BEGIN:VCARD\r\nVERSION:4\.0/);
    assert.ok((text.match(/BEGIN:VCARD/g) ?? []).length >= 4);
  });

  test('no request left the machine from any extension context', () => {
    assert.deepEqual(b.extensionRequests(), []);
  });
});
