import { describe, expect, it } from 'vitest';
import { BADGE_COUNT_CAP, DEFAULT_REMINDER_SETTINGS, badgeFigureText, badgeText, dismissReminders, readReminderState, snoozeReminders, tomorrowAt, type ReminderState } from '../../domain/reminders';
import type { RapportDB } from '../db';
import { createContact } from './contacts';
import { addFollowUp, setFollowUpDone } from './followups';
import { addInteraction, captureInteractions } from './interactions';
import { badgeFigures, readRun, runReminders } from './reminders';
import { freshNotebook } from '../../../tests/support/fresh-db';

let db: RapportDB;
freshNotebook((fresh) => (db = fresh));

/* Monday 2026-11-30, 10:00 local. */
const now = new Date(2026, 10, 30, 10, 0);
const iso = (day: number, hour: number, month = 10) => new Date(2026, month, day, hour).toISOString();
const empty = readReminderState(undefined);
const s = DEFAULT_REMINDER_SETTINGS;
const mail = (contactId: string, occurredAt: string, messageId: string, direction: 'inbound' | 'outbound' = 'inbound') =>
  captureInteractions(db, [{ contactIds: [contactId as never], kind: 'email', channel: 'email', direction, occurredAt, subject: 'Angebot?', source: { site: 'gmail', messageId } }]);

describe('readRun and badgeFigures', () => {
  it('the first run reads open follow-ups due by today, cadences that just fell due and messages past the reply target', async () => {
    const a = await createContact(db, { displayName: 'Follow' });
    const b = await createContact(db, { displayName: 'Cadence', keepInTouchDays: 30 });
    const old = await createContact(db, { displayName: 'Long lapsed', keepInTouchDays: 30 });
    const cov = await createContact(db, { displayName: 'Coverage', value: { coverage: 'key-account' } });
    const c = await createContact(db, { displayName: 'Waiting' });
    const fresh = await createContact(db, { displayName: 'Just wrote' });
    const overdue = await addFollowUp(db, { contactId: a.id, due: '2026-11-20', what: 'Angebot nachfassen' });
    const today = await addFollowUp(db, { contactId: a.id, due: '2026-11-30', what: 'Heute anrufen' });
    await addFollowUp(db, { contactId: a.id, due: '2026-12-05', what: 'Später' });
    const done = await addFollowUp(db, { contactId: a.id, due: '2026-11-10', what: 'Erledigt' });
    await setFollowUpDone(db, done.id, true);
    await addInteraction(db, { contactIds: [b.id], kind: 'call', channel: 'phone', direction: 'outbound', occurredAt: iso(29, 10, 9) });
    await addInteraction(db, { contactIds: [old.id], kind: 'call', channel: 'phone', direction: 'outbound', occurredAt: iso(1, 10, 8) });
    await addInteraction(db, { contactIds: [cov.id], kind: 'meeting', channel: 'in-person', direction: 'outbound', occurredAt: iso(28, 10, 9) });
    await mail(c.id, iso(26, 9), 'w1');
    await mail(fresh.id, iso(30, 9), 'w2');

    const read = await readRun(db, now, s, empty);
    expect(read.items.map((i) => i.key).sort()).toEqual(
      [`fu:${overdue.id}:2026-11-20`, `fu:${today.id}:2026-11-30`, `kit:${b.id}:2026-11-28`, `kit:${cov.id}:2026-11-27`, `aw:${c.id}:${iso(26, 9).slice(0, 10)}`].sort(),
    );
    expect(read.items.find((i) => i.followUpId === overdue.id)).toMatchObject({ contactId: a.id, what: 'Angebot nachfassen' });
    // The one who wrote this morning passes the target tomorrow at 09:00: the alarm wakes then.
    expect(read.nextAwaitingAt).toBe(new Date(2026, 11, 1, 9).getTime());
    expect(await badgeFigures(db, now, s, empty)).toEqual({ followUpsDue: 2, awaiting: 1 });

    // The alarm announces the five as one summary.
    const { plan, badge } = await runReminders(db, now, s, readReminderState({ lastRunAt: now.getTime() - 60_000 }), false);
    expect(badge).toEqual({ followUpsDue: 2, awaiting: 1 });
    expect(plan.notices).toEqual([{ type: 'summary', catchUp: false, counts: { followup: 2, 'keep-in-touch': 2, awaiting: 1 } }]);
    expect(plan.nextRunAt).toBe(now.getTime() + 60 * 60_000);

    await setFollowUpDone(db, overdue.id, true);
    await setFollowUpDone(db, today.id, true);
    const off = { ...s, awaitingReply: false };
    expect(await badgeFigures(db, now, off, empty)).toEqual({ followUpsDue: 0, awaiting: 0 });
    expect((await readRun(db, now, off, empty)).items.map((i) => i.kind).sort()).toEqual(['keep-in-touch', 'keep-in-touch']);
  });

  it('every waiting contact within the window, keyed by their message\'s UTC day, whatever its age', async () => {
    const ages = [0.5, 2, 5.5, 6.5, 10, 44, 46, 59.5, 61];
    const ids: string[] = [];
    for (const [n, days] of ages.entries()) {
      const c = await createContact(db, { displayName: `W${n}` });
      ids.push(c.id);
      await mail(c.id, new Date(now.getTime() - days * 86_400_000).toISOString(), `m${n}`);
    }
    const day = (n: number) => new Date(now.getTime() - ages[n]! * 86_400_000).toISOString().slice(0, 10);
    // Past the target (Friday 10:00 and before) and within 60 days: not the one of half a day, nor of 2 days (Saturday), nor of 61.
    const want = [2, 3, 4, 5, 6, 7].map((n) => `aw:${ids[n]}:${day(n)}`).sort();
    expect((await readRun(db, now, s, empty)).items.map((i) => i.key).sort()).toEqual(want);
    expect((await badgeFigures(db, now, s, empty)).awaiting).toBe(6);
    // Thirty working days: only the older ones.
    const long = { ...s, replyTargetDays: 30 };
    expect((await readRun(db, now, long, empty)).items.map((i) => i.key).sort()).toEqual([5, 6, 7].map((n) => `aw:${ids[n]}:${day(n)}`).sort());
  });
});

