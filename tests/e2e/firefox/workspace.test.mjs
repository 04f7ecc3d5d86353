// Firefox: the workspace (options page). Import LinkedIn's Connections.csv through the real file
// input, find a contact by search, export a JSON backup as a real download, and import that backup
// into a second, empty Firefox profile, where every contact is back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OWN_FIXTURES } from '../harness.mjs';
import { downloadedFiles, launch } from './harness.mjs';
import { fill, text } from './ui.mjs';

const LINKEDIN_CSV = join(OWN_FIXTURES, 'imports/linkedin-Connections.csv');

async function importFile(page, file) {
  const input = await page.waitForSelector('[data-testid="import-file"]');
  await input.uploadFile(file);
  // A preview to confirm, or a refusal straight away.
  await page.waitForSelector('[data-testid="import-preview"], [data-testid="import-report"][data-errors]:not([data-errors="0"])');
  if (await page.$('[data-testid="import-preview"]')) await page.click('[data-testid="import-confirm"]');
  const report = await page.waitForSelector('[data-testid="import-report"]');
  return report.evaluate((el) => ({
    imported: Number(el.dataset.imported),
    updated: Number(el.dataset.updated),
    errors: Number(el.dataset.errors),
    text: el.innerText,
  }));
}

async function search(page, query, n) {
  await fill(page, '[data-testid="search-input"]', query);
  // Until the search answers, the list still shows every contact: wait for the expected count.
  await page.waitForFunction((k) => document.querySelectorAll('[data-testid="search-result"]').length === k, {}, n);
}

describe('Firefox: workspace import and export', () => {
  let b;
  let page;
  let downloads;
  let backup;
  const rows = readFileSync(LINKEDIN_CSV, 'utf8').split('\n').filter((l) => /linkedin\.com\/in\//.test(l)).length;
  before(async () => {
    downloads = mkdtempSync(join(tmpdir(), 'rapport-ff-downloads-'));
    b = await launch({ downloads });
    page = await b.extensionPage('options.html');
  });
  after(async () => {
    await b?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  test("LinkedIn's Connections.csv imports every row and is searchable", async () => {
    const report = await importFile(page, LINKEDIN_CSV);
    assert.equal(report.imported, rows, report.text);
    assert.equal(report.errors, 0);
    await search(page, 'krüger maschinen', 1);
    assert.match(await text(page, '[data-testid="search-result"]'), /Jana Krüger/);
  });

  test('importing the same file again creates no duplicates', async () => {
    const report = await importFile(page, LINKEDIN_CSV);
    assert.equal(report.imported, 0, report.text);
  });

  test('JSON export downloads a backup with every contact', async () => {
    await page.select('[data-testid="export-format"]', 'json');
    await page.click('[data-testid="export-run"]');
    const [file] = await downloadedFiles(downloads);
    assert.match(file, /\.json$/);
    backup = readFileSync(file, 'utf8');
    const parsed = JSON.parse(backup);
    assert.equal(parsed.format, 'rapport-backup');
    assert.match(backup, /Jana/);
    assert.match(backup, /Łukasz/);
  });

  test('the backup imports into an empty Firefox profile with every contact', async () => {
    assert.ok(backup, 'the export test ran first');
    const other = await launch();
    try {
      const workspace = await other.extensionPage('options.html');
      const file = join(downloads, 'reimport.json');
      writeFileSync(file, backup);
      const report = await importFile(workspace, file);
      assert.equal(report.errors, 0, report.text);
      assert.equal(report.imported, rows, report.text);
      await search(workspace, 'krüger maschinen', 1);
      assert.match(await text(workspace, '[data-testid="search-result"]'), /Jana Krüger/);
      assert.deepEqual(other.extensionRequests(), []);
      assert.deepEqual(other.extensionErrors(), []);
    } finally {
      await other.close();
    }
  });

  test('no extension script logged an error', () => {
    assert.deepEqual(b.extensionErrors(), []);
  });

  test('no request left the machine from any extension context', () => {
    assert.deepEqual(b.extensionRequests(), []);
    assert.deepEqual(b.strayRequests(), []);
  });
});
