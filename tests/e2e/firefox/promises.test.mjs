// Firefox-specific promises: data_collection_permissions stays "none"; the extension's origin is a
// per-install random UUID the page never learns; dark mode follows the host page in the docked
// frame and the system elsewhere, as in Chrome; the request monitor sees extension requests.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturePath } from '../harness.mjs';
import { FIREFOX_BUILD, launch, sidebarFrame, tabIdFor } from './harness.mjs';

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMvkXqGbsnHKwPjdBlRrCcMx';
const OUTLOOK =
  'https://outlook.office.com/mail/inbox/id/AAQkADAwATM0MDAAMS1iNWYwLTg3ZmEtMDACLTAwCgAQAFq1H7m%2B9kGJt3a%2F0cYh8xE%3D';
const LINKEDIN = 'https://www.linkedin.com/in/amara-okafor-9b2a41/';
const UUID_ORIGIN = /^moz-extension:\/\/[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const DARK_BG = 'rgb(27, 29, 33)';
const LIGHT_BG = 'rgb(255, 255, 255)';

const background = (target) => target.evaluate(() => getComputedStyle(document.body).backgroundColor);

/** A browser whose system theme is dark (or light), Firefox choosing the extension's UUID itself. */
async function start(dark) {
  const b = await launch({ pinUuid: false, prefs: { 'ui.systemUsesDarkTheme': dark ? 1 : 0 } });
  b.serve('https://mail.google.com/', 'gmail-thread.html');
  b.serve('https://www.linkedin.com/in/', 'linkedin-profile.html');
  // Outlook's dark theme, approximated: the same mailbox with a dark page background.
  b.serveHtml(
    'https://outlook.office.com/',
    readFileSync(fixturePath('outlook-reading-pane.html'), 'utf8').replace(
      '</head>',
      '<style nonce="fx">html,body{background:#1b1a19 !important;color:#eee}</style></head>',
    ),
  );
  return b;
}

describe('Firefox: promises', () => {
  let dark;
  let light;
  before(async () => {
    dark = await start(true);
  });
  after(async () => {
    await dark?.close();
    await light?.close();
  });

  test('data_collection_permissions is "none", in the build and as Firefox installed it', async () => {
    const built = JSON.parse(readFileSync(join(FIREFOX_BUILD, 'manifest.json'), 'utf8'));
    assert.deepEqual(built.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
    const page = await dark.extensionPage('options.html');
    const installed = await page.evaluate(() => browser.runtime.getManifest().browser_specific_settings.gecko);
    assert.equal(installed.id, 'rapport@rapport.example');
    assert.deepEqual(installed.data_collection_permissions.required, ['none']);
    assert.deepEqual(installed.data_collection_permissions.optional ?? [], []);
    await page.close();
  });

  test('the docked frame follows the host page: dark Outlook dark, light Gmail light on a dark system', async () => {
    const outlook = await dark.newPage();
    await outlook.goto(OUTLOOK);
    const darkFrame = await sidebarFrame(outlook);
    assert.equal(await darkFrame.evaluate(() => document.documentElement.dataset.theme), 'dark');
    assert.equal(await background(darkFrame), DARK_BG);
    const gmail = await dark.newPage();
    await gmail.goto(GMAIL);
    const lightFrame = await sidebarFrame(gmail);
    assert.equal(await lightFrame.evaluate(() => document.documentElement.dataset.theme), 'light');
    assert.equal(await background(lightFrame), LIGHT_BG);
    await outlook.close();
    await gmail.close();
  });

  test('the sidebar page (LinkedIn) and the workspace follow the system theme', async () => {
    const linkedin = await dark.newPage();
    await linkedin.goto(LINKEDIN);
    const panel = await dark.extensionPage('sidebar.html');
    const tabId = await tabIdFor(panel, 'https://www.linkedin.com/in/');
    await dark.goto(panel, `sidebar.html?tabId=${tabId}`);
    await panel.waitForSelector('[data-testid="sidebar"][data-site="linkedin"]');
    assert.equal(await background(panel), DARK_BG);
    await dark.goto(panel, 'options.html');
    assert.equal(await background(panel), DARK_BG);
    await panel.close();

    light = await start(false);
    const options = await light.extensionPage('options.html');
    assert.equal(await background(options), LIGHT_BG);
    await options.close();
  });

  test("the extension's origin is a random UUID per install, which LinkedIn's page never sees", async () => {
    const a = await dark.extensionOrigin();
    const b = await light.extensionOrigin();
    assert.match(a, UUID_ORIGIN);
    assert.match(b, UUID_ORIGIN);
    assert.notEqual(a, b);
    const page = await dark.newPage();
    await page.goto(LINKEDIN);
    await new Promise((r) => setTimeout(r, 500));
    const seen = await page.evaluate((origin) => document.documentElement.outerHTML.includes(origin.slice(16)), a);
    assert.equal(seen, false);
    // The add-on id does not address our pages, and a page that is not web-accessible stays
    // unreachable even with the UUID.
    const probe = await page.evaluate(async (origin) => {
      const load = (src) =>
        new Promise((done) => {
          const frame = document.createElement('iframe');
          frame.src = src;
          frame.onload = () => {
            try {
              done(frame.contentDocument?.body?.innerHTML.includes('root') ? 'loaded' : 'blocked');
            } catch {
              done('blocked');
            }
          };
          document.body.append(frame);
          setTimeout(() => done('blocked'), 2000);
        });
      return [await load('moz-extension://rapport@rapport.example/sidebar.html'), await load(`${origin}/options.html`)];
    }, a);
    assert.deepEqual(probe, ['blocked', 'blocked']);
    await page.close();
  });

  test('the request monitor sees requests from extension pages and the background page (self-check)', async () => {
    const page = await dark.extensionPage('options.html');
    await page.evaluate(async () => {
      await fetch('https://monitor-self-check.invalid/page').catch(() => undefined);
      const bg = await browser.runtime.getBackgroundPage();
      await bg.fetch('https://monitor-self-check.invalid/background').catch(() => undefined);
    });
    const seen = dark.extensionRequests().map((r) => r.url);
    assert.ok(seen.includes('https://monitor-self-check.invalid/page'), JSON.stringify(seen));
    assert.ok(seen.includes('https://monitor-self-check.invalid/background'), JSON.stringify(seen));
    assert.ok(dark.strayRequests().some((r) => r.url === 'https://monitor-self-check.invalid/background'));
    dark.forgetRequests((r) => r.url.startsWith('https://monitor-self-check.invalid/'));
    await page.close();
  });

  test('the background page shuts down cleanly with the browser (no "Script terminated by timeout")', async () => {
    // Firefox terminates page-lifecycle handlers left in a background page when it quits; Dexie's
    // used to be there. The browser's whole output, shutdown included, is read after it exited.
    await light.close();
    assert.deepEqual(
      light.output.filter((l) => /\/background\.js\b.*Script terminated/.test(l)),
      [],
    );
    assert.deepEqual(light.extensionErrors(), []);
  });

  test('no extension script logged an error; no request left the machine from any extension context', () => {
    for (const b of [dark, light]) {
      assert.deepEqual(b.extensionErrors(), []);
      assert.deepEqual(b.extensionRequests(), []);
      assert.deepEqual(b.strayRequests(), []);
    }
  });
});
