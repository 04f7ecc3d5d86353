// The "don't annoy" guard and follow-ups in the real browser: do-not-contact and the frequency
// limit warn when they hold and not otherwise; an overdue follow-up is marked; a logged call resets
// the keep-in-touch cadence.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, sidebarFrame } from './harness.mjs';
import { logCall, setFrequency } from './sidebar-actions.mjs';

const OUTLOOK =
  'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNWYwLTg3ZmEtMDACLTAwCgAQAFq1H7m%2B9kGJt3a%2F0cYh8xE%3D';

const warnings = (frame) =>
  frame.$$eval('[data-testid="preference-warning"]', (els) => els.map((el) => el.dataset.reason));

async function waitWarnings(frame, expected) {
  await frame.waitForFunction(
    (want) => [...document.querySelectorAll('[data-testid="preference-warning"]')].map((el) => el.dataset.reason).sort().join() === want,
    [...expected].sort().join(),
  );
}

describe('guard and follow-ups', () => {
  let b;
  let page;
  let frame;
  before(async () => {
    b = await launch();
    b.serve('https://outlook.office.com/', 'outlook-reading-pane.html');
    page = await b.context.newPage();
    await page.goto(OUTLOOK);
    frame = await sidebarFrame(page);
    const add = frame.locator('[data-testid="person"][data-role="sender"] [data-testid="add-contact"]').first();
    await add.click();
    await frame.locator('[data-testid="contact-card"]').waitFor();
  });
  after(async () => b?.close());

  test('no warning while no preference says so', async () => {
    await frame.locator('[data-testid="note-input"]').waitFor();
    assert.deepEqual(await warnings(frame), []);
  });

  test('do-not-contact warns with its reason, and stops when lifted', async () => {
    await frame.click('[data-testid="tab-preferences"]');
    const box = frame.getByRole('checkbox', { name: 'Do not contact' });
    await box.click();
    await waitWarnings(frame, ['do-not-contact']);
    const reason = frame.getByLabel('Reason', { exact: true });
    await reason.fill('Asked to pause until the merger closes');
    await reason.press('Enter');
    await frame.waitForFunction(() =>
      document.querySelector('[data-testid="preference-warning"][data-reason="do-not-contact"]')?.textContent.includes('merger closes'),
    );
    await box.click();
    await waitWarnings(frame, []);
  });

  test('frequency warns once the maximum is reached in the window, not before', async () => {
    await setFrequency(frame, { maxLabel: 'Maximum number of contacts', daysLabel: 'Period in days' }, 2, 14);
    await logCall(frame, 'Called about the framework contract');
    assert.deepEqual(await warnings(frame), []);
    await logCall(frame, 'Called again about delivery dates');
    await waitWarnings(frame, ['frequency']);
  });

  test('a follow-up due yesterday shows overdue; done clears it', async () => {
    await frame.click('[data-testid="tab-followups"]');
    const yesterday = await page.evaluate(() => {
      const d = new Date(Date.now() - 86_400_000);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await frame.getByLabel('What to do').fill('Send the signed PO');
    await frame.getByLabel('Custom date').fill(yesterday);
    await frame.getByRole('button', { name: 'Add', exact: true }).click();
    const item = frame.locator(`[data-testid="followup"][data-due="${yesterday}"]`);
    await item.waitFor();
    assert.equal(await item.getAttribute('data-state'), 'overdue');
    await frame.locator('[data-testid="followup"][data-state="overdue"]').getByRole('button', { name: /done/i }).click();
    await frame.locator(`[data-testid="followup"][data-due="${yesterday}"][data-state="done"]`).waitFor();
  });

  test('the pillars checklist and the handover summary are there', async () => {
    await frame.click('[data-testid="tab-pillars"]');
    await frame.locator('[data-testid="pillars"]').waitFor();
    await frame.click('[data-testid="tab-handover"]');
    // The panel shows "Loading…" until the summary is built: wait for the summary itself.
    const handover = frame.locator('[data-testid="handover"]', { hasText: 'Jürgen Weiß' });
    await handover.waitFor();
    const summary = await handover.innerText();
    assert.match(summary, /Jürgen Weiß/);
    assert.match(summary, /at most 2 contacts in 14 days/);
    assert.match(summary, /Phone: \d{4}-\d{2}-\d{2}, call \(outbound\)/);
  });

  test('no request left the machine from any extension context', () => {
    assert.deepEqual(b.extensionRequests(), []);
  });
});
