import { RapportDB } from '../../../utils/db/db';
import { cadencesFallingDue, reminderSnapshot, unansweredMessages } from '../../../utils/db/repos/reminders';
import { addDays } from '../../../utils/domain/cadence';
import type { FollowUpId } from '../../../utils/domain/common';
import type { Contact } from '../../../utils/domain/contact';
import { localDay, type FollowUp } from '../../../utils/domain/followup';
import type { Interaction } from '../../../utils/domain/interaction';
import { DEFAULT_REMINDER_SETTINGS, planRun, readReminderState } from '../../../utils/domain/reminders';
import { benchContact, benchContactId, median, seedForBench } from './cases';

/*
 * Issue 11: the reminder alarm over a 100 000-contact notebook. Every contact has a last real
 * touchpoint within 400 days (an email, in or out), one follow-up due within a year either side
 * (97 % of the past ones done), 30 % a cadence of their own and 20 % a coverage's default one.
 * Measured: the function the alarm runs (`reminderSnapshot` + `planRun`), and its three reads.
 */

const DAY = 86_400_000;
const CADENCES = [30, 60, 90];

function reminderContact(i: number, now: number): { contact: Contact; followUp: FollowUp; last: Interaction } {
  const base = benchContact(i);
  const lastAt = new Date(now - ((i * 7919) % 400) * DAY - (i % 24) * 3_600_000).toISOString();
  const contact: Contact = {
    ...base,
    lastInteractionAt: lastAt,
    ...(i % 10 < 3 ? { keepInTouchDays: CADENCES[i % 3]! } : {}),
    ...(i % 10 === 3 ? { value: { coverage: 'key-account' as const } } : i % 10 === 4 ? { value: { coverage: 'field-sales' as const } } : {}),
  };
  const today = localDay(new Date(now));
  const due = addDays(today, ((i * 104_729) % 731) - 365);
  const followUp: FollowUp = {
    id: `fu_rem_${i}` as FollowUpId,
    contactId: base.id,
    due,
    what: 'Angebot nachfassen',
    ...(due < today && i % 33 !== 0 ? { doneAt: new Date(now - DAY).toISOString() } : {}),
    createdAt: base.createdAt,
    updatedAt: base.updatedAt,
  };
  const last: Interaction = {
    id: `ix_rem_${i}` as Interaction['id'],
    contactIds: [benchContactId(i)],
    kind: 'email',
    channel: 'email',
    direction: i % 2 === 0 ? 'inbound' : 'outbound',
    department: 'sales',
    occurredAt: lastAt,
    subject: 'Angebot',
    text: '',
    createdAt: lastAt,
    updatedAt: lastAt,
  };
  return { contact, followUp, last };
}

/** Seeds `name` with `contacts` such contacts (once), then times the alarm's function `runs` times. */
export async function remindersBench(name: string, contacts: number, runs: number) {
  const db = new RapportDB(name);
  const now = Date.now();
  let seedMs = 0;
  if ((await db.contacts.count()) < contacts) {
    const t = performance.now();
    await db.delete();
    await db.open();
    for (let i = 0; i < contacts; i += 10_000) {
      const rows = Array.from({ length: Math.min(10_000, contacts - i) }, (_, j) => reminderContact(i + j, now));
      await seedForBench(db, rows.map((r) => r.contact), rows.map((r) => r.last));
      await db.followUps.bulkAdd(rows.map((r) => r.followUp));
    }
    seedMs = performance.now() - t;
  }
  const at = new Date(now);
  const alarm = async () => {
    const snapshot = await reminderSnapshot(db, at, DEFAULT_REMINDER_SETTINGS);
    const plan = planRun({ now: at, settings: DEFAULT_REMINDER_SETTINGS, state: readReminderState({ lastRunAt: now - 60_000 }), items: snapshot.items, startup: false });
    return { snapshot, plan };
  };
  const time = async <T>(work: () => Promise<T>): Promise<[number, T]> => {
    const t = performance.now();
    const out = await work();
    return [performance.now() - t, out];
  };
  const [coldMs, first] = await time(alarm);
  const alarmMs: number[] = [];
  // The same run with "awaiting reply" off.
  const withoutAwaitingMs: number[] = [];
  const noAwaiting = { ...DEFAULT_REMINDER_SETTINGS, awaitingReply: false };
  const followUpsMs: number[] = [];
  const cadencesMs: number[] = [];
  const unansweredMs: number[] = [];
  const today = localDay(at);
  for (let r = 0; r < runs; r++) {
    alarmMs.push((await time(alarm))[0]);
    withoutAwaitingMs.push((await time(() => reminderSnapshot(db, at, noAwaiting)))[0]);
    followUpsMs.push((await time(() => db.followUps.where('openDue').belowOrEqual(today).toArray()))[0]);
    cadencesMs.push((await time(() => cadencesFallingDue(db, at)))[0]);
    unansweredMs.push((await time(() => unansweredMessages(db, at, DEFAULT_REMINDER_SETTINGS.replyTargetDays)))[0]);
  }
  const kinds = first.snapshot.items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [item.kind]: (acc[item.kind] ?? 0) + 1 }), {});
  db.close();
  return {
    contacts,
    seedMs,
    coldMs,
    medianMs: median(alarmMs),
    maxMs: Math.max(...alarmMs),
    withoutAwaitingMs: median(withoutAwaitingMs),
    parts: { followUpsMs: median(followUpsMs), cadencesMs: median(cadencesMs), unansweredMs: median(unansweredMs) },
    items: kinds,
    badge: first.snapshot.badge,
    notices: first.plan.notices.length,
  };
}
