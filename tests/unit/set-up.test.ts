// npm start and npm test on a machine without the browsers: one line naming the command, no stack.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, args, { env: { ...process.env, RAPPORT_NO_INSTALL: '1', ...env }, encoding: 'utf8' });

describe('set-up when a browser is missing and may not be installed', () => {
  it('npm start (Chromium) stops with one line naming the apt-get command', () => {
    const r = run(['tests/demo/start.mjs'], { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('apt-get install -y chromium chromium-l10n');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('npm start -- --firefox stops with one line naming the apt-get command', () => {
    const r = run(['tests/demo/start.mjs', '--firefox'], { FIREFOX_PATH: '/nonexistent/firefox-esr' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('apt-get install -y firefox-esr');
  });

  it('npm test checks both browsers first and names every missing package', () => {
    const r = run(['tests/browsers.mjs'], { CHROMIUM_PATH: '/nonexistent/chromium', FIREFOX_PATH: '/nonexistent/firefox-esr' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('apt-get install -y chromium chromium-l10n firefox-esr');
  });
});
