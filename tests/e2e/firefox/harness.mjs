// Real-browser harness for Firefox: Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi,
// the Firefox build installed as a temporary add-on, fixture pages served under the real host names by
// an HTTPS server on 127.0.0.1:443 (the pref network.dns.forceResolve sends every host there), and a
// log of every request that reached it. Firefox has no --host-resolver-rules, hence port 443.
//
// What BiDi lets a test see: web pages and, inside them, the docked sidebar frame (its document is
// listed among the page's frames, under a stale about:blank URL); top-level extension pages once a
// page has navigated there itself (BiDi refuses to navigate to moz-extension:// but runs scripts in
// such a tab). So extensionPage() loads a plain page, which then opens the web-accessible
// sidebar.html, which moves on to the page wanted: the built extension, unchanged, is what runs.
import puppeteer from 'puppeteer-core';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createHttpServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, FIXTURE_HOSTS, fixturePath } from '../harness.mjs';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv2');
export const ADDON_ID = 'rapport@rapport.example';
/** Where the fixture pages of every Firefox test come from: the one port Firefox can be sent to. */
export const FIXTURE_PORT = 443;

const FIXTURE_CSP = "script-src 'nonce-fx' 'strict-dynamic'; object-src 'none'";

// ---------------------------------------------------------------------------------------------
// The fixture server: one per process, shared by every browser the process launches.

let server;
let serverUsers = 0;

function certificate(dir) {
  const names = [...FIXTURE_HOSTS, 'rapport-start.example'].map((h) => `DNS:${h}`).join(',');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=rapport-e2e',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-addext', `subjectAltName=${names}`],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

function listen(srv, port) {
  return new Promise((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(port, '127.0.0.1', () => {
      srv.off('error', reject);
      resolve();
    });
  });
}

/** Listens on 443 (and 80, to see plain-HTTP requests); waits a while if another run holds the port. */
async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-ff-cert-'));
  const tls = certificate(dir);
  rmSync(dir, { recursive: true, force: true });
  const state = { log: [], forgotten: new Set(), handler: undefined };
  const record = (scheme) => (req, res) => {
    const entry = {
      url: `${scheme}://${req.headers.host ?? ''}${req.url}`,
      host: (req.headers.host ?? '').replace(/:\d+$/, ''),
      dest: req.headers['sec-fetch-dest'] ?? '',
      origin: req.headers.origin ?? '',
      referer: req.headers.referer ?? '',
    };
    state.log.push(entry);
    if (!state.handler?.(entry, req, res)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not served');
    }
  };
  const https = createHttpsServer(tls, record('https'));
  const http = createHttpServer(record('http'));
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await listen(https, FIXTURE_PORT);
      break;
    } catch (error) {
      if (error.code === 'EACCES') {
        throw new Error(`Firefox e2e: port ${FIXTURE_PORT} needs root (or: sudo sysctl net.ipv4.ip_unprivileged_port_start=443)`);
      }
      if (error.code !== 'EADDRINUSE' || Date.now() > deadline) {
        throw new Error(`Firefox e2e: cannot listen on 127.0.0.1:${FIXTURE_PORT} (${error.code}); is another Firefox e2e run going?`);
      }
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
  await listen(http, 80).catch(() => undefined);
  return {
    state,
    close: () => Promise.all([https, http].map((s) => new Promise((r) => (s.listening ? s.close(() => r()) : r())))),
  };
}

async function acquireServer() {
  server ??= startServer();
  serverUsers++;
  return server;
}

async function releaseServer() {
  serverUsers--;
  if (serverUsers > 0 || !server) return;
  const s = await server;
  server = undefined;
  await s.close();
}

// ---------------------------------------------------------------------------------------------

/** Stops with one clear line when Firefox or the build is missing. */
export function firefoxMissing() {
  if (!existsSync(FIREFOX)) return `Firefox ESR is missing at ${FIREFOX}: apt-get install -y firefox-esr (or set FIREFOX_PATH)`;
  if (!existsSync(join(FIREFOX_BUILD, 'manifest.json'))) return 'build first: npm run build:firefox';
  return undefined;
}

/**
 * Launches Firefox with the Firefox build installed. `pinUuid: false` lets Firefox pick the
 * extension's per-install UUID itself (the harness then reads it from the docked frame).
 */
