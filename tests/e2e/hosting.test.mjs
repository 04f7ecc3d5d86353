// Hosting details: the docked frame follows the host's dark theme, arrives without moving the page,
// the keyboard shortcut's toggle collapses and expands it, and the sidebar works at 320 px without sideways scrolling.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fixturePath, launch, sidebarFrame, tabIdFor } from './harness.mjs';

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMvkXqGbsnHKwPjdBlRrCcMx';

describe('hosting', () => {
  let b;
  before(async () => {
    b = await launch();
    b.serve('https://mail.google.com/', 'gmail-thread.html');
    // Outlook's dark theme, approximated: the same mailbox with a dark page background.
    const dark = readFileSync(fixturePath('outlook-reading-pane.html'), 'utf8').replace(
      '</head>',
      '<style nonce="fx">html,body{background:#1b1a19 !important;color:#eee}</style></head>',
    );
    await b.context.route('https://outlook.office.com/**', (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: dark }),
    );
  });
  after(async () => b?.close());

  test('the frame follows the host page theme', async () => {
    const light = await b.context.newPage();
    await light.goto(GMAIL);
    const lightFrame = await sidebarFrame(light);
    assert.equal(await lightFrame.evaluate(() => document.documentElement.dataset.theme), 'light');
    const dark = await b.context.newPage();
    await dark.goto('https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNWYwLTg3ZmEtMDACLTAwCgAQAFq1H7m%2B9kGJt3a%2F0cYh8xE%3D');
    const darkFrame = await sidebarFrame(dark);
    assert.equal(await darkFrame.evaluate(() => document.documentElement.dataset.theme), 'dark');
    const bg = await darkFrame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(bg, 'rgb(27, 29, 33)');
    await light.close();
    await dark.close();
  });

  test("the frame's arrival moves nothing on the page: its room is reserved before the first paint", async () => {
    const page = await b.context.newPage();
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__shifts.push(entry.value);
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(GMAIL, { waitUntil: 'load' });
    await sidebarFrame(page);
    await page.waitForTimeout(300);
    const seen = await page.evaluate(() => ({
      shifts: window.__shifts,
      margin: parseFloat(document.documentElement.style.marginRight),
      frame: document.querySelector('#rapport-root').getBoundingClientRect().width,
    }));
    // Inserting the frame at idle and only then narrowing the page shifted this thread by 0.165.
    assert.deepEqual(seen.shifts, []);
    assert.equal(seen.margin, seen.frame);
    await page.close();
  });

  test('the shortcut toggle collapses and expands the docked frame', async () => {
    const page = await b.context.newPage();
    await page.goto(GMAIL);
    await sidebarFrame(page);
    const panel = await b.extensionPage('options.html');
    const tabId = await tabIdFor(panel, 'https://mail.google.com/');
    const width = () => page.evaluate(() => document.querySelector('#rapport-root').getBoundingClientRect().width);
    assert.ok((await width()) >= 280);
    // What the background broadcasts when Alt+Shift+R is pressed in a webmail tab.
    await b.worker.evaluate((id) => chrome.runtime.sendMessage({ type: 'frame/toggle', tabId: id }), tabId);
    await page.waitForFunction(() => document.querySelector('#rapport-root').getBoundingClientRect().width < 60);
    await b.worker.evaluate((id) => chrome.runtime.sendMessage({ type: 'frame/toggle', tabId: id }), tabId);
    await page.waitForFunction(() => document.querySelector('#rapport-root').getBoundingClientRect().width >= 280);
    await page.close();
    await panel.close();
  });

  test('at 320 px wide every panel fits without sideways scrolling', async () => {
    const page = await b.context.newPage();
    await page.goto(GMAIL);
    const frame = await sidebarFrame(page);
    await frame.locator('[data-testid="person"][data-role="sender"] [data-testid="add-contact"]').first().click();
    await frame.locator('[data-testid="contact-card"]').waitFor();
    const side = await b.extensionPage('sidebar.html');
    await side.setViewportSize({ width: 320, height: 800 });
    const id = await tabIdFor(side, 'https://mail.google.com/');
    await side.goto(`chrome-extension://${b.extensionId}/sidebar.html?tabId=${id}`);
    await side.locator('[data-testid="contact-card"]').waitFor();
    for (const tab of ['timeline', 'preferences', 'followups', 'pillars', 'handover']) {
      await side.click(`[data-testid="tab-${tab}"]`);
      const overflow = await side.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${tab} overflows by ${overflow} px`);
    }
    await side.close();
    await page.close();
  });
});
