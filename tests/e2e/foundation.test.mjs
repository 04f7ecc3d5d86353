// Foundation e2e: the built extension in Debian's Chromium on fixture pages at their real hosts.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, sidebarFrame, tabIdFor, EXTENSION_ID } from './harness.mjs';

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMvkXqGbsnHKwPjdBlRrCcMx';
const OUTLOOK =
  'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNWYwLTg3ZmEtMDACLTAwCgAQAFq1H7m%2B9kGJt3a%2F0cYh8xE%3D';
const LINKEDIN = 'https://www.linkedin.com/in/amara-okafor-9b2a41/';

describe('foundation', () => {
  let b;
  before(async () => {
    b = await launch();
    b.serve('https://mail.google.com/', 'gmail-thread.html');
    b.serve('https://outlook.office.com/', 'outlook-reading-pane.html');
    b.serve('https://www.linkedin.com/in/', 'linkedin-profile.html');
    b.serve('https://unmatched.example/', 'gmail-thread.html');
  });
  after(async () => {
    await b?.close();
  });

  test('the extension loads with its stable id', () => {
    assert.equal(b.extensionId, EXTENSION_ID);
  });

  test('the sidebar frame mounts on Gmail, and only #rapport-root is added', async () => {
    const page = await b.context.newPage();
    await page.goto(GMAIL);
    const frame = await sidebarFrame(page);
    assert.match(frame.url(), new RegExp(`^chrome-extension://${EXTENSION_ID}/sidebar\\.html\\?tabId=\\d+`));
    const state = await frame.getAttribute('[data-testid="sidebar"]', 'data-state');
    assert.ok(['ready', 'no-context'].includes(state), state);
    assert.equal(await frame.getAttribute('[data-testid="sidebar"]', 'data-site'), 'gmail');
    assert.equal(await page.locator('#rapport-root').count(), 1);
    assert.equal(await page.locator('#rapport-root iframe').count(), 1);
    await page.close();
  });

  test('the sidebar frame mounts on Outlook', async () => {
    const page = await b.context.newPage();
    await page.goto(OUTLOOK);
    const frame = await sidebarFrame(page);
    assert.equal(await frame.getAttribute('[data-testid="sidebar"]', 'data-site'), 'outlook');
    await page.close();
  });

  test("the host page's scripts cannot read the sidebar", async () => {
    const page = await b.context.newPage();
    await page.goto(GMAIL);
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
    assert.equal(probe.contentDocument, true);
    assert.equal(probe.shadow, null);
    assert.equal(probe.text, undefined);
    assert.equal(probe.error, 'SecurityError');
    await page.close();
  });

  test('nothing is added to a LinkedIn page, and its context reaches the side panel page', async () => {
    const page = await b.context.newPage();
    // Record every node the page did not author, from before any script runs.
    await page.addInitScript(() => {
      window.__foreign = [];
      window.__messages = [];
      window.addEventListener('message', (e) => window.__messages.push(String(e.data).slice(0, 200)), true);
      const dispatch = EventTarget.prototype.dispatchEvent;
      window.__events = [];
      document.addEventListener = new Proxy(document.addEventListener, {});
      EventTarget.prototype.dispatchEvent = function (event) {
        if (event instanceof CustomEvent) window.__events.push(event.type);
        return dispatch.call(this, event);
      };
      new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) window.__foreign.push(n.outerHTML.slice(0, 80));
      }).observe(document, { childList: true, subtree: true, attributes: false });
    });
    await page.goto(LINKEDIN);
    const panel = await b.extensionPage('sidebar.html');
    const tabId = await tabIdFor(panel, 'https://www.linkedin.com/');
    assert.ok(Number.isInteger(tabId));
    await panel.goto(`chrome-extension://${b.extensionId}/sidebar.html?tabId=${tabId}`);
    await panel.waitForSelector('[data-testid="sidebar"][data-site="linkedin"]');
    const dom = await page.evaluate(() => ({
      root: document.querySelector('#rapport-root'),
      iframes: [...document.querySelectorAll('iframe')].map((f) => f.src).filter((s) => s.startsWith('chrome-extension')),
      extensionAttrs: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /rapport|chrome-extension/i.test(a.value + a.name))).length,
    }));
    assert.deepEqual(dom, { root: null, iframes: [], extensionAttrs: 0 });
    // The page heard nothing from us: no posted message, no custom event.
    assert.deepEqual(await page.evaluate(() => window.__messages), []);
    assert.deepEqual(await page.evaluate(() => window.__events.filter((t) => /wxt|rapport|ehfeog/i.test(t))), []);
    assert.deepEqual(await page.evaluate(() => window.__foreign.filter((h) => /rapport|chrome-extension/i.test(h))), []);
    // Web-accessible resources are not exposed to LinkedIn: a probe for our sidebar fails.
    const probe = await page.evaluate(async (id) => {
      const img = new Image();
      return new Promise((done) => {
        const s = document.createElement('script');
        s.src = `chrome-extension://${id}/sidebar.html`;
        s.onload = () => done('loaded');
        s.onerror = () => done('blocked');
        img.remove();
        document.head.append(s);
        setTimeout(() => done('timeout'), 2000);
      });
    }, b.extensionId);
    assert.equal(probe, 'blocked');
    await page.close();
    await panel.close();
  });

  test('nothing is injected on a host we do not match', async () => {
    const page = await b.context.newPage();
    await page.goto('https://unmatched.example/mail/u/0/#inbox/FMfcgzQZTMvkXqGbsnHKwPjdBlRrCcMx');
    await page.waitForTimeout(1000);
    assert.equal(await page.locator('#rapport-root').count(), 0);
    const frames = await page.evaluate(() => [...document.querySelectorAll('iframe')].map((f) => f.src));
    assert.ok(frames.every((src) => !src.startsWith('chrome-extension://')));
    await page.close();
  });

  test('the request monitor sees requests from the service worker (self-check)', async () => {
    const before = b.extensionRequests().length;
    await b.worker.evaluate(() => fetch('https://monitor-self-check.invalid/').catch(() => undefined));
    await new Promise((r) => setTimeout(r, 300));
    const seen = b.extensionRequests().slice(before);
    assert.ok(seen.some((r) => r.url.startsWith('https://monitor-self-check.invalid/')), JSON.stringify(seen));
    b.requests.splice(0, b.requests.length, ...b.requests.filter((r) => !r.url.includes('monitor-self-check')));
  });

  test('no request left the machine from any extension context', () => {
    assert.deepEqual(b.extensionRequests(), []);
    assert.deepEqual(b.strayRequests(), []);
  });
});