export async function launch({ lang = 'en-US', prefs = {}, pinUuid = true, downloads, headless = true } = {}) {
  const missing = firefoxMissing();
  if (missing) throw new Error(missing);
  const srv = await acquireServer();
  const routes = new Map();
  const startedAt = srv.state.log.length;
  // The log is shared by every browser this process runs at a time: what one forgets, all forget.
  const forgotten = srv.state.forgotten;
  srv.state.handler = (entry, req, res) => {
    if (entry.url.startsWith('https://rapport-start.example/')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>start</title><p>start</p>');
      return true;
    }
    const body = findRoute(routes, entry.url);
    if (body === undefined || !FIXTURE_HOSTS.includes(entry.host)) return false;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': FIXTURE_CSP });
    res.end(body());
    return true;
  };
  const uuid = pinUuid ? randomUUID() : undefined;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless,
    acceptInsecureCerts: true,
    defaultViewport: headless ? { width: 1400, height: 900 } : null,
    env: { ...process.env, LANG: `${lang.replace('-', '_')}.UTF-8`, LANGUAGE: lang.replace('-', '_') },
    extraPrefsFirefox: {
      // Every host name resolves to 127.0.0.1, where only our fixture server listens.
      'network.dns.forceResolve': '127.0.0.1',
      'network.dns.disableIPv6': true,
      'network.proxy.type': 0,
      // Firefox's own services stay as quiet as prefs allow (what is left: see isFirefoxService).
      'app.normandy.enabled': false,
      'browser.safebrowsing.provider.mozilla.updateURL': '',
      'network.connectivity-service.enabled': false,
      'network.captive-portal-service.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'browser.region.update.enabled': false,
      'browser.search.update': false,
      // Console output of extension pages and the background goes to the process's stdout.
      'devtools.console.stdout.content': true,
      'devtools.console.stdout.chrome': true,
      'browser.dom.window.dump.enabled': true,
      'intl.locale.requested': lang,
      'intl.accept_languages': lang,
      ...(uuid ? { 'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: uuid }) } : {}),
      ...(downloads
        ? {
            'browser.download.dir': downloads,
            'browser.download.folderList': 2,
            'browser.download.useDownloadDir': true,
            'browser.download.always_ask_before_handling_new_types': false,
            'browser.download.start_downloads_in_tmp_dir': false,
          }
        : {}),
      ...prefs,
    },
  });
  const output = [];
  const collect = (chunk) => output.push(...String(chunk).split('\n').filter(Boolean));
  browser.process()?.stdout?.on('data', collect);
  browser.process()?.stderr?.on('data', collect);
  await browser.installExtension(FIREFOX_BUILD);

  let closed = false;
  const b = {
    browser,
    /** moz-extension://<uuid> of this install. */
    origin: uuid ? `moz-extension://${uuid}` : undefined,
    /** Every request that reached the fixture server since this launch. */
    get requests() {
      return srv.state.log.slice(startedAt).filter((r) => !forgotten.has(r));
    },
    /** Drops requests a self-check made on purpose from the log. */
    forgetRequests(predicate) {
      for (const r of srv.state.log.slice(startedAt)) if (predicate(r)) forgotten.add(r);
    },
    /** Serves a fixture file for every URL starting with this prefix. */
    serve(prefix, fixtureName) {
      const file = fixturePath(fixtureName);
      routes.set(prefix, () => readFileSync(file));
    },
    /** Serves HTML text for every URL starting with this prefix. */
    serveHtml(prefix, html) {
      routes.set(prefix, () => html);
    },
    async newPage() {
      return browser.newPage();
    },
    /** Requests made by extension contexts (they carry the extension's origin). */
    extensionRequests() {
      return b.requests.filter((r) => r.origin.startsWith('moz-extension:') || r.referer.startsWith('moz-extension:'));
    },
    /** Requests that were neither a page loading a fixture we serve nor Firefox's own services. */
    strayRequests() {
      return b.requests.filter((r) => !isFixtureLoad(r) && !isFirefoxService(r));
    },
    /**
     * Lines the browser printed about the extension's own scripts: errors and warnings. Firefox
     * terminates the page-lifecycle handlers of a page that goes away (a closed tab, a removed frame:
     * Dexie's `pagehide` in our pages) and says so; that is teardown, not an error, except in the
     * background page, which only goes away when the browser quits.
     */
    extensionErrors() {
      return output.filter(
        (l) =>
          /moz-extension:\/\//.test(l) &&
          /error|warning|terminated/i.test(l) &&
          !(/Script terminated by timeout/.test(l) && !/\/background\.js\b/.test(l)),
      );
    },
    output,
    /** The extension's origin; read from the docked frame when Firefox picked the UUID itself. */
    async extensionOrigin() {
      if (b.origin) return b.origin;
      const page = await browser.newPage();
      b.serve('https://mail.google.com/rapport-origin', 'gmail-thread.html');
      await page.goto('https://mail.google.com/rapport-origin/mail/u/0/#inbox/FMfcgzQZTMvkXqGbsnHKwPjdBlRrCcMx');
      const src = await page.waitForFunction(() => document.querySelector('#rapport-root iframe')?.src, { timeout: 15_000 });
      // Node's URL gives moz-extension: URLs an opaque "null" origin: cut the path off by hand.
      b.origin = /^moz-extension:\/\/[^/]+/.exec(await src.jsonValue())[0];
      await page.close();
      return b.origin;
    },
    /**
     * A top-level extension page (e.g. `options.html`, `sidebar.html?tabId=3`) in a new tab. BiDi
     * cannot navigate there, so a plain page opens the web-accessible sidebar.html, which moves on.
     */
    async extensionPage(path) {
      const origin = await b.extensionOrigin();
      const page = await browser.newPage();
      await page.goto('https://rapport-start.example/');
      await page.evaluate((url) => location.assign(url), `${origin}/sidebar.html?tabId=0&start=1`);
      await waitForLocation(page, `${origin}/sidebar.html`);
      await page.evaluate((url) => location.assign(url), `${origin}/${path}`);
      await waitForLocation(page, `${origin}/${path}`, true);
      return page;
    },
    /** Moves an extension page of ours to another of our pages (e.g. another tabId). */
    async goto(page, path) {
      const origin = await b.extensionOrigin();
      await page.evaluate((url) => location.assign(url), `${origin}/${path}`);
      await waitForLocation(page, `${origin}/${path}`, true);
    },
    async close() {
      if (closed) return;
      closed = true;
      await browser.close().catch(() => undefined);
      await releaseServer();
    },
  };
  return b;
}

