// Issue 11 in real Chromium: a click on a reminder opens that contact — in the sidebar of the webmail
// tab whose open mail shows them (the tab comes forward and its sidebar shows them, even when they
// are not the person it shows first), else in the workspace. The test fires the browser's own
// notification-click event in the service worker (`onClicked.dispatch`): the production listener runs.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, sidebarFrame } from './harness.mjs';
import { storedRecords } from '../support/stored-records.mjs';

const THREAD_A = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMvkXqGbsnHKwPjdBlRrCcMx';
const JUERGEN = 'juergen.weiss@weiss-maschinenbau.example';
const MARKUS = 'markus.brandt@weiss-maschinenbau.example';

/** Contact ids by first email, read with bare IndexedDB from an extension page. */
async function contactIds(ext) {
  const { contacts } = await storedRecords(ext, ['contacts']);
  return Object.fromEntries(contacts.map((c) => [c.emails[0], c.id]));
}

describe('a click on a reminder opens the contact', () => {
  let b;
  before(async () => {
    b = await launch();
    b.serve('https://mail.google.com/', 'gmail-thread.html');
  });
  after(async () => b?.close());

  const click = (id) => b.worker.evaluate((notificationId) => chrome.notifications.onClicked.dispatch(notificationId), id);
  /** The URL of the active tab in the window of the mail tab. */
  const activeUrl = () =>
    b.worker.evaluate(async () => {
      const [mail] = await chrome.tabs.query({ url: 'https://mail.google.com/*' });
      const [active] = await chrome.tabs.query({ active: true, windowId: mail.windowId });
      return active?.url ?? '';
    });

  test('in the sidebar of the webmail tab whose open mail shows them', async () => {
    const mail = await b.context.newPage();
    await mail.goto(THREAD_A);
    const frame = await sidebarFrame(mail);
    for (const email of [JUERGEN, MARKUS]) {
      await frame.locator(`[data-testid="person"][data-email="${email}"]`).first().locator('[data-testid="add-contact"]').click();
      await frame.locator(`[data-testid="person"][data-email="${email}"][data-known="true"]`).first().waitFor();
    }
    const card = frame.locator('[data-testid="contact-card"]');
    await card.waitFor();
    const first = await card.getAttribute('data-contact-id');
    const workspace = await b.extensionPage('options.html#today');
    const ids = await contactIds(workspace);
    // The reminder is about the one the sidebar does not show first.
    const other = first === ids[JUERGEN] ? ids[MARKUS] : ids[JUERGEN];
    assert.ok(other && first && other !== first);
    await workspace.bringToFront();
    for (let i = 0; i < 50 && (await activeUrl()).startsWith('https://mail.google.com/'); i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(!(await activeUrl()).startsWith('https://mail.google.com/'), 'the workspace is in front before the click');
    const pagesBefore = b.context.pages().length;

    await click(`rapport|followup|${other}|fu_any`);
    await frame.waitForFunction((id) => document.querySelector('[data-testid="contact-card"]')?.getAttribute('data-contact-id') === id, other);
    for (let i = 0; i < 50 && !(await activeUrl()).startsWith('https://mail.google.com/'); i++) await new Promise((r) => setTimeout(r, 100));
    assert.match(await activeUrl(), /^https:\/\/mail\.google\.com\//);
    // Nothing else was opened.
    assert.equal(b.context.pages().length, pagesBefore);
    await workspace.close();
    await mail.close();
  });

  test('in the workspace when no open mail shows them', async () => {
    const opened = b.context.waitForEvent('page');
    await click('rapport|keep-in-touch|ct_not-on-screen|kit:ct_not-on-screen:2026-11-30');
    const page = await opened;
    await page.waitForURL(/\/options\.html#contact\/ct_not-on-screen$/);
    await page.close();
  });

  test('no request left the extension', () => {
    assert.deepEqual(b.extensionRequests(), []);
  });
});
