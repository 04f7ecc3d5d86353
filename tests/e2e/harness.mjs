// Real-browser harness: Debian's Chromium with the built extension, fixture pages served under the
// real host names, and a monitor that records every network request any context makes.
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, existsSync, rmSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
/** The built extension; RAPPORT_EXTENSION_DIR points the bench at another build (a before/after comparison). */
export const EXTENSION_DIR = process.env.RAPPORT_EXTENSION_DIR ?? join(ROOT, '.output/chrome-mv3');
export const SHARED_FIXTURES = resolve(ROOT, '../shared/fixtures');
export const OWN_FIXTURES = join(ROOT, 'tests/fixtures');
export const ARTIFACTS = join(here, '.artifacts');
/** Stable id from the manifest key (wxt.config.ts). */
export const EXTENSION_ID = 'ehfeogeimmminehlpclnicbiffkmgeci';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Hosts whose pages we serve from fixtures; every other request is recorded and refused. */
export const FIXTURE_HOSTS = [
  'mail.google.com',
  'outlook.office.com',
  'outlook.office365.com',
  'outlook.live.com',
  'www.linkedin.com',
  'unmatched.example',
];

// Playwright's defaults minus --disable-extensions (it would unload us) and minus the
// ThirdPartyStoragePartitioning switch-off: stock Chrome partitions storage, so must the tests.
const DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
  'Translate',
];

function chromiumArgs(userDataDir, extra = [], headless = true, extensionDir = EXTENSION_DIR) {
  return [
    '--disable-field-trial-config',
    '--disable-background-networking',
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--disable-back-forward-cache',
    '--disable-breakpad',
    '--disable-component-update',
    '--no-default-browser-check',
    '--disable-default-apps',
    '--disable-dev-shm-usage',
    `--disable-features=${DISABLED_FEATURES.join(',')}`,
    '--enable-features=ThirdPartyStoragePartitioning',
    '--allow-pre-commit-input',
    '--disable-hang-monitor',
    '--disable-ipc-flooding-protection',
    '--disable-popup-blocking',
    '--disable-prompt-on-repost',
    '--disable-renderer-backgrounding',
    '--force-color-profile=srgb',
    '--metrics-recording-only',
    '--no-first-run',
    '--password-store=basic',
    '--use-mock-keychain',
    '--no-service-autorun',
    '--disable-search-engine-choice-screen',
    '--disable-sync',
    '--disable-gpu',
    '--no-sandbox',
    ...(headless ? ['--headless', '--hide-scrollbars', '--mute-audio'] : []),
    // Nothing resolves but what we serve: a request that slipped past the monitor still goes nowhere.
    '--host-resolver-rules=MAP * ~NOTFOUND',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    `--user-data-dir=${userDataDir}`,
    '--remote-debugging-pipe',
    ...extra,
    'about:blank',
  ];
}

/** Reads a fixture by name from tests/fixtures (own) or ../shared/fixtures. */
export function fixturePath(name) {
  const own = join(OWN_FIXTURES, name);
  return existsSync(own) ? own : join(SHARED_FIXTURES, name);
}

export function expectedFor(name) {
  return JSON.parse(readFileSync(fixturePath(name.replace(/\.html$/, '.expected.json')), 'utf8'));
}

/**
 * Launches Chromium with the extension. `pages` maps a URL prefix (https://host/path) to a fixture
 * file; `serve(url, fixture)` adds one later. Returns helpers and the request log.
 * `userDataDir`: a profile to keep (a bench reusing its seeded notebooks); by default a fresh one,
 * removed on close. `downloads`: the profile's downloads folder. `extensionDir`: another build (a
 * bench's stripped copy).
 */
