import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '../../../utils/db/db';
import { createContact } from '../../../utils/db/repos/contacts';
import { addFollowUp } from '../../../utils/db/repos/followups';
import { addDays } from '../../../utils/domain/cadence';
import { localDay } from '../../../utils/domain/followup';
import { ContextStore } from '../../../utils/messaging/context-store';
import { registerReminders } from './reminders';

/* The background's wiring with the fake browser: the alarm shows the notification, its buttons act without opening anything, a click opens the contact. */

type Alarm = { name: string; scheduledTime: number };
const today = () => localDay(new Date());

async function runAlarm(): Promise<void> {
  const before = ((await fakeBrowser.storage.local.get('reminderState')).reminderState as { lastRunAt?: number } | undefined)?.lastRunAt ?? 0;
  await fakeBrowser.alarms.onAlarm.trigger({ name: 'reminders', scheduledTime: Date.now() } as Alarm);
  await vi.waitFor(async () => {
    const state = (await fakeBrowser.storage.local.get('reminderState')).reminderState as { lastRunAt?: number } | undefined;
    expect(state?.lastRunAt ?? 0).toBeGreaterThan(before);
    expect(await fakeBrowser.alarms.get('reminders')).toBeDefined();
  });
}

describe('reminders in the background', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await getDb().open();
    await fakeBrowser.storage.local.set({ reminderSettings: { timeOfDay: '00:00', quietHours: false, weekendsOff: false } });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await getDb().delete();
  });

  it('announces a follow-up due today once; "Done" and "Tomorrow" act without opening anything; a click opens the contact', async () => {
    const db = getDb();
    const anke = await createContact(db, { displayName: 'Anke Sommerfeld' });
    const call = await addFollowUp(db, { contactId: anke.id, due: today(), what: 'Call back' });
    const mail = await addFollowUp(db, { contactId: anke.id, due: today(), what: 'Send the offer' });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    registerReminders(new ContextStore(undefined));
    await runAlarm();
    const shown = await fakeBrowser.notifications.getAll();
    const ids = Object.keys(shown).sort();
    expect(ids).toEqual([`rapport|followup|${anke.id}|${call.id}`, `rapport|followup|${anke.id}|${mail.id}`].sort());
    expect(shown[`rapport|followup|${anke.id}|${call.id}`]).toMatchObject({ title: 'Follow-up due: Anke Sommerfeld', message: 'Call back' });
    expect(await fakeBrowser.action.getTitle({})).toBe('Rapport: 2 for today (2 follow-ups due or overdue)');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('2');

    await fakeBrowser.notifications.onButtonClicked.trigger(`rapport|followup|${anke.id}|${call.id}`, 0);
    await fakeBrowser.notifications.onButtonClicked.trigger(`rapport|followup|${anke.id}|${mail.id}`, 1);
    await vi.waitFor(async () => {
      expect((await db.followUps.get(call.id))?.doneAt).toBeDefined();
      expect((await db.followUps.get(mail.id))?.due).toBe(addDays(today(), 1));
    });
    expect(create).not.toHaveBeenCalled();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});

    // Once only: the next run announces nothing (the snoozed one is due tomorrow).
    await runAlarm();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});

    await fakeBrowser.notifications.onClicked.trigger(`rapport|followup|${anke.id}|${call.id}`);
    await vi.waitFor(() => expect(create).toHaveBeenCalledWith({ url: expect.stringMatching(new RegExp(`/options\\.html#contact/${anke.id}$`)) }));
  });

  it('all kinds off: no notification and an empty badge', async () => {
    const db = getDb();
    const anke = await createContact(db, { displayName: 'Anke Sommerfeld' });
    await addFollowUp(db, { contactId: anke.id, due: today(), what: 'Call back' });
    await fakeBrowser.storage.local.set({ reminderSettings: { followUps: false, keepInTouch: false, awaitingReply: false, timeOfDay: '00:00', quietHours: false, weekendsOff: false } });
    const badge = vi.spyOn(fakeBrowser.action, 'setBadgeText');
    registerReminders(new ContextStore(undefined));
    await runAlarm();
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(badge).toHaveBeenLastCalledWith({ text: '' });
  });
});
