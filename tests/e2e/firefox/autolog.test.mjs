// Firefox: automatic logging (issue 11). A thread with a known contact on screen is logged by
// itself, each message once however often it is opened; unknown people get nothing.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, sidebarFrame, tabIdFor } from './harness.mjs';
import { count, waitForCount } from './ui.mjs';
import { storedRecords } from '../../support/stored-records.mjs';

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMvkXqGbsnHKwPjdBlRrCcMx';
const JUERGEN = 'juergen.weiss@weiss-maschinenbau.example';

/** Interactions as stored, read with bare IndexedDB from an extension page. */
async function storedInteractions(ext) {
  const { interactions } = await storedRecords(ext, ['interactions']);
  return interactions.map((i) => ({ contactIds: i.contactIds, sourceKey: i.sourceKey, auto: i.auto }));
}

describe('Firefox: automatic logging', () => {
  let b;
  before(async () => {
    b = await launch();
    b.serve('https://mail.google.com/', 'gmail-thread.html');
  });
  after(async () => b?.close());

  test('a known contact gets each message of the thread on screen once, however often it is opened', async () => {
    const page = await b.newPage();
    await page.goto(GMAIL);
    let frame = await sidebarFrame(page);
    const sender = `[data-testid="person"][data-email="${JUERGEN}"]`;
    await frame.waitForSelector(`${sender} [data-testid="add-contact"]`);
    await frame.click(`${sender} [data-testid="add-contact"]`);
    await frame.waitForSelector('[data-testid="contact-card"]');
    const contactId = await frame.$eval('[data-testid="contact-card"]', (el) => el.dataset.contactId);
    const messages = await page.evaluate(() => document.querySelectorAll('[role=list] [data-message-id]').length);
    // Nobody pressed "Save this conversation".
    await waitForCount(frame, '[data-testid="timeline-item"][data-auto="true"][data-kind="email"]', messages, 20_000);

    const ext = await b.extensionPage('options.html');
    const tabId = await tabIdFor(ext, 'https://mail.google.com/');
    for (let view = 0; view < 3; view++) {
      await page.reload();
      frame = await sidebarFrame(page);
      await frame.waitForSelector(`${sender}[data-known="true"]`);
      // Runs of one tab follow each other: this reply means the run of the reload is done too.
      const reply = await ext.evaluate((id) => browser.runtime.sendMessage({ type: 'autolog/run', tabId: id }), tabId);
      assert.equal(reply?.ok, true, JSON.stringify(reply));
    }
    const interactions = await storedInteractions(ext);
    assert.equal(interactions.length, messages);
    assert.equal(new Set(interactions.map((i) => i.sourceKey)).size, messages);
    for (const i of interactions) {
      assert.deepEqual(i.contactIds, [contactId], 'unknown people on the thread get nothing');
      assert.equal(i.auto, true);
    }
    await waitForCount(frame, '[data-testid="timeline-item"]', messages, 20_000);
    assert.equal(await count(frame, '[data-testid="timeline-item"][data-direction="inbound"]'), messages);
    await ext.close();
    await page.close();
  });
});
