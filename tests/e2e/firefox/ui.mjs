// Small helpers for the Firefox tests (puppeteer's Page/Frame API over WebDriver BiDi).
import assert from 'node:assert/strict';

/** The person rows a sidebar shows, as comparable records. */
export async function rows(target) {
  return target.$$eval('[data-testid="person"]', (els) =>
    els.map((el) => ({ name: el.dataset.name, email: el.dataset.email, linkedin: el.dataset.linkedin, role: el.dataset.role })),
  );
}

/** Asserts a sidebar shows exactly a fixture state's people, in order, with allowed roles. */
export function assertRows(actual, state, label) {
  const expected = state.people.map((p) => ({ name: p.name, email: p.email ?? '', linkedin: p.linkedinUrl ?? '', roles: p.roles }));
  assert.equal(actual.length, expected.length, `${label}: ${JSON.stringify(actual)} vs ${JSON.stringify(expected)}`);
  expected.forEach((e, i) => {
    const a = actual[i];
    assert.equal(a.name, e.name, `${label} #${i} name`);
    assert.equal(a.email, e.email, `${label} #${i} email`);
    assert.equal(a.linkedin, e.linkedin, `${label} #${i} linkedin`);
    assert.ok(e.roles.includes(a.role), `${label} #${i} role ${a.role} not in ${e.roles}`);
  });
}

/** Waits until the sidebar shows exactly the expected rows; then asserts them (the failure names both). */
export async function waitForRows(target, state, label, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const actual = await rows(target);
    try {
      assertRows(actual, state, label);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Count of elements matching a selector. */
export function count(target, selector) {
  return target.$$eval(selector, (els) => els.length);
}

/** Waits until exactly `n` elements match. */
export function waitForCount(target, selector, n, timeout = 10_000) {
  return target.waitForFunction((s, k) => document.querySelectorAll(s).length === k, { timeout }, selector, n);
}

/** An attribute of the first match. */
export function attr(target, selector, name) {
  return target.$eval(selector, (el, a) => el.getAttribute(a), name);
}

/** Visible text of the first match. */
export function text(target, selector) {
  return target.$eval(selector, (el) => el.innerText);
}

/** Replaces an input's text by typing it, as a user would. */
export async function fill(target, selector, value) {
  const input = await target.waitForSelector(selector);
  await input.click({ count: 3 });
  await input.evaluate((el) => el.select?.());
  await input.press('Backspace');
  await input.type(value);
}
