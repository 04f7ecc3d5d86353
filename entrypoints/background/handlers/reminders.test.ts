import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getDb } from '../../../utils/db/db';
import { createContact } from '../../../utils/db/repos/contacts';
import { addFollowUp } from '../../../utils/db/repos/followups';
import { addInteraction, timeline } from '../../../utils/db/repos/interactions';
import { addDays } from '../../../utils/domain/cadence';
import { localDay } from '../../../utils/domain/followup';
import { ContextStore } from '../../../utils/messaging/context-store';
import { readReminderState } from '../../../utils/domain/reminders';
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

  describe('every kind offers "Done" and "Tomorrow" (fixed clock: Tuesday 1 December 2026, 10:00)', () => {
    const NOW = new Date(2026, 11, 1, 10);
    const TOMORROW_9 = new Date(2026, 11, 2, 9).getTime();
    beforeEach(async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(NOW);
      await fakeBrowser.storage.local.set({ reminderSettings: {} });
    });
    afterEach(() => vi.useRealTimers());

    const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();
    const state = async () => readReminderState((await fakeBrowser.storage.local.get('reminderState')).reminderState);
    /** Bert: a weekly cadence, last called ten days ago. Carla: her mail of last Thursday is unanswered. Anke: a follow-up due today. */
    async function seed() {
      const db = getDb();
      const anke = await createContact(db, { displayName: 'Anke Sommerfeld' });
      const bert = await createContact(db, { displayName: 'Bert Brandt', keepInTouchDays: 7 });
      const carla = await createContact(db, { displayName: 'Carla Conti', emails: ['carla@conti.example'] });
      await addInteraction(db, { contactIds: [bert.id], kind: 'call', channel: 'phone', direction: 'outbound', occurredAt: daysAgo(10), text: '' });
      await addInteraction(db, {
        contactIds: [carla.id],
        kind: 'email',
        channel: 'email',
        direction: 'inbound',
        occurredAt: daysAgo(5),
        subject: 'Angebot?',
        text: '',
        source: { site: 'gmail', messageId: 'carla-1' },
      });
      const call = await addFollowUp(db, { contactId: anke.id, due: today(), what: 'Call back' });
      return { db, anke, bert, carla, call };
    }
    const idOf = (ids: string[], kind: string) => ids.find((id) => id.startsWith(`rapport|${kind}|`))!;

    it('each single notification carries both buttons; "Done" on keep-in-touch logs one touchpoint, on awaiting ends that reminder', async () => {
      const { db, bert, carla } = await seed();
      const create = vi.spyOn(fakeBrowser.tabs, 'create');
      const notify = vi.spyOn(fakeBrowser.notifications, 'create');
      registerReminders(new ContextStore(undefined));
      await runAlarm();
      const shown = Object.keys(await fakeBrowser.notifications.getAll()).sort();
      expect(shown).toHaveLength(3);
      for (const [, options] of notify.mock.calls as unknown as [string, { buttons?: { title: string }[] }][]) {
        expect(options.buttons?.map((b) => b.title)).toEqual(['Done', 'Tomorrow']);
      }
      const kit = idOf(shown, 'keep-in-touch');
      const aw = idOf(shown, 'awaiting');
      expect(kit).toMatch(new RegExp(`^rapport\\|keep-in-touch\\|${bert.id}\\|kit:${bert.id}:`));
      expect(aw).toMatch(new RegExp(`^rapport\\|awaiting\\|${carla.id}\\|aw:${carla.id}:`));
      expect(await fakeBrowser.action.getBadgeText({})).toBe('2');

      await fakeBrowser.notifications.onButtonClicked.trigger(kit, 0);
      await fakeBrowser.notifications.onButtonClicked.trigger(kit, 0);
      await fakeBrowser.notifications.onButtonClicked.trigger(aw, 0);
      await vi.waitFor(async () => {
        expect(Object.keys((await state()).dismissed)).toEqual([aw.split('|')[3]!]);
        expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
      });
      // Reached: one entry "in touch" now (twice clicked, once logged), so the cadence starts again from today.
      const entries = (await timeline(db, bert.id)).filter((i) => i.source?.site === 'manual');
      expect(entries.map((i) => [i.kind, i.channel, i.direction, i.occurredAt.slice(0, 13), i.subject])).toEqual([
        ['message', 'other', 'outbound', NOW.toISOString().slice(0, 13), 'In touch (marked done on the keep-in-touch reminder)'],
      ]);
      expect((await db.contacts.get(bert.id))?.lastInteractionAt).toBe(entries[0]!.occurredAt);
      expect(create).not.toHaveBeenCalled();

      // The next run: neither comes back (Bert is no longer due, Carla's reminder is over).
      await fakeBrowser.notifications.clear(idOf(shown, 'followup'));
      vi.setSystemTime(new Date(2026, 11, 1, 11));
      await runAlarm();
      expect(await fakeBrowser.notifications.getAll()).toEqual({});
    });

    it('"Tomorrow" on keep-in-touch and awaiting brings them back tomorrow at the time of day', async () => {
      const { carla } = await seed();
      registerReminders(new ContextStore(undefined));
      await runAlarm();
      const shown = Object.keys(await fakeBrowser.notifications.getAll());
      const kit = idOf(shown, 'keep-in-touch');
      const aw = idOf(shown, 'awaiting');
      await fakeBrowser.notifications.onButtonClicked.trigger(kit, 1);
      await fakeBrowser.notifications.onButtonClicked.trigger(aw, 1);
      await vi.waitFor(async () => {
        expect((await state()).snoozed).toEqual({ [kit.split('|')[3]!]: TOMORROW_9, [aw.split('|')[3]!]: TOMORROW_9 });
        expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
      });
      expect((await fakeBrowser.notifications.getAll())[kit]).toBeUndefined();
      // Later today: nothing; tomorrow at 09:00: both again.
      vi.setSystemTime(new Date(2026, 11, 1, 16));
      await runAlarm();
      expect(Object.keys(await fakeBrowser.notifications.getAll()).filter((id) => !id.startsWith('rapport|followup'))).toEqual([]);
      vi.setSystemTime(new Date(TOMORROW_9 - 30 * 60_000));
      await runAlarm();
      vi.setSystemTime(new Date(TOMORROW_9));
      await runAlarm();
      // The run stores its memory before it shows: wait for the notifications themselves.
      await vi.waitFor(async () => {
        const again = Object.keys(await fakeBrowser.notifications.getAll()).filter((id) => !id.startsWith('rapport|followup')).sort();
        expect(again).toEqual([aw, kit].sort());
      });
      expect(aw).toContain(carla.id);
    });

    it('a summary offers "Tomorrow": every reminder it announced comes back tomorrow, follow-ups moved to tomorrow, also those the run\'s memory forgot', async () => {
      const { db, anke, call } = await seed();
      const more = await addFollowUp(db, { contactId: anke.id, due: today(), what: 'Send the offer' });
      // Overdue for ten days: announced by this first run, then no longer in the run's memory (no run reads it again).
      const old = await addFollowUp(db, { contactId: anke.id, due: addDays(today(), -10), what: 'Old' });
      const notify = vi.spyOn(fakeBrowser.notifications, 'create');
      registerReminders(new ContextStore(undefined));
      await runAlarm();
      const shown = Object.keys(await fakeBrowser.notifications.getAll());
      expect(shown).toHaveLength(1);
      expect(shown[0]).toMatch(/^rapport\|summary\|\|\d+$/);
      expect((notify.mock.calls[0] as unknown as [string, { buttons?: { title: string }[] }])[1].buttons?.map((b) => b.title)).toEqual(['Tomorrow']);
      expect(Object.keys((await state()).fired).some((key) => key.includes(old.id))).toBe(false);
      await fakeBrowser.notifications.onButtonClicked.trigger(shown[0]!, 0);
      await vi.waitFor(async () => {
        expect((await db.followUps.get(old.id))?.due).toBe(addDays(today(), 1));
        expect((await db.followUps.get(call.id))?.due).toBe(addDays(today(), 1));
        expect((await db.followUps.get(more.id))?.due).toBe(addDays(today(), 1));
        expect(Object.values((await state()).snoozed)).toEqual([TOMORROW_9, TOMORROW_9]);
      });
      expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    });
  });
});