export async function launch({ lang = 'en-US', extraArgs = [], headless = true, userDataDir: keep, downloads, extensionDir = EXTENSION_DIR } = {}) {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`build first: ${extensionDir} is missing`);
  const userDataDir = keep ?? mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
  if (downloads) {
    // The profile's own downloads folder, as a user sets it (the downloads API saves relative to it).
    mkdirSync(join(userDataDir, 'Default'), { recursive: true });
    writeFileSync(
      join(userDataDir, 'Default', 'Preferences'),
      JSON.stringify({ download: { default_directory: downloads, prompt_for_download: false, directory_upgrade: true }, savefile: { default_directory: downloads } }),
    );
  }
  const args = chromiumArgs(userDataDir, [`--lang=${lang}`, ...extraArgs], headless, extensionDir);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    ignoreDefaultArgs: true,
    args,
    locale: lang,
    viewport: headless ? { width: 1400, height: 900 } : null,
    env: { ...process.env, LANGUAGE: lang.replace('-', '_') },
  });

  /** Every http(s) request any context made: {url, from} where from is 'page', 'extension' or 'worker'. */
  const requests = [];
  const routes = new Map();
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    // Packaged files and inline data never leave the machine.
    if (!/^(https?|wss?|ftp):$/.test(url.protocol)) {
      await route.continue();
      return;
    }
    let from = 'page';
    try {
      if (request.serviceWorker()) from = 'worker';
      else if (request.frame().url().startsWith('chrome-extension://')) from = 'extension';
    } catch {
      from = 'worker';
    }
    requests.push({ url: url.href, from, type: request.resourceType() });
    const fixture = request.resourceType() === 'document' ? findRoute(routes, url) : undefined;
    if (fixture && from === 'page') {
      await route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'Content-Security-Policy': "script-src 'nonce-fx' 'strict-dynamic'; object-src 'none'" },
        body: readFileSync(fixture),
      });
      return;
    }
    await route.abort('blockedbyclient');
  });

  let worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  const extensionId = new URL(worker.url()).host;
  if (downloads) {
    // Playwright saves every download under a generated name in its own folder; hand downloads
    // back to the browser so they land where the profile says, under the name the extension chose.
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'default' });
    await cdp.detach();
  }

  return {
    context,
    worker,
    extensionId,
    requests,
    /** Serves a fixture file for every URL starting with this prefix. */
    serve(prefix, fixtureName) {
      routes.set(prefix, fixturePath(fixtureName));
    },
    /** Requests made by extension contexts (pages or the service worker). */
    extensionRequests() {
      return requests.filter((r) => r.from !== 'page');
    },
    /** Requests pages made to hosts we do not serve. */
    strayRequests() {
      return requests.filter((r) => r.from === 'page' && !FIXTURE_HOSTS.includes(new URL(r.url).hostname));
    },
    async extensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      if (!keep) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

function findRoute(routes, url) {
  const href = url.href;
  let best;
  for (const [prefix, file] of routes) {
    if (href.startsWith(prefix) && (!best || prefix.length > best[0].length)) best = [prefix, file];
  }
  return best?.[1];
}

/**
 * The id of the tab whose reported page context has a URL starting with `prefix`, read from the
 * background's session store through an extension page (we hold no "tabs" permission to query URLs).
 */
export async function tabIdFor(extensionPage, prefix, timeout = 10_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const id = await extensionPage.evaluate(async (p) => {
      const all = await chrome.storage.session.get(null);
      const hit = Object.entries(all).find(([key, value]) => key.startsWith('context:') && value?.url?.startsWith(p));
      return hit ? Number(hit[0].slice('context:'.length)) : undefined;
    }, prefix);
    if (id !== undefined) return id;
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}

export function artifactPath(name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

/** The sidebar frame's Frame object in a webmail page. */
export async function sidebarFrame(page, timeout = 10_000) {
  const handle = await page.waitForSelector('#rapport-root iframe', { state: 'attached', timeout });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('sidebar frame has no content');
  await frame.waitForSelector('[data-testid="sidebar"]', { timeout });
  return frame;
}
