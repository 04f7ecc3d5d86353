// With the browser in German, the sidebar and the workspace show no English UI string.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR, artifactPath, launch, sidebarFrame } from './harness.mjs';

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMvkXqGbsnHKwPjdBlRrCcMx';

/** English fragments (4+ letters) of every message whose German text differs. */
function englishOnly() {
  const read = (lang) => JSON.parse(readFileSync(join(EXTENSION_DIR, `_locales/${lang}/messages.json`), 'utf8'));
  const en = read('en');
  const de = read('de');
  const fragments = new Set();
  for (const [key, { message }] of Object.entries(en)) {
    if (key.startsWith('ext') || de[key]?.message === message) continue;
    for (const part of message.split(/\$[A-Z0-9_]+\$/)) {
      const trimmed = part.trim();
      if (/[A-Za-z]{4,}/.test(trimmed) && !Object.values(de).some((d) => d.message.includes(trimmed))) fragments.add(trimmed);
    }
  }
  return [...fragments];
}

/** Visible text of a page or frame with every tab panel opened in turn. */
async function allVisibleText(target) {
  const texts = [await target.evaluate(() => document.body.innerText)];
  const tabs = target.locator('[role="tab"]');
  for (let i = 0; i < (await tabs.count()); i++) {
    await tabs.nth(i).click();
    texts.push(await target.evaluate(() => document.body.innerText));
    texts.push(
      await target.evaluate(() =>
        [...document.querySelectorAll('[aria-label],[title],[placeholder]')]
          .map((el) => [el.getAttribute('aria-label'), el.getAttribute('title'), el.getAttribute('placeholder')].join('\n'))
          .join('\n'),
      ),
    );
  }
  return texts.join('\n');
}

describe('German UI', () => {
  let b;
  before(async () => {
    b = await launch({ lang: 'de-DE' });
    b.serve('https://mail.google.com/', 'gmail-thread.html');
  });
  after(async () => b?.close());

  test('the sidebar shows no English UI string', async () => {
    const fragments = englishOnly();
    assert.ok(fragments.length > 30, `only ${fragments.length} English fragments to look for`);
    const page = await b.context.newPage();
    await page.goto(GMAIL);
    const frame = await sidebarFrame(page);
    const before = await frame.evaluate(() => document.body.innerText);
    assert.match(before, /Auf dem Bildschirm/i);
    await frame.locator('[data-testid="person"][data-role="sender"] [data-testid="add-contact"]').first().click();
    await frame.locator('[data-testid="contact-card"]').waitFor();
    await frame.fill('[data-testid="note-input"]', 'Rückruf vereinbart');
    await frame.click('[data-testid="note-save"]');
    await frame.locator('[data-testid="timeline-item"]').first().waitFor();
    const text = await allVisibleText(frame);
    const found = fragments.filter((f) => text.includes(f));
    await page.screenshot({ path: artifactPath('sidebar-gmail-de.png') });
    assert.deepEqual(found, []);
    await page.close();
  });

  test('the workspace shows no English UI string', async () => {
    const fragments = englishOnly();
    const options = await b.extensionPage('options.html');
    await options.locator('[data-testid="search-input"]').waitFor();
    const text = await allVisibleText(options);
    assert.deepEqual(fragments.filter((f) => text.includes(f)), []);
    await options.close();
  });
});
