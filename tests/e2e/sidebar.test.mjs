// The sidebar in context: add a contact from the page, write a note, reload, find both; save a
// conversation twice and store each message once; the same on LinkedIn in the side-panel page.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { artifactPath, launch, sidebarFrame, tabIdFor } from './harness.mjs';

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMvkXqGbsnHKwPjdBlRrCcMx';
const LINKEDIN = 'https://www.linkedin.com/in/amara-okafor-9b2a41/';

async function expandAll(page) {
  // Collapsed messages carry only a snippet; open them all as a reader would before saving.
  await page.evaluate(async () => {
    const n = document.querySelectorAll('[role=list] > .kv, [role=list] > .h7').length;
    for (let i = 0; i < n; i++) window.__fixture.expand?.(i);
  });
}

describe('sidebar in context', () => {
  let b;
  before(async () => {
    b = await launch();
    b.serve('https://mail.google.com/', 'gmail-thread.html');
    b.serve('https://www.linkedin.com/in/', 'linkedin-profile.html');
  });
  after(async () => b?.close());

  test('Gmail: add the sender, write a note, reload: contact and note are there', async () => {
    const page = await b.context.newPage();
    await page.goto(GMAIL);
    let frame = await sidebarFrame(page);
    const sender = frame.locator('[data-testid="person"][data-role="sender"]').first();
    await sender.waitFor();
    const email = await sender.getAttribute('data-email');
    assert.equal(await sender.getAttribute('data-known'), 'false');
    await sender.locator('[data-testid="add-contact"]').click();
    await frame.locator(`[data-testid="person"][data-email="${email}"][data-known="true"]`).first().waitFor();
    const card = frame.locator('[data-testid="contact-card"]');
    await card.waitFor();
    const contactId = await card.getAttribute('data-contact-id');
    await frame.fill('[data-testid="note-input"]', 'Called about Q3 pricing — wants delivery slots by Friday 🚚');
    await frame.click('[data-testid="note-save"]');
    await frame.locator('[data-testid="timeline-item"][data-kind="note"]').first().waitFor();
    await page.screenshot({ path: artifactPath('sidebar-gmail.png') });

    await page.reload();
    frame = await sidebarFrame(page);
    await frame.locator(`[data-testid="person"][data-email="${email}"][data-known="true"]`).first().waitFor();
    assert.equal(await frame.getAttribute('[data-testid="contact-card"]', 'data-contact-id'), contactId);
    const note = frame.locator('[data-testid="timeline-item"][data-kind="note"]');
    await note.first().waitFor();
    assert.equal(await note.count(), 1);
    assert.match(await note.innerText(), /Q3 pricing — wants delivery slots by Friday 🚚/);
    assert.match(await frame.locator('[data-testid="last-contact"]').innerText(), /\S/);
    await page.close();
  });

  test("a known contact's card comes with its tabs and timeline in one update, no placeholder between", async () => {
    // Records, in the sidebar page, what each DOM update showed (the app commits in one go).
    await b.context.addInitScript(() => {
      if (location.protocol !== 'chrome-extension:' || !location.pathname.endsWith('/sidebar.html')) return;
      const updates = (globalThis.__updates = []);
      new MutationObserver(() => {
        const has = (id) => document.querySelector(`[data-testid="${id}"]`) !== null;
        if (!has('contact-card')) return;
        updates.push({ tabs: has('tab-timeline'), timeline: has('note-input') && has('filter-channel'), text: document.body.innerText });
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await b.context.newPage();
    await page.goto(GMAIL);
    const frame = await sidebarFrame(page);
    // Known since the first test.
    await frame.locator('[data-testid="timeline-item"][data-kind="note"]').first().waitFor();
    const updates = await frame.evaluate(() => globalThis.__updates);
    assert.ok(updates.length > 0);
    assert.deepEqual({ tabs: updates[0].tabs, timeline: updates[0].timeline }, { tabs: true, timeline: true }, 'the first update with the card has its tabs and timeline');
    assert.ok(!updates.some((u) => /\bLoading\b/.test(u.text)), 'no loading placeholder once the card is shown');
    await page.close();
  });

  test('saving a conversation twice stores each message once', async () => {
    const page = await b.context.newPage();
    await page.goto(GMAIL);
    await expandAll(page);
    const frame = await sidebarFrame(page);
    await frame.locator('[data-testid="contact-card"]').waitFor();
    const messages = await page.evaluate(() => document.querySelectorAll('[role=list] [data-message-id]').length);
    assert.ok(messages >= 2, `messages on screen: ${messages}`);
    await frame.click('[data-testid="capture-conversation"]');
    await frame.locator('[data-testid="capture-status"]').waitFor();
    const emails = frame.locator('[data-testid="timeline-item"][data-kind="email"]');
    await emails.first().waitFor();
    const first = await emails.count();
    assert.equal(first, messages);
    await frame.click('[data-testid="capture-conversation"]');
    await frame.waitForFunction(() => /0 saved|0 gespeichert/.test(document.querySelector('[data-testid="capture-status"]').textContent));
    assert.equal(await emails.count(), first);
    assert.ok(
      (await frame.locator('[data-testid="timeline-item"][data-kind="email"][data-channel="email"]').count()) === first,
    );
    await page.close();
  });

  test('"Save page as note" stores the page\'s main text (Readability) for the contact in focus', async () => {
    const page = await b.context.newPage();
    await page.goto(GMAIL);
    const frame = await sidebarFrame(page);
    await frame.locator('[data-testid="contact-card"]').waitFor();
    const pages = frame.locator('[data-testid="timeline-item"][data-kind="page"]');
    // The timeline is a chunk of its own: count once it has loaded its entries.
    await frame.locator('[data-testid="timeline"][data-loaded="true"]').waitFor();
    const before = await pages.count();
    await frame.click('[data-testid="save-page"]');
    await frame.waitForFunction((n) => document.querySelectorAll('[data-testid="timeline-item"][data-kind="page"]').length === n + 1, before);
    const item = pages.first();
    assert.equal(await item.getAttribute('data-channel'), 'web');
    const text = await item.innerText();
    assert.match(text, /Q3 supplier review/);
    // Nothing of Readability's work is left in the page.
    assert.equal(await page.locator('#readability-page-1, .page').count(), 0);
    await page.close();
  });

  test('LinkedIn: add from the side-panel page, write a note, reload: contact and note are there', async () => {
    const page = await b.context.newPage();
    await page.goto(LINKEDIN);
    let panel = await b.extensionPage('sidebar.html');
    const tabId = await tabIdFor(panel, 'https://www.linkedin.com/in/');
    const url = `chrome-extension://${b.extensionId}/sidebar.html?tabId=${tabId}`;
    await panel.goto(url);
    const person = panel.locator('[data-testid="person"][data-role="profile"]');
    await person.waitFor();
    const linkedin = await person.getAttribute('data-linkedin');
    assert.equal(linkedin, 'https://www.linkedin.com/in/amara-okafor-9b2a41/');
    await person.locator('[data-testid="add-contact"]').click();
    await panel.locator('[data-testid="person"][data-known="true"]').waitFor();
    await panel.fill('[data-testid="note-input"]', 'Met at Hannover Messe; prefers LinkedIn over email');
    await panel.click('[data-testid="note-save"]');
    await panel.locator('[data-testid="timeline-item"]').first().waitFor();
    await panel.setViewportSize({ width: 360, height: 900 });
    await panel.screenshot({ path: artifactPath('sidebar-linkedin.png'), fullPage: true });
    await panel.reload();
    await panel.locator('[data-testid="person"][data-known="true"]').waitFor();
    await panel.locator('[data-testid="timeline-item"]').first().waitFor();
    assert.match(await panel.locator('[data-testid="contact-card"]').innerText(), /Amara Okafor/);
    assert.match(await panel.locator('[data-testid="timeline-item"]').first().innerText(), /Hannover Messe/);
    // Still nothing of ours in LinkedIn's page.
    assert.equal(await page.locator('#rapport-root').count(), 0);
    await page.close();
    await panel.close();
  });

  test('on a page nobody is recognised on, any contact can be found and brought into focus', async () => {
    const panel = await b.extensionPage('sidebar.html');
    await panel.locator('[data-testid="sidebar"][data-state="no-context"]').waitFor();
    await panel.fill('[data-testid="contact-search"]', 'jürgen');
    await panel.locator('[data-testid="contact-search-result"]').first().click();
    await panel.locator('[data-testid="contact-card"]').waitFor();
    assert.match(await panel.locator('[data-testid="contact-card"]').innerText(), /Jürgen Weiß/);
    // Her history comes with her (the note from the first test).
    await panel.locator('[data-testid="timeline-item"]').first().waitFor();
    await panel.close();
  });

  test('the docked frame never covers the reading area, collapses to a handle and remembers it', async () => {
    const page = await b.context.newPage();
    await page.goto(GMAIL);
    const frame = await sidebarFrame(page);
    const mainRight = async () => page.evaluate(() => document.querySelector('[role=main]').getBoundingClientRect().right);
    const frameBox = async () => page.locator('#rapport-root').boundingBox();
    assert.ok((await mainRight()) <= (await frameBox()).x + 0.5, 'main pane ends before the frame');
    await frame.click('[data-testid="sidebar-collapse"]');
    await page.waitForFunction(() => document.querySelector('#rapport-root').getBoundingClientRect().width < 60);
    await page.reload();
    await sidebarFrame(page);
    await page.waitForFunction(() => document.querySelector('#rapport-root').getBoundingClientRect().width < 60);
    const collapsed = await sidebarFrame(page);
    await collapsed.click('[data-testid="sidebar-expand"]');
    await page.waitForFunction(() => document.querySelector('#rapport-root').getBoundingClientRect().width >= 280);
    assert.ok((await mainRight()) <= (await frameBox()).x + 0.5);
    await page.close();
  });

  test('no request left the machine from any extension context', () => {
    assert.deepEqual(b.extensionRequests(), []);
  });
});
