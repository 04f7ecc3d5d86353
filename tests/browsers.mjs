// Makes sure the browsers the demo and the real-browser tests drive are installed: Debian's Chromium
// (with its German locale, for the German-UI test) and Firefox ESR. Installs what is missing with
// apt-get when it may (root, apt-get present); otherwise stops with one line naming the command.
//   node tests/browsers.mjs [chromium] [firefox]   (both when none is named)
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

/** Each browser: is it there, and which Debian packages provide it. */
const BROWSERS = {
  chromium: {
    present: () => existsSync(CHROMIUM) && (process.env.CHROMIUM_PATH || existsSync('/usr/lib/chromium/locales/de.pak')),
    packages: ['chromium', 'chromium-l10n'],
  },
  firefox: { present: () => existsSync(FIREFOX), packages: ['firefox-esr'] },
};

function hasAptGet() {
  try {
    execFileSync('apt-get', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Returns an error line, or undefined once every named browser is there. */
export function ensureBrowsers(names = Object.keys(BROWSERS)) {
  const missing = names.filter((name) => !BROWSERS[name].present());
  if (missing.length === 0) return undefined;
  const packages = missing.flatMap((name) => BROWSERS[name].packages);
  const command = `apt-get install -y ${packages.join(' ')}`;
  // RAPPORT_NO_INSTALL=1: never install (CI images that must stay as built; the tests of this line).
  if (process.env.RAPPORT_NO_INSTALL === '1' || process.getuid?.() !== 0 || !hasAptGet()) {
    return `Rapport needs ${missing.join(' and ')}: run \`sudo apt-get update && sudo ${command}\` (or set ${missing.map((m) => (m === 'chromium' ? 'CHROMIUM_PATH' : 'FIREFOX_PATH')).join('/')})`;
  }
  console.log(`installing ${packages.join(', ')} (apt-get)…`);
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env });
    execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'ignore', env });
  } catch {
    return `installing the browsers failed: run \`apt-get update && ${command}\` and look at its output`;
  }
  const still = missing.filter((name) => !BROWSERS[name].present());
  return still.length ? `${still.join(' and ')} still missing after \`${command}\`` : undefined;
}

/**
 * The Firefox tests serve their pages on 127.0.0.1:443 (Firefox can only be pointed at a host, not a
 * port): returns an error line when this user may not listen there. A port in use is fine (another
 * run holds it; the harness waits for it).
 */
export function checkFixturePort() {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (error) =>
      resolve(
        error.code === 'EACCES'
          ? 'the Firefox tests serve pages on 127.0.0.1:443: run them as root, or allow it with `sudo sysctl -w net.ipv4.ip_unprivileged_port_start=443`'
          : undefined,
      ),
    );
    server.listen(443, '127.0.0.1', () => server.close(() => resolve(undefined)));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const named = process.argv.slice(2).filter((a) => a in BROWSERS);
  const names = named.length ? named : Object.keys(BROWSERS);
  const error = ensureBrowsers(names) ?? (names.includes('firefox') ? await checkFixturePort() : undefined);
  if (error) {
    console.error(error);
    process.exit(1);
  }
}