describe('the badge at scale', () => {
  it('reads each figure up to the cap ("99+" on the badge), exact below it, less what was answered from a notification', async () => {
    const a = await createContact(db, { displayName: 'A' });
    for (let n = 0; n < BADGE_COUNT_CAP + 5; n++) await addFollowUp(db, { contactId: a.id, due: '2026-11-20', what: `f${n}` });
    const waiting: string[] = [];
    for (let n = 0; n < 102; n++) {
      const c = await createContact(db, { displayName: `W${n}` });
      waiting.push(`aw:${c.id}:${iso(26, 9).slice(0, 10)}`);
      await mail(c.id, iso(26, 9), `w${n}`);
    }
    const dismissed = dismissReminders(empty, waiting.slice(0, 3), now);
    const figures = await badgeFigures(db, now, s, dismissed);
    expect(figures).toEqual({ followUpsDue: BADGE_COUNT_CAP, awaiting: 99 });
    expect(badgeText(figures)).toBe('99+');
    expect(badgeFigureText(figures.followUpsDue)).toBe('100+');
    expect(badgeFigureText(figures.awaiting)).toBe('99');
    expect((await badgeFigures(db, now, s, empty)).awaiting).toBe(BADGE_COUNT_CAP);
  });
});

describe('the alarm run by run', () => {
  /** Runs the alarm at `at` from `state`: what it announced, the badge and the state it leaves. */
  const run = async (at: Date, state: ReminderState, settings = s) => {
    const { plan, badge } = await runReminders(db, at, settings, state, false);
    return { announced: [...plan.announced].sort(), badge, state: plan.state };
  };

  it('announces each reminder once, reads only what fell due since (and newcomers within RE_READ_DAYS), and keeps its memory small', async () => {
    const a = await createContact(db, { displayName: 'A' });
    const w = await createContact(db, { displayName: 'W' });
    const overdue = await addFollowUp(db, { contactId: a.id, due: '2026-11-20', what: 'x' });
    const first = await run(now, empty);
    expect(first.announced).toEqual([`fu:${overdue.id}:2026-11-20`]);
    expect(first.state.through).toEqual({ followup: '2026-11-30', 'keep-in-touch': '2026-11-30', awaiting: iso(27, 10) });
    expect(await run(new Date(2026, 10, 30, 10, 30), first.state)).toMatchObject({ announced: [] });

    // Entered at 11:00: one due yesterday (announced), one due last week (on the badge only); W writes.
    const late = await addFollowUp(db, { contactId: a.id, due: '2026-11-29', what: 'y' });
    await addFollowUp(db, { contactId: a.id, due: '2026-11-21', what: 'z' });
    await mail(w.id, iso(30, 10, 10), 'w-mon');
    const eleven = await run(new Date(2026, 10, 30, 11), first.state);
    expect(eleven.announced).toEqual([`fu:${late.id}:2026-11-29`]);
    expect(eleven.badge).toEqual({ followUpsDue: 3, awaiting: 0 });
    // Tuesday 10:00: W has waited a working day.
    const tuesday = await run(new Date(2026, 11, 1, 10), eleven.state);
    expect(tuesday.announced).toEqual([`aw:${w.id}:${iso(30, 10, 10).slice(0, 10)}`]);
    expect(tuesday.badge.awaiting).toBe(1);
    // A week later nothing more, and nothing of it remembered.
    const later = await run(new Date(2026, 11, 8, 10), tuesday.state);
    expect(later.announced).toEqual([]);
    expect(later.state.fired).toEqual({});
  });

  it('in quiet hours nothing moves on: a follow-up entered then is held and the morning run announces it, once', async () => {
    const a = await createContact(db, { displayName: 'A' });
    const first = await run(new Date(2026, 10, 30, 19), empty);
    // Entered at 21:00 (quiet): due today, so already due.
    const evening = await addFollowUp(db, { contactId: a.id, due: '2026-11-30', what: 'x' });
    const night = await run(new Date(2026, 10, 30, 21), first.state);
    expect(night.announced).toEqual([]);
    expect(night.state.through).toEqual(first.state.through);
    expect(night.badge.followUpsDue).toBe(1);
    const morning = await run(new Date(2026, 11, 1, 8), night.state);
    expect(morning.announced).toEqual([`fu:${evening.id}:2026-11-30`]);
    expect((await run(new Date(2026, 11, 1, 8, 30), morning.state)).announced).toEqual([]);
  });

  it('"Done" and "Tomorrow" on an awaiting reminder: off the badge; back tomorrow if they still wait, forgotten if answered', async () => {
    const w = await createContact(db, { displayName: 'W' });
    const v = await createContact(db, { displayName: 'V' });
    await mail(w.id, iso(26, 9), 'w1');
    await mail(v.id, iso(26, 11), 'v1');
    const first = await run(now, empty);
    const wKey = `aw:${w.id}:${iso(26, 9).slice(0, 10)}`;
    const vKey = `aw:${v.id}:${iso(26, 11).slice(0, 10)}`;
    expect(first.announced).toEqual([wKey, vKey].sort());
    const answered = snoozeReminders(dismissReminders(first.state, [wKey], now), [vKey], tomorrowAt(now, s));
    expect(await badgeFigures(db, now, s, answered)).toEqual({ followUpsDue: 0, awaiting: 0 });
    // Tuesday 09:00: V still waits, announced again once.
    const tuesday = await run(new Date(2026, 11, 1, 9), answered);
    expect(tuesday.announced).toEqual([vKey]);
    expect(tuesday.badge.awaiting).toBe(1);
    expect((await run(new Date(2026, 11, 1, 9, 30), tuesday.state)).announced).toEqual([]);
    // Snoozed again, but answered meanwhile: not announced, the snooze is forgotten.
    const again = snoozeReminders(tuesday.state, [vKey], tomorrowAt(new Date(2026, 11, 1, 9, 30), s));
    await mail(v.id, iso(1, 12, 11), 'v2', 'outbound');
    const wednesday = await run(new Date(2026, 11, 2, 9), again);
    expect(wednesday.announced).toEqual([]);
    expect(wednesday.state.snoozed).toEqual({});
    expect(wednesday.badge.awaiting).toBe(0);
  });
});
