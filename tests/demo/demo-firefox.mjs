// npm start -- --firefox: Firefox ESR with Rapport on the local demo mailbox and LinkedIn profile,
// offline, in a throwaway profile (the same pages and notebook as the Chromium demo). The pages are
// served on 127.0.0.1:443 (Firefox's pref network.dns.forceResolve sends every host there).
// DEMO_HEADLESS=1 (or no display) takes screenshots into tests/e2e/.artifacts/ and exits.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifactPath } from '../e2e/harness.mjs';
import { launch, sidebarFrame, tabIdFor } from '../e2e/firefox/harness.mjs';
import { demoBackup } from './demo-data.mjs';

const headless = process.env.DEMO_HEADLESS === '1' || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const GMAIL_DE = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTLkDeWbNrTsQpXyVbGhJkLmN';
const LINKEDIN = 'https://www.linkedin.com/in/noa-ben-ami-7f3c21/';

const b = await launch({ headless });
b.serve('https://mail.google.com/', 'gmail/2026-11-25-thread-de.html');
b.serve('https://www.linkedin.com/in/', 'linkedin/2026-11-25-profile-no-experience.html');

// Seed the notebook the way a user would: import a backup in the workspace.
const backup = join(tmpdir(), `rapport-demo-${Date.now()}.json`);
writeFileSync(backup, JSON.stringify(demoBackup(), null, 2));
const workspace = await b.extensionPage('options.html');
await (await workspace.waitForSelector('[data-testid="import-file"]')).uploadFile(backup);
await workspace.waitForSelector('[data-testid="import-confirm"]');
await workspace.click('[data-testid="import-confirm"]');
const report = await workspace.waitForSelector('[data-testid="import-report"]');
console.log(`demo notebook imported: ${await report.evaluate((el) => el.innerText)}`);

const gmail = await b.newPage();
await gmail.goto(GMAIL_DE);
const frame = await sidebarFrame(gmail);
await frame.waitForSelector('[data-testid="contact-card"]');
const linkedin = await b.newPage();
await linkedin.goto(LINKEDIN);

if (headless) {
  await frame.waitForSelector('[data-testid="preference-warning"]');
  await gmail.bringToFront();
  await gmail.screenshot({ path: artifactPath('demo-firefox-gmail.png') });
  const tabId = await tabIdFor(workspace, 'https://www.linkedin.com/');
  await workspace.setViewport({ width: 380, height: 1000 });
  await b.goto(workspace, `sidebar.html?tabId=${tabId}`);
  await workspace.waitForSelector('[data-testid="contact-card"]');
  await workspace.screenshot({ path: artifactPath('demo-firefox-linkedin-panel.png'), fullPage: true });
  console.log('screenshots: tests/e2e/.artifacts/demo-firefox-gmail.png, demo-firefox-linkedin-panel.png');
  await b.close();
} else {
  await gmail.bringToFront();
  console.log(
    [
      'Rapport demo is running in Firefox (offline, throwaway profile).',
      '- Gmail tab: the sidebar docks at the right; Anke Sommerfeld is known, with warnings and an overdue follow-up.',
      "- LinkedIn tab: click the Rapport toolbar button (or Alt+Shift+R) to open Firefox's sidebar.",
      '- Workspace tab: search, import and export.',
      'Close the browser window to end the demo.',
    ].join('\n'),
  );
  await new Promise((resolve) => b.browser.on('disconnected', resolve));
  await b.close();
}
