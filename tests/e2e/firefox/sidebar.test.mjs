// Firefox: working in the docked sidebar. Add the sender, write a note, reload and find both; save
// a conversation twice and store each message once; save the page as a note (the context menu's
// capture path); the "don't annoy" warning; collapse the frame and have it remembered.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, sidebarFrame } from './harness.mjs';
import { attr, count, fill, text, waitForCount } from './ui.mjs';

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMvkXqGbsnHKwPjdBlRrCcMx';
const OUTLOOK =
  'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNWYwLTg3ZmEtMDACLTAwCgAQAFq1H7m%2B9kGJt3a%2F0cYh8xE%3D';

async function expandAll(page) {
  // Collapsed messages carry only a snippet; open them all as a reader would before saving.
  await page.evaluate(() => {
    const n = document.querySelectorAll('[role=list] > .kv, [role=list] > .h7').length;
    for (let i = 0; i < n; i++) window.__fixture.expand?.(i);
  });
}

describe('Firefox: the sidebar at work', () => {
  let b;
  before(async () => {
    b = await launch();
    b.serve('https://mail.google.com/', 'gmail-thread.html');
    b.serve('https://outlook.office.com/', 'outlook-reading-pane.html');
  });
  after(async () => b?.close());

  test('Gmail: add the sender, write a note, reload: contact and note are there', async () => {
    const page = await b.newPage();
    await page.goto(GMAIL);
    let frame = await sidebarFrame(page);
    const sender = '[data-testid="person"][data-role="sender"]';
    await frame.waitForSelector(sender);
    const email = await attr(frame, sender, 'data-email');
    assert.equal(await attr(frame, sender, 'data-known'), 'false');
    await frame.click(`${sender} [data-testid="add-contact"]`);
    await frame.waitForSelector(`[data-testid="person"][data-email="${email}"][data-known="true"]`);
    await frame.waitForSelector('[data-testid="contact-card"]');
    const contactId = await attr(frame, '[data-testid="contact-card"]', 'data-contact-id');
    await fill(frame, '[data-testid="note-input"]', 'Called about Q3 pricing — wants delivery slots by Friday 🚚');
    await frame.click('[data-testid="note-save"]');
    await frame.waitForSelector('[data-testid="timeline-item"][data-kind="note"]');

    await page.reload();
    frame = await sidebarFrame(page);
    await frame.waitForSelector(`[data-testid="person"][data-email="${email}"][data-known="true"]`);
    await frame.waitForSelector('[data-testid="timeline-item"][data-kind="note"]');
    assert.equal(await attr(frame, '[data-testid="contact-card"]', 'data-contact-id'), contactId);
    assert.equal(await count(frame, '[data-testid="timeline-item"][data-kind="note"]'), 1);
    assert.match(await text(frame, '[data-testid="timeline-item"][data-kind="note"]'), /Q3 pricing — wants delivery slots by Friday 🚚/);
    await page.close();
  });

  test('saving a conversation twice stores each message once', async () => {
    const page = await b.newPage();
    await page.goto(GMAIL);
    await expandAll(page);
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('[data-testid="contact-card"]');
    const messages = await page.evaluate(() => document.querySelectorAll('[role=list] [data-message-id]').length);
    assert.ok(messages >= 2, `messages on screen: ${messages}`);
    const emails = '[data-testid="timeline-item"][data-kind="email"][data-channel="email"]';
    // The capture button is a chunk of its own (puppeteer's click does not wait for it).
    await frame.waitForSelector('[data-testid="capture-conversation"]');
    await frame.click('[data-testid="capture-conversation"]');
    await waitForCount(frame, emails, messages);
    await frame.click('[data-testid="capture-conversation"]');
    await frame.waitForFunction(() => /\b0 saved|\b0 gespeichert/.test(document.querySelector('[data-testid="capture-status"]')?.textContent ?? ''));
    assert.equal(await count(frame, emails), messages);
    await page.close();
  });

  test('"Save page as note" stores the page\'s main text for the contact in focus', async () => {
    const page = await b.newPage();
    await page.goto(GMAIL);
    const frame = await sidebarFrame(page);
    await frame.waitForSelector('[data-testid="contact-card"]');
    const pages = '[data-testid="timeline-item"][data-kind="page"]';
    // The timeline is a chunk of its own: count once it has loaded its entries.
    await frame.waitForSelector('[data-testid="timeline"][data-loaded="true"]');
    const before = await count(frame, pages);
    await frame.click('[data-testid="save-page"]');
    await waitForCount(frame, pages, before + 1);
    assert.equal(await attr(frame, pages, 'data-channel'), 'web');
    assert.match(await text(frame, pages), /Q3 supplier review/);
    await page.close();
  });

  test('Outlook: do-not-contact warns with its reason, and stops when lifted', async () => {
    const page = await b.newPage();
    await page.goto(OUTLOOK);
    const frame = await sidebarFrame(page);
    await frame.click('[data-testid="person"][data-role="sender"] [data-testid="add-contact"]');
    await frame.waitForSelector('[data-testid="contact-card"]');
    assert.equal(await count(frame, '[data-testid="preference-warning"]'), 0);
    await frame.click('[data-testid="tab-preferences"]');
    const checkbox = async () =>
      (
        await frame.waitForFunction(() =>
          [...document.querySelectorAll('label')].find((l) => /Do not contact/.test(l.textContent))?.querySelector('input[type=checkbox]'),
        )
      ).asElement();
    await (await checkbox()).click();
    await frame.waitForSelector('[data-testid="preference-warning"][data-reason="do-not-contact"]');
    await (await checkbox()).click();
    await waitForCount(frame, '[data-testid="preference-warning"]', 0);
    await page.close();
  });

  test('the frame never covers the reading area, collapses to a handle and remembers it', async () => {
    const page = await b.newPage();
    await page.goto(GMAIL);
    const frame = await sidebarFrame(page);
    const layout = () =>
      page.evaluate(() => ({
        main: document.querySelector('[role=main]').getBoundingClientRect().right,
        frameX: document.querySelector('#rapport-root').getBoundingClientRect().x,
        width: document.querySelector('#rapport-root').getBoundingClientRect().width,
      }));
    const open = await layout();
    assert.ok(open.main <= open.frameX + 0.5 && open.width >= 280, JSON.stringify(open));
    await frame.click('[data-testid="sidebar-collapse"]');
    await page.waitForFunction(() => document.querySelector('#rapport-root').getBoundingClientRect().width < 60);
    await page.reload();
    const collapsed = await sidebarFrame(page);
    await page.waitForFunction(() => document.querySelector('#rapport-root').getBoundingClientRect().width < 60);
    await collapsed.click('[data-testid="sidebar-expand"]');
    await page.waitForFunction(() => document.querySelector('#rapport-root').getBoundingClientRect().width >= 280);
    await page.close();
  });

  test('no extension script logged an error', () => {
    assert.deepEqual(b.extensionErrors(), []);
  });

  test('no request left the machine from any extension context', () => {
    assert.deepEqual(b.extensionRequests(), []);
    assert.deepEqual(b.strayRequests(), []);
  });
});
