// Issue 11 in the real browser: every mail with a known contact on screen is logged by itself,
// once per message however often the thread is opened; unknown people and the never-log list get
// nothing; the frequency guard then counts mail nobody saved by hand; switching automatic logging
// off stops it; on LinkedIn nothing is logged by itself, the sidebar offers the one-click save.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixturePath, launch, sidebarFrame, tabIdFor } from './harness.mjs';
import { storedRecords } from '../support/stored-records.mjs';

const THREAD_A = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMvkXqGbsnHKwPjdBlRrCcMx';
const JUERGEN = 'juergen.weiss@weiss-maschinenbau.example';
const MARKUS = 'markus.brandt@weiss-maschinenbau.example';
const PRIYA = 'priya.raghunathan@northwind-logistics.example';
const SOPHIE = 'sophie.laurent@northwind-logistics.example';
const TOMAS = 'tomas.obriain@harbourfreight.example';
// Thread B: Tomás writes, Dana (the account) answers. Variant N gives Dana's answer another message id:
// N different mails from the user to Tomás, each in its own thread view.
const THREAD_B = (n) => `https://mail.google.com/mail/u/0/?state=1&variant=${n}#inbox/FMfcgzQZTVWnbHxpLQjdsGkcRtMpsFzw`;
const DANAS_ANSWER = '1826601137740112358';
const LINKEDIN = 'https://www.linkedin.com/messaging/thread/2-ZDM1YzQ2NWMtNDk1Ny00ZGY4LTkyNGMtYjI2YzA0M2E5MmE1XzAxMA==/';

/** Every contact and interaction as stored, read with bare IndexedDB from an extension page. */
async function stored(ext) {
  const { contacts, interactions } = await storedRecords(ext, ['contacts', 'interactions']);
  return {
    contacts: contacts.map((c) => ({ id: c.id, emails: c.emails })),
    interactions: interactions.map((i) => ({ contactIds: i.contactIds, sourceKey: i.sourceKey, direction: i.direction, auto: i.auto, text: i.text, kind: i.kind })),
  };
}

/**
 * Runs automatic logging for a tab once more and waits for it: runs of one tab follow each other, so
 * the reply also means the run the page's own report started is done. Returns what the run did.
 */
async function settled(ext, tabId) {
  const reply = await ext.evaluate((id) => chrome.runtime.sendMessage({ type: 'autolog/run', tabId: id }), tabId);
  assert.equal(reply?.ok, true, JSON.stringify(reply));
  return reply.result;
}

const items = (frame, attrs = '') => frame.locator(`[data-testid="timeline-item"]${attrs}`);
async function waitCount(frame, attrs, n) {
  await frame.waitForFunction(
    ([a, want]) => document.querySelectorAll(`[data-testid="timeline-item"]${a}`).length === want,
    [attrs, n],
  );
}

