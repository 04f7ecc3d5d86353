// The hostile fixture: payloads show as text and run nothing; the page can neither read our UI nor
// change what we recognise by posting messages or events; DOM clobbering, prototype pollution,
// hostile CSS and eviction do not break us.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, sidebarFrame } from './harness.mjs';
import { statesOf } from './expected.mjs';

const FORBIDDEN = /Mallory|mallory@evil\.example|decoy@evil\.example|PAYROLL UPDATE/;

async function personRows(frame) {
  return frame.$$eval('[data-testid="person"]', (els) => els.map((el) => ({ name: el.dataset.name, email: el.dataset.email })));
}

describe('hostile page', () => {
  let b;
  let expected;
  before(async () => {
    b = await launch();
    expected = await statesOf('hostile-page.html');
    b.serve('https://mail.google.com/', 'hostile-page.html');
  });
  after(async () => b?.close());

  for (const flags of ['', '?pollute=1', '?clobber=1', '?evict=1&css=1']) {
    test(`payloads are inert text and the page learns nothing${flags ? ` (${flags})` : ''}`, async () => {
      const page = await b.context.newPage();
      const dialogs = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const url = new URL(expected.serveAt);
      await page.goto(`${url.origin}${url.pathname}${flags}${url.hash}`);
      const want = expected.states[0].people.map((p) => ({ name: p.name, email: p.email ?? '' }));
      const read = async () => {
        // With ?evict the page sweeps our host every 1.5 s; we put it back and the frame reloads.
        for (let attempt = 0; ; attempt++) {
          try {
            const frame = await sidebarFrame(page);
            await frame.waitForFunction((n) => document.querySelectorAll('[data-testid="person"]').length === n, want.length, { timeout: 3000 });
            return { rows: await personRows(frame), text: await frame.evaluate(() => document.body.innerText), frame };
          } catch (error) {
            if (attempt >= 5) throw error;
          }
        }
      };
      await read();
      // Let the hostile script run several rounds of probing, posting and (with ?evict) sweeping.
      await page.waitForTimeout(3500);
      const { rows, text, frame } = await read();
      assert.deepEqual(rows, want);
      assert.doesNotMatch(text, FORBIDDEN);
      const report = await page.evaluate(() => window.__hostile.report());
      assert.deepEqual(report.alerts, []);
      assert.equal(report.linkClicks, 0);
      assert.deepEqual(report.readableForeignElements, []);
      assert.deepEqual(report.receivedFromOthers, []);
      assert.equal(report.prototypePolluted, false);
      assert.deepEqual(
        { main: report.pageOk.visibleMain, subjects: report.pageOk.visibleSubjects, nav: report.pageOk.navWorks },
        { main: 1, subjects: 1, nav: true },
      );
      assert.deepEqual(dialogs, []);
      // Evicted or restyled, the frame is back and visible.
      const box = await page.locator('#rapport-root iframe').boundingBox();
      assert.ok(box && box.width >= 280 && box.height > 300, JSON.stringify(box));
      // Payload strings in names reach the sidebar as text only: no element of theirs exists there.
      if (!flags.includes('evict')) assert.equal(await frame.locator('[data-testid="sidebar"] script, [data-testid="sidebar"] img[onerror], [data-testid="sidebar"] a[href^="javascript:"]').count(), 0);
      await page.close();
    });
  }

  test('the spoofed sender is shown with its real address', async () => {
    const page = await b.context.newPage();
    await page.goto(expected.serveAt);
    const frame = await sidebarFrame(page);
    await page.evaluate(() => window.__nav(1));
    const want = expected.states[1].people.map((p) => ({ name: p.name, email: p.email ?? '' }));
    await frame.waitForFunction(
      (emails) => [...document.querySelectorAll('[data-testid="person"]')].map((e) => e.dataset.email).join() === emails,
      want.map((p) => p.email).join(),
    );
    assert.deepEqual(await personRows(frame), want);
    assert.ok(want.some((p) => p.email === 'juergen.weiss@weiss-maschinenbau.example.evil.example'));
    await page.close();
  });

  test('no request left the machine from any extension context', () => {
    assert.deepEqual(b.extensionRequests(), []);
  });
});
