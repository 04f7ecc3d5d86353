// Recognition in the real browser: the sidebar's person rows match each fixture's ground truth, in
// the page's frame on webmail and in the side-panel page on LinkedIn, also after SPA navigation.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, sidebarFrame, tabIdFor } from './harness.mjs';
import { statesOf } from './expected.mjs';

/** The person rows a sidebar shows, as comparable records. */
async function rows(frameOrPage) {
  return frameOrPage.$$eval('[data-testid="person"]', (els) =>
    els.map((el) => ({
      name: el.dataset.name,
      email: el.dataset.email,
      linkedin: el.dataset.linkedin,
      role: el.dataset.role,
    })),
  );
}

function expectedRows(state) {
  return state.people.map((p) => ({ name: p.name, email: p.email ?? '', linkedin: p.linkedinUrl ?? '', roles: p.roles }));
}

function assertRows(actual, state, label) {
  const expected = expectedRows(state);
  assert.equal(actual.length, expected.length, `${label}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`);
  expected.forEach((e, i) => {
    const a = actual[i];
    assert.equal(a.name, e.name, `${label} #${i} name`);
    assert.equal(a.email, e.email, `${label} #${i} email`);
    assert.equal(a.linkedin, e.linkedin, `${label} #${i} linkedin`);
    assert.ok(e.roles.includes(a.role), `${label} #${i} role ${a.role} not in ${e.roles}`);
  });
}

/** Waits until the sidebar shows exactly the expected rows (the context follows within a frame). */
async function waitForRows(target, state, label, timeout = 5000) {
  const deadline = Date.now() + timeout;
  let last;
  while (Date.now() < deadline) {
    last = await rows(target);
    try {
      assertRows(last, state, label);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  assertRows(last, state, label);
}

/** Records every distinct set of rows the sidebar renders, to catch a stale person shown in passing. */
async function recordRows(target) {
  await target.evaluate(() => {
    window.__rows = [];
    const snap = () =>
      JSON.stringify([...document.querySelectorAll('[data-testid="person"]')].map((el) => el.dataset.name + '|' + el.dataset.email + '|' + el.dataset.linkedin));
    let last = snap();
    window.__rows.push(last);
    new MutationObserver(() => {
      const now = snap();
      if (now !== last) window.__rows.push((last = now));
    }).observe(document.body, { childList: true, subtree: true, attributes: true });
  });
}

/** Every snapshot since the last call shows the previous state's people, nobody, or the new state's. */
async function assertNoStaleMix(target, previous, next, label) {
  const seen = await target.evaluate(() => window.__rows.splice(0, window.__rows.length - 1));
  const key = (state) => JSON.stringify(state.people.map((p) => `${p.name}|${p.email ?? ''}|${p.linkedinUrl ?? ''}`));
  const allowed = new Set([key(previous), key(next), '[]']);
  for (const snapshot of seen) assert.ok(allowed.has(snapshot), `${label}: shown in passing ${snapshot}`);
}

const WEBMAIL = ['gmail-thread.html', 'gmail-inbox.html', 'outlook-reading-pane.html'];
const LINKEDIN = ['linkedin-profile.html', 'linkedin-messaging.html', 'linkedin-search-results.html'];

describe('recognition in the real browser', () => {
  let b;
  before(async () => {
    b = await launch();
  });
  after(async () => b?.close());

  for (const fixture of WEBMAIL) {
    test(`${fixture}: rows in the page's frame match every state, after SPA navigation too`, async () => {
      const { serveAt, states } = await statesOf(fixture);
      const origin = new URL(serveAt).origin;
      b.serve(`${origin}/`, fixture);
      const page = await b.context.newPage();
      await page.goto(serveAt);
      const frame = await sidebarFrame(page);
      await waitForRows(frame, states[0], `${fixture} state 0`);
      await recordRows(frame);
      let previous = states[0];
      for (const state of states.slice(1)) {
        if (state.loadOnly) continue;
        await page.evaluate((i) => window.__nav(i), state.index);
        await waitForRows(frame, state, `${fixture} state ${state.index}`);
        await assertNoStaleMix(frame, previous, state, `${fixture} state ${state.index}`);
        previous = state;
      }
      await page.close();
    });
  }

  for (const fixture of LINKEDIN) {
    test(`${fixture}: rows in the side-panel page match every state, after SPA navigation too`, async () => {
      const { serveAt, states } = await statesOf(fixture);
      const url = new URL(serveAt);
      b.serve(`${url.origin}${url.pathname.split('/').slice(0, 2).join('/')}/`, fixture);
      const page = await b.context.newPage();
      await page.goto(serveAt);
      const panel = await b.extensionPage('sidebar.html');
      const tabId = await tabIdFor(panel, url.origin + url.pathname.slice(0, 4));
      await panel.goto(`chrome-extension://${b.extensionId}/sidebar.html?tabId=${tabId}`);
      await waitForRows(panel, states[0], `${fixture} state 0`);
      await recordRows(panel);
      let previous = states[0];
      for (const state of states.slice(1)) {
        if (state.loadOnly) continue;
        await page.evaluate((i) => window.__nav(i), state.index);
        await waitForRows(panel, state, `${fixture} state ${state.index}`);
        await assertNoStaleMix(panel, previous, state, `${fixture} state ${state.index}`);
        previous = state;
      }
      assert.equal(await page.locator('#rapport-root').count(), 0);
      await page.close();
      await panel.close();
    });
  }

  test('no request left the machine from any extension context', () => {
    assert.deepEqual(b.extensionRequests(), []);
  });
});