describe('automatic logging', () => {
  let b;
  let ext;
  let settings;
  const contactIds = {};
  before(async () => {
    b = await launch();
    b.serve('https://mail.google.com/', 'gmail-thread.html');
    b.serve('https://www.linkedin.com/', 'linkedin-messaging.html');
    ext = await b.extensionPage('options.html#settings');
    settings = ext;
    await settings.locator('[data-testid="settings-logging"]').waitFor();
  });
  after(async () => b?.close());

  const setAutoLog = async (on) => {
    const box = settings.locator('[data-testid="setting-autolog"]');
    if ((await box.isChecked()) !== on) await box.click();
    await settings.waitForFunction((want) => document.querySelector('[data-testid="setting-autolog"]').checked === want, on);
  };

  test('switched off, opening a thread and adding its people logs nothing', async () => {
    await setAutoLog(false);
    const page = await b.context.newPage();
    await page.goto(THREAD_A);
    const frame = await sidebarFrame(page);
    for (const email of [JUERGEN, MARKUS]) {
      const row = frame.locator(`[data-testid="person"][data-email="${email}"]`).first();
      await row.locator('[data-testid="add-contact"]').click();
      await frame.locator(`[data-testid="person"][data-email="${email}"][data-known="true"]`).first().waitFor();
    }
    const tabId = await tabIdFor(ext, THREAD_A);
    assert.equal((await settled(ext, tabId)).skipped, 'off');
    const { contacts, interactions } = await stored(ext);
    assert.equal(contacts.length, 2);
    for (const c of contacts) contactIds[c.emails[0]] = c.id;
    assert.deepEqual(interactions, []);
    await page.close();
  });

  test('a known contact gets each message once, however often the thread is opened; unknown and never-log people get nothing', async () => {
    // Markus (a known contact) and Sophie (unknown) on the never-log list, then automatic logging on.
    await settings.fill('[data-testid="setting-never-log"]', `${MARKUS}\n${SOPHIE}`);
    await settings.click('[data-testid="setting-never-log-save"]');
    await settings.waitForFunction(() => document.querySelector('[data-testid="setting-never-log"]').value.includes('sophie'));
    await setAutoLog(true);

    const page = await b.context.newPage();
    await page.goto(THREAD_A);
    let frame = await sidebarFrame(page);
    await frame.locator('[data-testid="contact-card"]').waitFor();
    assert.equal(await frame.getAttribute('[data-testid="contact-card"]', 'data-contact-id'), contactIds[JUERGEN]);
    const messages = await page.evaluate(() => document.querySelectorAll('[role=list] [data-message-id]').length);
    assert.equal(messages, 3);
    // Logged by itself: nobody pressed "Save this conversation".
    await waitCount(frame, '[data-auto="true"][data-kind="email"][data-channel="email"]', messages);
    assert.deepEqual(
      await items(frame).evaluateAll((els) => els.map((el) => el.dataset.direction)),
      ['inbound', 'inbound', 'inbound'],
    );

    const tabId = await tabIdFor(ext, THREAD_A);
    for (let view = 0; view < 3; view++) {
      await page.reload();
      frame = await sidebarFrame(page);
      await frame.locator(`[data-testid="person"][data-email="${JUERGEN}"][data-known="true"]`).first().waitFor();
      await settled(ext, tabId);
    }
    await waitCount(frame, '', messages);
    assert.equal(await items(frame, '[data-auto="true"]').count(), messages);

    const { contacts, interactions } = await stored(ext);
    assert.equal(interactions.length, messages, 'each message stored once');
    assert.equal(new Set(interactions.map((i) => i.sourceKey)).size, messages);
    for (const i of interactions) {
      // Only Jürgen: Markus is on the never-log list, Priya and Sophie are not contacts.
      assert.deepEqual(i.contactIds, [contactIds[JUERGEN]]);
      assert.equal(i.auto, true);
      assert.equal(i.text, '', 'no message text unless the user keeps it');
    }
    assert.equal(contacts.length, 2, 'nobody was added by logging');
    // Never-log people are not offered as new contacts; other unknown people are.
    const sophie = frame.locator(`[data-testid="person"][data-email="${SOPHIE}"]`).first();
    await sophie.locator('[data-testid="never-log"]').waitFor();
    assert.equal(await sophie.locator('[data-testid="add-contact"]').count(), 0);
    const priya = frame.locator(`[data-testid="person"][data-email="${PRIYA}"]`).first();
    assert.equal(await priya.getAttribute('data-known'), 'false');
    await priya.locator('[data-testid="add-contact"]').waitFor();
    // Markus's own timeline stays empty.
    await frame.locator(`[data-testid="person"][data-email="${MARKUS}"] .person__main`).first().click();
    await frame.waitForFunction((id) => document.querySelector('[data-testid="contact-card"]')?.dataset.contactId === id, contactIds[MARKUS]);
    await frame.locator('.timeline .muted').first().waitFor();
    assert.equal(await items(frame).count(), 0);
    await page.close();
  });

  test('the frequency guard counts mail nobody saved: it warns on the third mail within the agreed window', async () => {
    const html = readFileSync(fixturePath('gmail-thread.html'), 'utf8');
    const page = await b.context.newPage();
    await page.route('https://mail.google.com/**', (route) => {
      const variant = new URL(route.request().url()).searchParams.get('variant') ?? '0';
      return route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'Content-Security-Policy': "script-src 'nonce-fx' 'strict-dynamic'; object-src 'none'" },
        body: html.replaceAll(DANAS_ANSWER, `${DANAS_ANSWER.slice(0, -2)}${variant.padStart(2, '0')}`),
      });
    });
    await page.goto(THREAD_B(1));
    let frame = await sidebarFrame(page);
    const tomas = frame.locator(`[data-testid="person"][data-email="${TOMAS}"]`).first();
    await tomas.locator('[data-testid="add-contact"]').click();
    await frame.locator('[data-testid="contact-card"]', { hasText: 'Tomás' }).waitFor();
    // At most 3 contacts in 10 years: the fixture's mail (March 2025) lies inside that window.
    await frame.click('[data-testid="tab-preferences"]');
    await frame.getByLabel('Maximum number of contacts').fill('3');
    const days = frame.getByLabel('Period in days');
    await days.fill('3650');
    await days.press('Enter');
    await days.blur();
    await frame.click('[data-testid="tab-timeline"]');
    const tabId = await tabIdFor(ext, 'https://mail.google.com/');
    await settled(ext, tabId);
    // His mail and our answer, both logged on adding him.
    await waitCount(frame, '[data-auto="true"]', 2);
    await waitCount(frame, '[data-direction="outbound"]', 1);
    const warnings = () => frame.$$eval('[data-testid="preference-warning"]', (els) => els.map((el) => el.dataset.reason));
    assert.deepEqual(await warnings(), []);

    await page.goto(THREAD_B(2));
    frame = await sidebarFrame(page);
    await settled(ext, tabId);
    await waitCount(frame, '[data-direction="outbound"]', 2);
    assert.deepEqual(await warnings(), []);

    await page.goto(THREAD_B(3));
    frame = await sidebarFrame(page);
    await settled(ext, tabId);
    await waitCount(frame, '[data-direction="outbound"]', 3);
    await frame.locator('[data-testid="preference-warning"][data-reason="frequency"]').waitFor();
    assert.match(await frame.locator('[data-testid="preference-warning"][data-reason="frequency"]').innerText(), /3/);

    // Switched off: a fourth mail on screen is not logged.
    await setAutoLog(false);
    const before = (await stored(ext)).interactions.length;
    await page.goto(THREAD_B(4));
    const again = await sidebarFrame(page);
    await again.locator('[data-testid="contact-card"]', { hasText: 'Tomás' }).waitFor();
    assert.equal((await settled(ext, tabId)).skipped, 'off');
    assert.equal((await stored(ext)).interactions.length, before);
    await waitCount(again, '[data-direction="outbound"]', 3);
    await setAutoLog(true);
    await page.close();
  });

  test('LinkedIn: nothing is logged by itself; the sidebar counts the unsaved messages and saves them in one click', async () => {
    const page = await b.context.newPage();
    await page.goto(LINKEDIN);
    const panel = await b.extensionPage('sidebar.html');
    const tabId = await tabIdFor(panel, 'https://www.linkedin.com/messaging/');
    await panel.goto(`chrome-extension://${b.extensionId}/sidebar.html?tabId=${tabId}`);
    const person = panel.locator('[data-testid="person"][data-role="participant"]').first();
    await person.locator('[data-testid="add-contact"]').click();
    await panel.locator('[data-testid="contact-card"]').waitFor();
    assert.equal((await settled(ext, tabId)).skipped, 'linkedin');
    const unsaved = panel.locator('[data-testid="unsaved-messages"]');
    await unsaved.waitFor();
    const count = Number(await unsaved.getAttribute('data-count'));
    const onScreen = await page.evaluate(() => document.querySelectorAll('li.msg-s-message-list__event').length);
    assert.equal(count, onScreen);
    assert.ok(count >= 3, `messages on screen: ${count}`);
    assert.match(await unsaved.innerText(), new RegExp(`${count} messages on screen are not in the timeline`));
    assert.equal((await stored(ext)).interactions.filter((i) => i.kind === 'message').length, 0);
    await panel.click('[data-testid="unsaved-save"]');
    await panel.locator('[data-testid="unsaved-messages"][data-count="0"]').waitFor();
    await waitCount(panel, '[data-kind="message"][data-channel="linkedin"][data-auto="false"]', count);
    await page.close();
    await panel.close();
  });

  test('no request left the machine from any extension context', () => {
    assert.deepEqual(b.extensionRequests(), []);
  });
});
