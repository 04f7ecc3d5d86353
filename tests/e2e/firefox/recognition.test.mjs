// Firefox: who is on screen. The docked frame on Gmail and Outlook and the sidebar page for a
// LinkedIn profile show exactly the fixtures' people; LinkedIn gets nothing added; the page cannot
// read the frame; no extension script logs an error (a framed page has no `tabs` API in Firefox).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { statesOf } from '../expected.mjs';
import { launch, sidebarFrame, tabIdFor } from './harness.mjs';
import { attr, count, waitForRows } from './ui.mjs';

describe('Firefox: recognition', () => {
  let b;
  before(async () => {
    b = await launch();
  });
  after(async () => b?.close());

  for (const fixture of ['gmail-thread.html', 'outlook-reading-pane.html']) {
    test(`${fixture}: the docked frame shows the thread's people, after SPA navigation too`, async () => {
      const { serveAt, states } = await statesOf(fixture);
      b.serve(`${new URL(serveAt).origin}/`, fixture);
      const page = await b.newPage();
      await page.goto(serveAt);
      const frame = await sidebarFrame(page);
      assert.match(await frame.evaluate(() => location.href), new RegExp(`^${b.origin}/sidebar\\.html\\?tabId=\\d+&host=`));
      await waitForRows(frame, states[0], `${fixture} state 0`);
      assert.equal(await attr(frame, '[data-testid="sidebar"]', 'data-state'), 'ready');
      for (const state of states.slice(1, 3)) {
        if (state.loadOnly) continue;
        await page.evaluate((i) => window.__nav(i), state.index);
        await waitForRows(frame, state, `${fixture} state ${state.index}`);
      }
      // Only #rapport-root and its frame were added.
      assert.equal(await count(page, '#rapport-root'), 1);
      assert.equal(await count(page, '#rapport-root iframe'), 1);
      await page.close();
    });
  }

  test("the host page's scripts cannot read the frame", async () => {
    const page = await b.newPage();
    await page.goto('https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMvkXqGbsnHKwPjdBlRrCcMx');
    await sidebarFrame(page);
    const probe = await page.evaluate(() => {
      const frame = document.querySelector('#rapport-root iframe');
      const result = { contentDocument: frame.contentDocument === null, shadow: document.querySelector('#rapport-root').shadowRoot };
      try {
        result.text = frame.contentWindow.document.body.innerText;
      } catch (error) {
        result.error = error.name;
      }
      return result;
    });
    assert.deepEqual(probe, { contentDocument: true, shadow: null, error: 'SecurityError' });
    await page.close();
  });

  test('LinkedIn profile: nothing is added to the page; the sidebar page shows the profile and follows the SPA', async () => {
    const { serveAt, states } = await statesOf('linkedin-profile.html');
    b.serve('https://www.linkedin.com/in/', 'linkedin-profile.html');
    const page = await b.newPage();
    // Record every node and message the page did not author, from before any script runs.
    await page.evaluateOnNewDocument(() => {
      window.__foreign = [];
      window.__messages = [];
      window.addEventListener('message', (e) => window.__messages.push(String(e.data).slice(0, 200)), true);
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) window.__foreign.push(n.outerHTML.slice(0, 120));
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(serveAt);
    const panel = await b.extensionPage('sidebar.html');
    const tabId = await tabIdFor(panel, 'https://www.linkedin.com/in/');
    await b.goto(panel, `sidebar.html?tabId=${tabId}`);
    await waitForRows(panel, states[0], 'linkedin-profile state 0');
    assert.equal(await attr(panel, '[data-testid="sidebar"]', 'data-site'), 'linkedin');
    // The background's broadcasts reach a top-level page: the SPA's next profile follows.
    const next = states.slice(1).find((s) => !s.loadOnly);
    await page.evaluate((i) => window.__nav(i), next.index);
    await waitForRows(panel, next, `linkedin-profile state ${next.index}`);
    const dom = await page.evaluate(() => ({
      root: document.querySelector('#rapport-root') !== null,
      ours: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /rapport|moz-extension/i.test(a.name + a.value))).length,
      html: /moz-extension:|rapport-root/.test(document.documentElement.outerHTML),
    }));
    assert.deepEqual(dom, { root: false, ours: 0, html: false });
    assert.deepEqual(await page.evaluate(() => window.__messages), []);
    assert.deepEqual(await page.evaluate(() => window.__foreign.filter((h) => /rapport|moz-extension/i.test(h))), []);
    await page.close();
    await panel.close();
  });

  test("no extension script logged an error (the framed page's missing tabs API included)", () => {
    assert.deepEqual(b.extensionErrors(), []);
  });

  test('no request left the machine from any extension context', () => {
    assert.deepEqual(b.extensionRequests(), []);
    assert.deepEqual(b.strayRequests(), []);
  });
});