function findRoute(routes, href) {
  let best;
  for (const [prefix, body] of routes) {
    if (href.startsWith(prefix) && (!best || prefix.length > best[0].length)) best = [prefix, body];
  }
  return best?.[1];
}

/** A page (tab or frame) loading one of the fixture documents. */
function isFixtureLoad(r) {
  if (r.url.startsWith('https://rapport-start.example/')) return true;
  return r.url.startsWith('https://') && FIXTURE_HOSTS.includes(r.host) && ['document', 'iframe'].includes(r.dest) && !r.origin && !r.referer.startsWith('moz-extension:');
}

/**
 * Firefox's own background services (remote settings; the pref that moves them is ignored by release
 * builds): Mozilla hosts, requested by the browser itself, which sends no Sec-Fetch-Dest, unlike any
 * page or extension.
 */
function isFirefoxService(r) {
  return !r.dest && !r.origin && !r.referer && /(^|\.)(mozilla\.(com|net|org)|firefox\.com)$/.test(r.host);
}

/** Waits until a tab shows a URL (and, with `loaded`, its document finished loading). */
async function waitForLocation(page, prefix, loaded = false, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      const ok = await page.evaluate(
        (p, l) => location.href.startsWith(p) && (!l || document.readyState === 'complete'),
        prefix,
        loaded,
      );
      if (ok) return;
    } catch {
      // Navigating: the old document is gone, the new one not there yet.
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${prefix}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The docked sidebar's frame in a webmail page, read through BiDi (listed under a stale URL, so
 * found by asking each frame where it is).
 */
export async function sidebarFrame(page, timeout = 15_000) {
  await page.waitForSelector('#rapport-root iframe', { timeout });
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const href = await frame.evaluate(() => location.href).catch(() => '');
      if (!href.startsWith('moz-extension://')) continue;
      const ready = await frame.evaluate(() => Boolean(document.querySelector('[data-testid="sidebar"]'))).catch(() => false);
      if (ready) return frame;
    }
    if (Date.now() > deadline) throw new Error('the sidebar frame did not render');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The tab id whose reported page context has a URL starting with `prefix` (read from session storage). */
export async function tabIdFor(extensionPage, prefix, timeout = 10_000) {
  const handle = await extensionPage.waitForFunction(
    async (p) => {
      const all = await browser.storage.session.get(null);
      const hit = Object.entries(all).find(([key, value]) => key.startsWith('context:') && value?.url?.startsWith(p));
      return hit ? Number(hit[0].slice('context:'.length)) : false;
    },
    { timeout, polling: 100 },
    prefix,
  );
  return handle.jsonValue();
}

/** Files Firefox saved into a downloads folder, once their download finished. */
export async function downloadedFiles(dir, count = 1, timeout = 15_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const files = readdirSync(dir).filter((f) => !f.endsWith('.part'));
    const partial = readdirSync(dir).some((f) => f.endsWith('.part'));
    if (files.length >= count && !partial) return files.map((f) => join(dir, f));
    if (Date.now() > deadline) throw new Error(`no download in ${dir}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
