// Full-text search in the workspace after an import: by email, by tag, by a word only in a note.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { OWN_FIXTURES, launch } from './harness.mjs';

const NOTEBOOK = join(OWN_FIXTURES, 'imports/2026-11-30-search-notebook.json');

describe('workspace search over contacts and notes', () => {
  let b;
  let page;
  before(async () => {
    b = await launch();
    page = await b.extensionPage('options.html');
    await page.setInputFiles('[data-testid="import-file"]', NOTEBOOK);
    await page.click('[data-testid="import-confirm"]');
    const report = page.locator('[data-testid="import-report"]');
    await report.waitFor();
    assert.equal(await report.getAttribute('data-imported'), '3', await report.innerText());
  });
  after(async () => b?.close());

  /** The contact ids the workspace lists for a query, once the list has answered it. */
  async function hits(query, expected) {
    await page.fill('[data-testid="search-input"]', query);
    await page.waitForFunction(
      (want) => {
        const ids = [...document.querySelectorAll('[data-testid="search-result"]')].map((e) => e.getAttribute('data-contact-id'));
        return ids.join(',') === want.join(',');
      },
      expected,
      { timeout: 5000 },
    ).catch(() => undefined);
    return page.$$eval('[data-testid="search-result"]', (rows) => rows.map((r) => r.getAttribute('data-contact-id')));
  }

  test('finds a contact by an email address and by its domain', async () => {
    assert.deepEqual(await hits('anke.sommerfeld@nordlicht.example', ['ct_search-anke']), ['ct_search-anke']);
    assert.deepEqual(await hits('nordlicht.example', ['ct_search-anke']), ['ct_search-anke']);
  });

  test('finds contacts by a tag', async () => {
    assert.deepEqual((await hits('newsletter', ['ct_search-jurgen', 'ct_search-tom'])).sort(), ['ct_search-jurgen', 'ct_search-tom']);
    assert.deepEqual(await hits('messe-2025', ['ct_search-anke']), ['ct_search-anke']);
  });

  test('finds a contact by a word only in one of their notes, with and without umlauts, and shows the line', async () => {
    for (const query of ['Rahmenvertrag', 'rahmen', 'Ölpumpen', 'olpumpen', 'märz verl', 'MARZ']) {
      assert.deepEqual(await hits(query, ['ct_search-jurgen']), ['ct_search-jurgen'], query);
    }
    const line = await page.locator('[data-testid="search-result"] [data-testid="search-note"]').innerText();
    assert.match(line, /Will den Rahmenvertrag für Ölpumpen bis März verlängern\./);
  });

  test('finds by name with and without diacritics; a word in nobody\'s notes finds nobody', async () => {
    assert.deepEqual(await hits('weiss', ['ct_search-jurgen']), ['ct_search-jurgen']);
    assert.deepEqual(await hits('Jürgen Weiß', ['ct_search-jurgen']), ['ct_search-jurgen']);
    assert.deepEqual(await hits('ruckruf', ['ct_search-tom']), ['ct_search-tom']);
    assert.deepEqual(await hits('zeppelin', []), []);
  });
});
