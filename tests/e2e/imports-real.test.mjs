// Real files through the real file input (issue 12): a LinkedIn 2024 export with bad fields and
// malformed rows, and legacy encodings that only the browser's TextDecoder reads (Shift_JIS, GBK).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { OWN_FIXTURES, launch } from './harness.mjs';

const fixture = (name) => join(OWN_FIXTURES, 'imports', `2026-11-30-${name}`);

async function counts(locator, names) {
  const out = {};
  for (const name of names) out[name] = Number(await locator.getAttribute(`data-${name}`));
  return out;
}

async function preview(page, file) {
  await page.setInputFiles('[data-testid="import-file"]', file);
  const shown = page.locator('[data-testid="import-preview"]');
  await shown.waitFor();
  return { shown, counts: await counts(shown, ['new', 'matched', 'duplicate', 'invalid', 'fields']) };
}

async function confirm(page) {
  await page.click('[data-testid="import-confirm"]');
  const report = page.locator('[data-testid="import-report"]');
  await report.waitFor();
  return { report, counts: await counts(report, ['imported', 'updated', 'duplicates', 'invalid', 'fields', 'skipped', 'errors']), text: await report.innerText() };
}

describe('importing what users actually have', () => {
  let b;
  let page;
  before(async () => {
    b = await launch();
    page = await b.extensionPage('options.html');
    await page.locator('[data-testid="import-file"]').waitFor({ state: 'attached' });
  });
  after(async () => b?.close());

  test('LinkedIn 2024 export: bad fields dropped, malformed rows invalid with their lines, the report says what the preview said', async () => {
    const { shown, counts: before } = await preview(page, fixture('linkedin-2024-Connections.csv'));
    assert.deepEqual(before, { new: 6, matched: 0, duplicate: 0, invalid: 2, fields: 4 });
    const invalid = await shown.locator('[data-testid="import-left-out"][data-outcome="invalid"] li').allTextContents();
    assert.equal(invalid.length, 2);
    assert.match(invalid[0], /^Line 10: a field opens with a quote and goes on after it closes/);
    assert.match(invalid[1], /^Line 11: 9 cells but the header has 7 columns/);

    const { report, counts: after, text } = await confirm(page);
    assert.deepEqual(after, { imported: 6, updated: 0, duplicates: 0, invalid: 2, fields: 4, skipped: 2, errors: 0 }, text);
    assert.match(text, /6 new, 0 updated; skipped: 0 duplicates and 2 invalid rows/);

    const [download] = await Promise.all([page.waitForEvent('download'), report.locator('[data-testid="import-left-out-download"]').click()]);
    assert.match(download.suggestedFilename(), /^rapport-import-left-out-\d{4}-\d{2}-\d{2}\.csv$/);

    await page.fill('[data-testid="search-input"]', 'siobhán');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="search-result"]').length === 1);
    assert.match(await page.locator('[data-testid="search-result"]').innerText(), /Siobhán O’Connor/);
  });

  test('Shift_JIS vCard and GBK Outlook CSV: names as the sender wrote them', async () => {
    const vcf = await preview(page, fixture('feature-phone-shift-jis.vcf'));
    assert.deepEqual(vcf.counts, { new: 2, matched: 0, duplicate: 0, invalid: 0, fields: 0 });
    assert.equal((await confirm(page)).counts.imported, 2);
    const csv = await preview(page, fixture('outlook-zh-gbk.csv'));
    assert.equal(csv.counts.new, 2);
    assert.match(await csv.shown.innerText(), /GB18030/);
    assert.equal((await confirm(page)).counts.imported, 2);
    for (const [query, name] of [['山田', '山田太郎'], ['王伟', '王伟']]) {
      await page.fill('[data-testid="search-input"]', query);
      await page.waitForFunction((n) => [...document.querySelectorAll('[data-testid="search-result"]')].some((r) => r.textContent.includes(n)), name);
    }
  });

  test('no request left the machine', () => {
    assert.deepEqual(b.extensionRequests(), []);
  });
});
