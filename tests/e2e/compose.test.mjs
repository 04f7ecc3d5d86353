// The guard while composing: writing to someone under a contact ban shows the warning in the
// compose view of Gmail and Outlook (dated compose fixtures in tests/fixtures).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, sidebarFrame } from './harness.mjs';

const LENA = 'lena.vogt@harbor-freight.example';
const SURFACES = [
  ['Gmail', 'https://mail.google.com/', 'gmail/2026-11-25-compose.html', 'https://mail.google.com/mail/u/0/#inbox?compose=new'],
  ['Outlook', 'https://outlook.office.com/', 'outlook/2026-11-25-compose.html', 'https://outlook.office.com/mail/inbox'],
];

describe('guard while composing', () => {
  let b;
  before(async () => {
    b = await launch();
    for (const [, prefix, file] of SURFACES) b.serve(prefix, file);
  });
  after(async () => b?.close());

  for (const [name, , , url] of SURFACES) {
    test(`${name}: a recipient under a contact ban triggers the warning in compose`, async () => {
      const page = await b.context.newPage();
      await page.goto(url);
      const frame = await sidebarFrame(page);
      const row = frame.locator(`[data-testid="person"][data-email="${LENA}"]`);
      await row.waitFor();
      assert.equal(await row.getAttribute('data-role'), 'recipient');
      if ((await row.getAttribute('data-known')) === 'false') {
        await row.locator('[data-testid="add-contact"]').click();
        await frame.locator('[data-testid="contact-card"]').waitFor();
        await frame.click('[data-testid="tab-preferences"]');
        await frame.getByRole('checkbox', { name: 'Do not contact' }).click();
      }
      await frame.locator('[data-testid="preference-warning"][data-reason="do-not-contact"]').waitFor();
      // The row itself carries the warning too, so a reply-all never hides who must not be written to.
      const flag = row.locator('[data-testid="person-warning"]');
      await flag.waitFor();
      assert.match(await flag.getAttribute('data-reasons'), /do-not-contact/);
      assert.equal(await frame.locator('[data-testid="person"][data-known="false"] [data-testid="person-warning"]').count(), 0);
      // Recipients change while composing: the context follows (state 1 drops Marek, adds Tariq).
      await page.evaluate(() => window.__nav(1));
      await frame.waitForFunction(() =>
        [...document.querySelectorAll('[data-testid="person"]')].some((el) => /tariq\.haddad@/.test(el.dataset.email)),
      );
      assert.equal(await frame.locator('[data-testid="person"][data-name="Marek Nowak"]').count(), 0);
      await page.close();
    });
  }
});
