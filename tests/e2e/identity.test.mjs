// A person saved from LinkedIn and later seen in Gmail becomes one contact when the user confirms
// the "is this …?" suggestion; nothing is merged before that.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, sidebarFrame, tabIdFor } from './harness.mjs';

const MESSAGING = 'https://www.linkedin.com/messaging/thread/2-ZDM1YzQ2NWMtNDk1Ny00ZGY4LTkyNGMtYjI2YzA0M2E5MmE1XzAxMA==/';
const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMvkXqGbsnHKwPjdBlRrCcMx';
const PRIYA_EMAIL = 'priya.raghunathan@northwind-logistics.example';
const PRIYA_LINKEDIN = 'https://www.linkedin.com/in/priya-raghunathan-nw/';

describe('one person across LinkedIn and Gmail', () => {
  let b;
  before(async () => {
    b = await launch();
    b.serve('https://www.linkedin.com/messaging/', 'linkedin-messaging.html');
    b.serve('https://mail.google.com/', 'gmail-thread.html');
  });
  after(async () => b?.close());

  test('save Priya from a LinkedIn conversation, confirm her in Gmail: one contact with both identities', async () => {
    const linkedin = await b.context.newPage();
    await linkedin.goto(MESSAGING);
    await linkedin.evaluate(() => window.__nav(1));
    const panel = await b.extensionPage('sidebar.html');
    const tabId = await tabIdFor(panel, 'https://www.linkedin.com/messaging/');
    await panel.goto(`chrome-extension://${b.extensionId}/sidebar.html?tabId=${tabId}`);
    const onLinkedIn = panel.locator(`[data-testid="person"][data-linkedin="${PRIYA_LINKEDIN}"]`);
    await onLinkedIn.waitFor();
    await onLinkedIn.locator('[data-testid="add-contact"]').click();
    await panel.locator(`[data-testid="person"][data-linkedin="${PRIYA_LINKEDIN}"][data-known="true"]`).waitFor();

    const gmail = await b.context.newPage();
    await gmail.goto(GMAIL);
    const frame = await sidebarFrame(gmail);
    const row = frame.locator(`[data-testid="person"][data-email="${PRIYA_EMAIL}"]`).first();
    await row.waitFor();
    // Not merged silently: unknown by email, with a suggestion to confirm.
    assert.equal(await row.getAttribute('data-known'), 'false');
    const suggestion = row.locator('[data-testid="match-suggestion"]');
    await suggestion.waitFor();
    assert.match(await suggestion.innerText(), /Priya Raghunathan/);
    await suggestion.getByRole('button').click();
    await frame.locator(`[data-testid="person"][data-email="${PRIYA_EMAIL}"][data-known="true"]`).first().waitFor();

    // Back on LinkedIn the same contact is known; the workspace holds her once, with both identities.
    await panel.reload();
    await panel.locator(`[data-testid="person"][data-linkedin="${PRIYA_LINKEDIN}"][data-known="true"]`).waitFor();
    const workspace = await b.extensionPage('options.html');
    await workspace.fill('[data-testid="search-input"]', 'priya');
    // Until the search answers, the list still shows every contact: wait for the one hit.
    await workspace.waitForFunction(() => {
      const rows = document.querySelectorAll('[data-testid="search-result"]');
      return rows.length === 1 && /priya/i.test(rows[0].textContent ?? '');
    });
    assert.match(await workspace.locator('[data-testid="search-result"]').innerText(), new RegExp(PRIYA_EMAIL));
  });
});
