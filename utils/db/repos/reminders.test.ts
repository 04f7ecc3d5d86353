import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_SETTINGS, planRun, readReminderState } from '../../domain/reminders';
import { RapportDB } from '../db';
import { createContact } from './contacts';
import { addFollowUp, setFollowUpDone } from './followups';
import { addInteraction, captureInteractions } from './interactions';
import { reminderSnapshot } from './reminders';

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
