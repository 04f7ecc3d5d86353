// Reminders (issue 11) in real Chromium: a follow-up due today sets the toolbar badge and raises
// one notification; marking it done clears the badge; after a gap (the browser closed, simulated by
// the stored "last run" being yesterday) the missed reminders come as one summary notification.
// The alarm is the production one: the test only asks the browser to fire it now.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch } from './harness.mjs';

const pad = (n) => String(n).padStart(2, '0');
const localDay = (d) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const today = localDay(new Date());
const yesterday = localDay(new Date(Date.now() - 86_400_000));

const contact = (id, name) => ({
  id,
  displayName: name,
  emails: [`${id.slice(3)}@example.test`],
  phones: [],
  tags: [],
  value: {},
  preferences: { channels: [], topics: [] },
  createdAt: '2026-01-01T08:00:00.000Z',
  updatedAt: '2026-01-01T08:00:00.000Z',
});
const followUp = (id, contactId, due, what) => ({ id, contactId, due, what, createdAt: '2026-01-01T08:00:00.000Z', updatedAt: '2026-01-01T08:00:00.000Z' });

function backup(name, contacts, followUps) {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-reminders-'));
  const file = join(dir, name);
  const data = { contacts, interactions: [], followUps, checks: [], companies: [], pipelines: [] };
  writeFileSync(file, JSON.stringify({ format: 'rapport-backup', version: 2, exportedAt: new Date().toISOString(), appVersion: '0.1.0', data }));
  return file;
}

