// npm start: Chromium with Rapport on a local demo mailbox and LinkedIn profile, offline, in a
// throwaway profile. Pages are the dated fixtures in tests/fixtures served under the real host
// names; the notebook is seeded through the workspace's own import. DEMO_HEADLESS=1 (or no
// display) takes screenshots into tests/e2e/.artifacts/ and exits.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { artifactPath, launch, sidebarFrame } from '../e2e/harness.mjs';
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
await workspace.setInputFiles('[data-testid="import-file"]', backup);
await workspace.click('[data-testid="import-confirm"]');
await workspace.locator('[data-testid="import-report"]').waitFor();
console.log(`demo notebook imported: ${await workspace.locator('[data-testid="import-report"]').innerText()}`);

const gmail = await b.context.newPage();
await gmail.goto(GMAIL_DE);
const frame = await sidebarFrame(gmail);
await frame.locator('[data-testid="contact-card"]').waitFor();
const linkedin = await b.context.newPage();
await linkedin.goto(LINKEDIN);

if (headless) {
  await frame.locator('[data-testid="preference-warning"]').first().waitFor();
  await gmail.screenshot({ path: artifactPath('demo-gmail.png') });
  const panel = await b.extensionPage('sidebar.html');
  await panel.setViewportSize({ width: 380, height: 1000 });
  const tabs = await panel.evaluate(async () => Object.keys(await chrome.storage.session.get(null)));
  const id = tabs.map((k) => Number(k.split(':')[1])).filter(Number.isInteger).pop();
  await panel.goto(`chrome-extension://${b.extensionId}/sidebar.html?tabId=${id}`);
  await panel.locator('[data-testid="contact-card"]').waitFor();
  await panel.screenshot({ path: artifactPath('demo-linkedin-panel.png'), fullPage: true });
  console.log('screenshots: tests/e2e/.artifacts/demo-gmail.png, demo-linkedin-panel.png');
  await b.close();
} else {
  await gmail.bringToFront();
  console.log(
    [
      'Rapport demo is running (offline, throwaway profile).',
      '- Gmail tab: the sidebar docks at the right; Anke Sommerfeld is known, with warnings and an overdue follow-up.',
      '- LinkedIn tab: click the Rapport toolbar button (or Alt+Shift+R) to open the side panel.',
      '- Workspace tab: search, import and export.',
      'Close the browser window to end the demo.',
    ].join('\n'),
  );
  await new Promise((resolve) => b.context.on('close', resolve));
}
