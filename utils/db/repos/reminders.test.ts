import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_SETTINGS, planRun, readReminderState } from '../../domain/reminders';
import { RapportDB } from '../db';
import { createContact } from './contacts';
import { addFollowUp, setFollowUpDone } from './followups';
import { addInteraction, captureInteractions } from './interactions';
import { reminderSnapshot, replyTargetSpanDays, unansweredMessages } from './reminders';

let db: RapportDB;
beforeEach(() => {
  db = new RapportDB(`test-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/* Monday 2026-11-30, 10:00 local. */
const now = new Date(2026, 10, 30, 10, 0);
const iso = (day: number, hour: number, month = 10) => new Date(2026, month, day, hour).toISOString();

describe('reminderSnapshot', () => {
  it('reads open follow-ups due by today, cadences that just fell due and messages past the reply target', async () => {
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
    await captureInteractions(db, [{ contactIds: [c.id], kind: 'email', channel: 'email', direction: 'inbound', occurredAt: iso(26, 9), subject: 'Angebot?', source: { site: 'gmail', messageId: 'w1' } }]);
    await captureInteractions(db, [{ contactIds: [fresh.id], kind: 'email', channel: 'email', direction: 'inbound', occurredAt: iso(30, 9), source: { site: 'gmail', messageId: 'w2' } }]);

    const snap = await reminderSnapshot(db, now, DEFAULT_REMINDER_SETTINGS);
    const keys = snap.items.map((i) => i.key).sort();
    expect(keys).toEqual(
      [
        `fu:${overdue.id}:2026-11-20`,
        `fu:${today.id}:2026-11-30`,
        `kit:${b.id}:2026-11-28`,
        `kit:${cov.id}:2026-11-27`,
        expect.stringMatching(/^aw:/),
        expect.stringMatching(/^aw:/),
      ].sort(),
    );
    expect(snap.badge).toEqual({ followUpsDue: 2, awaiting: 1 });
    const waiting = snap.items.find((i) => i.kind === 'awaiting' && i.contactId === c.id)!;
    expect(waiting.dueAt).toBe(new Date(2026, 10, 27, 9).getTime());

    // The alarm announces the three due ones after the gap as one summary; the one arriving tomorrow waits.
    const plan = planRun({ now, settings: DEFAULT_REMINDER_SETTINGS, state: readReminderState({ lastRunAt: now.getTime() - 60_000 }), items: snap.items, startup: false });
    expect(plan.notices).toEqual([{ type: 'summary', catchUp: false, counts: { followup: 2, 'keep-in-touch': 2, awaiting: 1 } }]);

    await setFollowUpDone(db, overdue.id, true);
    await setFollowUpDone(db, today.id, true);
    const after = await reminderSnapshot(db, now, { ...DEFAULT_REMINDER_SETTINGS, awaitingReply: false });
    expect(after.badge).toEqual({ followUpsDue: 0, awaiting: 0 });
    expect(after.items.map((i) => i.kind).sort()).toEqual(['keep-in-touch', 'keep-in-touch']);
  });
});

describe('unansweredMessages', () => {
  it('gives every waiting contact: exact instants while the reply target may not be reached, the UTC day before that', async () => {
    const ages = [0.5, 2, 5.5, 6.5, 10, 44, 46, 59.5, 61];
    const ids: string[] = [];
    for (const [n, days] of ages.entries()) {
      const c = await createContact(db, { displayName: `W${n}` });
      ids.push(c.id);
      const at = new Date(now.getTime() - days * 86_400_000).toISOString();
      await captureInteractions(db, [{ contactIds: [c.id], kind: 'email', channel: 'email', direction: 'inbound', occurredAt: at, source: { site: 'gmail', messageId: `m${n}` } }]);
    }
    const exactSince = (n: number) => new Date(now.getTime() - ages[n]! * 86_400_000).toISOString();
    for (const target of [1, 30]) {
      const span = replyTargetSpanDays(target);
      const got = new Map((await unansweredMessages(db, now, target)).map((u) => [u.contactId, u.since]));
      // The window is 60 days: the one of 61 days is not waiting any more.
      expect([...got.keys()].sort(), `target ${target}`).toEqual(ids.slice(0, 8).sort());
      for (const [n, days] of ages.slice(0, 8).entries()) {
        const recentDay = new Date(now.getTime() - span * 86_400_000).toISOString().slice(0, 10);
        const exact = exactSince(n);
        expect(got.get(ids[n]!), `target ${target}, ${days} days`).toBe(exact.slice(0, 10) >= recentDay ? exact : `${exact.slice(0, 10)}T00:00:00.000Z`);
      }
    }
    // Whatever the read, every message past the target is counted on the badge and keyed by its day.
    const snap = await reminderSnapshot(db, now, DEFAULT_REMINDER_SETTINGS);
    expect(snap.badge.awaiting).toBe(7);
    expect(snap.items.filter((i) => i.kind === 'awaiting').map((i) => i.key).sort()).toEqual(ids.slice(0, 8).map((id, n) => `aw:${id}:${exactSince(n).slice(0, 10)}`).sort());
  });
});
