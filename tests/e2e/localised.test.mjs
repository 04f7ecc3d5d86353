// Outlook on the web in German (issue 16): with the browser and the mailbox in German, the compose
// and the reading pane give the same people as the English pages, and the frequency warning shows
// while writing to a contact who was contacted too often. German pages are the dated fixtures
// tests/fixtures/outlook/2026-11-30-*-de.html; the English ones are served on outlook.office365.com.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixturePath, launch, sidebarFrame } from './harness.mjs';
import { logCall, setFrequency } from './sidebar-actions.mjs';

const LENA = 'lena.vogt@harbor-freight.example';
const CONVERSATION = '/mail/inbox/id/AAQkADAwATM0MDAAMS1iNWYwLTg3ZmEtMDACLTAwCgAQAFq1H7m%2B9kGJt3a%2F0cYh8xE%3D';
const EN = 'https://outlook.office365.com';
const DE = 'https://outlook.office.com';

/** The people the sidebar shows, once it is ready: role, address (or name), sorted. */
async function people(page) {
  const frame = await sidebarFrame(page);
  await frame.locator('[data-testid="sidebar"][data-state="ready"]').waitFor();
  await frame.locator('[data-testid="person"]').first().waitFor();
  const list = await frame.$$eval('[data-testid="person"]', (els) =>
    els.map((el) => `${el.dataset.role}:${el.dataset.email || el.dataset.name}`).sort(),
  );
  return { frame, list };
}

const warnings = (frame) => frame.$$eval('[data-testid="preference-warning"]', (els) => els.map((el) => el.dataset.reason).sort());

describe('Outlook in German', () => {
  let b;
  before(async () => {
    b = await launch({ lang: 'de-DE' });
    b.serve(`${EN}/mail/inbox`, 'outlook/2026-11-25-compose.html');
    b.serve(`${EN}/mail/inbox/id/`, 'outlook-reading-pane.html');
    b.serve(`${DE}/mail/inbox`, 'outlook/2026-11-30-compose-de.html');
    b.serve(`${DE}/mail/inbox/id/`, 'outlook/2026-11-30-reading-pane-de.html');
  });
  after(async () => b?.close());

  test('the German compose and reading pane give the same people as the English ones', async () => {
    for (const path of ['/mail/inbox', CONVERSATION]) {
      const english = await b.context.newPage();
      await english.goto(`${EN}${path}`);
      const en = await people(english);
      const german = await b.context.newPage();
      await german.goto(`${DE}${path}`);
      const de = await people(german);
      assert.ok(en.list.length >= 3, `${path}: English shows ${en.list.join(', ')}`);
      assert.deepEqual(de.list, en.list, path);
      await english.close();
      await german.close();
    }
  });

  test('composing in German to a contact contacted too often shows the frequency warning', async () => {
    const page = await b.context.newPage();
    await page.goto(`${DE}/mail/inbox`);
    const { frame } = await people(page);
    const row = frame.locator(`[data-testid="person"][data-email="${LENA}"]`);
    assert.equal(await row.getAttribute('data-role'), 'recipient');
    await row.locator('[data-testid="add-contact"]').click();
    await frame.locator('[data-testid="contact-card"]').waitFor();
    await setFrequency(frame, { maxLabel: 'Höchstzahl der Kontakte', daysLabel: 'Zeitraum in Tagen' }, 2, 14);
    await logCall(frame, 'Telefonat zu den Q1-Frachtraten');
    assert.deepEqual(await warnings(frame), []);
    await logCall(frame, 'Nochmals angerufen wegen Danzig');
    await frame.locator('[data-testid="preference-warning"][data-reason="frequency"]').waitFor();
    // The recipient's row carries the warning too, while the compose is open.
    const flag = row.locator('[data-testid="person-warning"]');
    await flag.waitFor();
    assert.match(await flag.getAttribute('data-reasons'), /frequency/);
    await page.close();
  });

  test('saved messages keep the German page date; a date the page does not give is the time of saving, marked so', async () => {
    const page = await b.context.newPage();
    // The same German pane, but OWA's short form for this week's mail: a weekday and a time, no date.
    const german = readFileSync(fixturePath('outlook/2026-11-30-reading-pane-de.html'), 'utf8');
    const weekdayOnly = german.replace(/(class="AL_OM">)[^<]*/g, '$1Mi 08:47');
    let served = german;
    await page.route(`${DE}/mail/inbox/id/**`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'Content-Security-Policy': "script-src 'nonce-fx' 'strict-dynamic'; object-src 'none'" },
        body: served,
      }),
    );
    /** Adds the sender as a contact, saves the conversation, returns the saved emails' times. */
    const capture = async (email, name) => {
      const { frame } = await people(page);
      const row = frame.locator(`[data-testid="person"][data-email="${email}"]`);
      await row.locator('[data-testid="add-contact"]').click();
      await frame.locator('[data-testid="contact-card"]', { hasText: name }).waitFor();
      await frame.click('[data-testid="capture-conversation"]');
      await frame.locator('[data-testid="capture-status"]').waitFor();
      const emails = frame.locator('[data-testid="timeline-item"][data-kind="email"]');
      await emails.first().waitFor();
      return emails.locator('time').evaluateAll((els) => els.map((el) => ({ at: el.dateTime, source: el.dataset.dateSource ?? '', text: el.textContent })));
    };
    await page.goto(`${DE}${CONVERSATION}`);
    const dated = await capture('juergen.weiss@weiss-maschinenbau.example', 'Jürgen Weiß');
    assert.ok(dated.length >= 1);
    for (const item of dated) {
      assert.equal(item.source, '', JSON.stringify(item));
      assert.ok(new Date(item.at).getFullYear() === 2025, `page date kept: ${item.at}`);
    }
    served = weekdayOnly;
    await page.goto(`${DE}${CONVERSATION}`);
    await page.evaluate(() => window.__nav(1)); // the other conversation (Tomás), not saved yet
    const before = Date.now();
    const undated = await capture('tomas.obriain@harbourfreight.example', 'Tomás Ó Briain');
    assert.ok(undated.length >= 1);
    for (const item of undated) {
      assert.equal(item.source, 'capture', JSON.stringify(item));
      assert.match(item.text, /Zeitpunkt des Speicherns/);
      assert.ok(new Date(item.at).getTime() >= before - 60_000, `time of saving: ${item.at}`);
    }
    await page.close();
  });

  test('no request left the machine from any extension context', () => {
    assert.deepEqual(b.extensionRequests(), []);
  });
});
