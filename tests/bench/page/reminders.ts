import { RapportDB } from '../../../utils/db/db';
import { badgeFigures, contactNames, readRun, runReminders } from '../../../utils/db/repos/reminders';
import { addDays } from '../../../utils/domain/cadence';
import type { FollowUpId } from '../../../utils/domain/common';
import type { Contact } from '../../../utils/domain/contact';
import { localDay, type FollowUp } from '../../../utils/domain/followup';
import type { Interaction } from '../../../utils/domain/interaction';
import { DEFAULT_REMINDER_SETTINGS, readReminderState, type RunPlan } from '../../../utils/domain/reminders';
import { benchContact, benchContactId, median, seedForBench } from './cases';

/*
 * Issue 11: the reminder alarm over a 100 000-contact notebook. Every contact has a last real
 * touchpoint within 400 days (an email, in or out), one follow-up due within a year either side
 * (97 % of the past ones done), 30 % a cadence of their own and 20 % a coverage's default one.
 * Measured: the alarm's run (`runReminders`) cold and steady, and its two parts (see below).
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

/** A weekday 11:00 local, the latest at or before now: the alarm may speak then (no quiet hours, no weekend). */
function benchClock(): number {
  const at = new Date();
  at.setHours(11, 0, 0, 0);
  if (at.getTime() > Date.now()) at.setDate(at.getDate() - 1);
  while (at.getDay() === 0 || at.getDay() === 6) at.setDate(at.getDate() - 1);
  return at.getTime();
}

/** The next weekday after `ms`, same time of day. */
function nextWeekday(ms: number): Date {
  const at = new Date(ms);
  do at.setDate(at.getDate() + 1);
  while (at.getDay() === 0 || at.getDay() === 6);
  return at;
}

/**
 * Seeds `name` with `contacts` such contacts (once), then times the alarm's run as the background
 * does it (`runReminders`: the state parsed from its stored JSON, the reads, `planRun`, the names
 * of what is announced one by one, the new state serialised): the first run (no state: everything
 * current is read once), steady runs (every few minutes, each from the state the previous one
 * left), the first run of the next weekday (a day of new reminders), and one a week later (the
 * browser closed meanwhile: the week's span and one catch-up summary).
 */
export async function remindersBench(name: string, contacts: number, runs: number) {
  const db = new RapportDB(name);
  const now = benchClock();
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
  const settings = DEFAULT_REMINDER_SETTINGS;
  /** One run at `at` from the stored state (JSON, as `storage.local` holds it); returns what it stores. */
  const alarm = async (at: Date, stored: string) => {
    const state = readReminderState(JSON.parse(stored));
    const { badge, plan } = await runReminders(db, at, settings, state, false);
    const singles = plan.notices.flatMap((n) => (n.type === 'single' ? [n.item.contactId] : []));
    if (singles.length > 0) await contactNames(db, singles);
    return { badge, plan, stored: JSON.stringify(plan.state) };
  };
  const time = async <T>(work: () => Promise<T>): Promise<[number, T]> => {
    const t = performance.now();
    const out = await work();
    return [performance.now() - t, out];
  };
  const at = new Date(now);
  const initial = JSON.stringify(readReminderState({ lastRunAt: now - 60 * 60_000 }));
  const [coldMs, first] = await time(() => alarm(at, initial));
  const fullMs: number[] = [];
  const steadyMs: number[] = [];
  const readMs: number[] = [];
  const badgeMs: number[] = [];
  let stored = first.stored;
  let last = first;
  for (let r = 1; r <= runs; r++) {
    const when = new Date(now + r * 5 * 60_000);
    const [ms, out] = await time(() => alarm(when, stored));
    steadyMs.push(ms);
    stored = out.stored;
    last = out;
    fullMs.push((await time(() => alarm(when, initial)))[0]);
    const state = readReminderState(JSON.parse(stored));
    readMs.push((await time(() => readRun(db, when, settings, state)))[0]);
    badgeMs.push((await time(() => badgeFigures(db, when, settings, state)))[0]);
  }
  /** The same run at `at` from the stored state, a few times: the times and the last outcome. */
  const repeated = async (at: Date): Promise<[number[], typeof last]> => {
    const times: number[] = [];
    let outcome = last;
    for (let r = 0; r < Math.min(runs, 7); r++) {
      const [ms, out] = await time(() => alarm(at, stored));
      times.push(ms);
      outcome = out;
    }
    return [times, outcome];
  };
  const [nextDayMs, nextDay] = await repeated(nextWeekday(now + runs * 5 * 60_000));
  // Back after a week away (the browser closed): the week's span is read, one catch-up summary.
  const [weekMs, week] = await repeated(new Date(now + 7 * 86_400_000));
  // A run in quiet hours (21:00 the same day): only the badge is read.
  const quietMs: number[] = [];
  const evening = new Date(now);
  evening.setHours(21, 0, 0, 0);
  for (let r = 0; r < Math.min(runs, 7); r++) quietMs.push((await time(() => alarm(evening, stored)))[0]);
  const counts = (notices: RunPlan['notices']) =>
    notices.map((n) => (n.type === 'summary' ? `summary ${JSON.stringify(n.counts)}` : `single ${n.item.kind}`)).join('; ') || 'none';
  db.close();
  return {
    contacts,
    seedMs,
    clock: at.toString(),
    coldMs,
    fullMs: median(fullMs),
    medianMs: median(steadyMs),
    maxMs: Math.max(...steadyMs),
    nextDayMs: median(nextDayMs),
    weekLaterMs: median(weekMs),
    quietMs: median(quietMs),
    parts: { readMs: median(readMs), badgeMs: median(badgeMs) },
    stateBytes: { afterFirst: first.stored.length, steady: stored.length, nextDay: nextDay.stored.length },
    badge: last.badge,
    notices: { first: counts(first.plan.notices), steady: counts(last.plan.notices), nextDay: counts(nextDay.plan.notices), weekLater: counts(week.plan.notices) },
  };
}
