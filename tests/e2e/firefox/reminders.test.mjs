// Firefox: the toolbar badge (browserAction in the MV2 build) counts a follow-up due today and
// clears when it is done, like in Chrome.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './harness.mjs';

const pad = (n) => String(n).padStart(2, '0');
const now = new Date();
const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

describe('Firefox: reminders badge', () => {
  let b;
  let page;
  let dir;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-ff-reminders-'));
    b = await launch();
    page = await b.extensionPage('options.html#transfer');
  });
  after(async () => {
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const badge = () => page.evaluate(() => browser.browserAction.getBadgeText({}));
  const waitForBadge = async (want) => {
    for (let i = 0; i < 50 && (await badge()) !== want; i++) await new Promise((r) => setTimeout(r, 100));
    return badge();
  };

  test('a follow-up due today sets the badge; done clears it', async () => {
    assert.equal(await badge(), '');
    const stamp = '2026-01-01T08:00:00.000Z';
    const data = {
      contacts: [{ id: 'ct_ff-anke', displayName: 'Anke Sommerfeld', emails: [], phones: [], tags: [], value: {}, preferences: { channels: [], topics: [] }, createdAt: stamp, updatedAt: stamp }],
      interactions: [],
      followUps: [{ id: 'fu_ff-call', contactId: 'ct_ff-anke', due: today, what: 'Call back', createdAt: stamp, updatedAt: stamp }],
      checks: [],
      companies: [],
      pipelines: [],
    };
    const file = join(dir, 'today.json');
    writeFileSync(file, JSON.stringify({ format: 'rapport-backup', version: 2, exportedAt: new Date().toISOString(), appVersion: '0.1.0', data }));
    const input = await page.waitForSelector('[data-testid="import-file"]');
    await input.uploadFile(file);
    await page.waitForSelector('[data-testid="import-confirm"]');
    await page.click('[data-testid="import-confirm"]');
    await page.waitForSelector('[data-testid="import-report"]');
    assert.equal(await waitForBadge('1'), '1');
    assert.match(await page.evaluate(() => browser.browserAction.getTitle({})), /1 for today/);

    await page.evaluate(() => (location.hash = '#today'));
    const done = await page.waitForSelector('[data-testid="list-row"][data-contact-id="ct_ff-anke"] [data-testid="today-done"]');
    await done.click();
    assert.equal(await waitForBadge(''), '');
  });

  test('no extension script logged an error', () => {
    assert.deepEqual(b.extensionErrors(), []);
  });

  test('no request left the machine from any extension context', () => {
    assert.deepEqual(b.extensionRequests(), []);
  });
});