describe('reminders', () => {
  let b;
  let page;
  before(async () => {
    b = await launch();
    page = await b.extensionPage('options.html#settings');
  });
  after(async () => b?.close());

  const badge = () => page.evaluate(() => chrome.action.getBadgeText({}));
  const waitForBadge = async (want) => {
    for (let i = 0; i < 50 && (await badge()) !== want; i++) await new Promise((r) => setTimeout(r, 100));
    return badge();
  };
  /** The notifications on screen, by id (read in the service worker, where they were created). */
  const notifications = () => b.worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()).sort());
  /** Fires the reminder alarm now: the production handler runs, as it does when the alarm falls due. */
  const fireAlarm = async () => {
    const firedAt = await b.worker.evaluate(async () => {
      const now = Date.now();
      await chrome.alarms.create('reminders', { when: now });
      return now;
    });
    // The run is over once it has stored its state and, last, set the alarm for its next run.
    for (let i = 0; i < 100; i++) {
      const done = await b.worker.evaluate(async (t) => {
        const last = (await chrome.storage.local.get('reminderState')).reminderState?.lastRunAt ?? 0;
        const next = await chrome.alarms.get('reminders');
        return last >= t && next !== undefined && next.scheduledTime > t;
      }, firedAt);
      if (done) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the reminder alarm did not run');
  };
  const importFile = async (file) => {
    await page.goto(page.url().replace(/#.*$/, '') + '#transfer');
    await page.setInputFiles('[data-testid="import-file"]', file);
    await page.click('[data-testid="import-confirm"]');
    await page.locator('[data-testid="import-report"]').waitFor();
  };

  test('settings: time of day, quiet hours, weekends and reply target are saved for the background', async () => {
    await page.locator('[data-testid="reminder-settings"]').waitFor();
    // Whatever the hour and weekday the test runs at, a follow-up due today is due now.
    await page.fill('[data-testid="reminder-settings"] input[name="timeOfDay"]', '00:00');
    await page.uncheck('[data-testid="reminder-settings"] input[name="quietHours"]');
    await page.uncheck('[data-testid="reminder-settings"] input[name="weekendsOff"]');
    await page.fill('[data-testid="reminder-settings"] input[name="replyTargetDays"]', '2');
    await page.locator('[data-testid="reminder-settings-saved"]').waitFor();
    const stored = await page.evaluate(async () => (await chrome.storage.local.get('reminderSettings')).reminderSettings);
    assert.deepEqual(
      { timeOfDay: stored.timeOfDay, quietHours: stored.quietHours, weekendsOff: stored.weekendsOff, replyTargetDays: stored.replyTargetDays },
      { timeOfDay: '00:00', quietHours: false, weekendsOff: false, replyTargetDays: 2 },
    );
    // The defaults of the rest are kept.
    assert.equal(stored.followUps, true);
    assert.equal(await badge(), '');
  });

  test('a follow-up due today sets the badge and raises one notification; done clears the badge', async () => {
    await fireAlarm(); // the notebook is empty: nothing to say
    assert.deepEqual(await notifications(), []);
    await importFile(backup('today.json', [contact('ct_rem-anke', 'Anke Sommerfeld')], [followUp('fu_rem-call', 'ct_rem-anke', today, 'Call back about the offer')]));
    // The import's write reaches the background as a change: the badge follows without the alarm.
    assert.equal(await waitForBadge('1'), '1');
    const title = await page.evaluate(() => chrome.action.getTitle({}));
    assert.equal(title, 'Rapport: 1 for today (1 follow-up due or overdue)');

    await fireAlarm();
    assert.deepEqual(await notifications(), ['rapport|followup|ct_rem-anke|fu_rem-call']);
    // Once only: the next run says nothing more.
    await b.worker.evaluate(async () => {
      for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
    });
    await fireAlarm();
    assert.deepEqual(await notifications(), []);

    await page.goto(page.url().replace(/#.*$/, '') + '#today');
    await page.click('[data-testid="list-today"] [data-testid="list-row"][data-contact-id="ct_rem-anke"] [data-testid="today-done"]');
    assert.equal(await waitForBadge(''), '');
  });

  test('after the browser was closed, the missed reminders come as one summary notification', async () => {
    await importFile(
      backup(
        'missed.json',
        [contact('ct_rem-bert', 'Bert Brandt'), contact('ct_rem-carla', 'Carla Conti')],
        [followUp('fu_rem-b', 'ct_rem-bert', yesterday, 'Send the contract'), followUp('fu_rem-c', 'ct_rem-carla', today, 'Ask for the referral'), followUp('fu_rem-c2', 'ct_rem-carla', yesterday, 'Price list')],
      ),
    );
    assert.equal(await waitForBadge('3'), '3');
    // The last run was yesterday: everything that fell due since was missed while the browser was closed.
    await b.worker.evaluate(() => chrome.storage.local.set({ reminderState: { lastRunAt: Date.now() - 86_400_000, fired: {}, catchUpPending: false } }));
    await fireAlarm();
    const shown = await notifications();
    assert.equal(shown.length, 1, JSON.stringify(shown));
    assert.match(shown[0], /^rapport\|summary\|/);
    const state = await b.worker.evaluate(async () => (await chrome.storage.local.get('reminderState')).reminderState);
    assert.deepEqual(Object.keys(state.fired).sort(), ['fu:fu_rem-b:' + yesterday, 'fu:fu_rem-c2:' + yesterday, 'fu:fu_rem-c:' + today].sort());
  });

  test('all reminders off: no notification and no badge', async () => {
    await b.worker.evaluate(async () => {
      for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
    });
    await page.goto(page.url().replace(/#.*$/, '') + '#settings');
    for (const name of ['followUps', 'keepInTouch', 'awaitingReply']) await page.uncheck(`[data-testid="reminder-settings"] input[name="${name}"]`);
    assert.equal(await waitForBadge(''), '');
    await b.worker.evaluate(() => chrome.storage.local.set({ reminderState: { lastRunAt: Date.now() - 86_400_000, fired: {}, catchUpPending: false } }));
    await fireAlarm();
    assert.deepEqual(await notifications(), []);
    assert.equal(await badge(), '');
  });

  test('no request left the extension', () => {
    assert.deepEqual(b.extensionRequests(), []);
  });
});
