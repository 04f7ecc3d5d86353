import { addDays } from '../../domain/cadence';
import type { ContactId } from '../../domain/common';
import { localDay } from '../../domain/followup';
import {
  BADGE_COUNT_CAP,
  KEEP_IN_TOUCH_NOTIFY_DAYS,
  badgeExclusions,
  followUpDueAt,
  keepInTouchDueAt,
  mayNotifyAt,
  parseReminderKey,
  planRun,
  remindersOff,
  replyBound,
  replyDueAt,
  runSpans,
  type BadgeInput,
  type ReminderItem,
  type ReminderSettings,
  type RunPlan,
  type ReminderState,
} from '../../domain/reminders';
import type { RapportDB } from '../db';
import { AWAITING_WINDOW_DAYS } from '../../domain/workspace-figures';

/*
 * What the reminder alarm and the toolbar badge read, by index ranges of the figures the database
 * keeps on every write (utils/db/figures.ts): open follow-ups by due day (`openDue`), cadences by
 * the day they fall due (`kitDue`), and contacts whose latest real touchpoint is their unanswered
 * email or message (`contactStats.awaitingSince`). A run reads only the spans `runSpans` names
 * (what fell due since the previous run, or everything current once), cadences and messages as
 * keys only; the badge is bounded key reads. Neither grows with the number of current reminders.
 */

const DAY_MS = 86_400_000;

const nextUtcDay = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10);

/**
 * Contacts whose unanswered message arrived within `[from, to]` (UTC instants), by the message's
 * UTC day: one `getAllKeys` per day (contact ids only; Chromium walks a key cursor entry by entry).
 * Each day comes with the earliest instant of it that was read.
 */
async function awaitingByDay(db: RapportDB, from: string, to: string): Promise<{ day: string; at: string; ids: string[] }[]> {
  const days: string[] = [];
  for (let day = from.slice(0, 10); day <= to.slice(0, 10); day = nextUtcDay(day)) days.push(day);
  // No explicit transaction: Firefox commits one early while its reads settle (see search.ts).
  return Promise.all(
    days.map(async (day) => {
      const start = `${day}T00:00:00.000Z`;
      const end = `${nextUtcDay(day)}T00:00:00.000Z`;
      const lower = start > from ? start : from;
      const ids = end <= to
        ? await db.contactStats.where('awaitingSince').between(lower, end, true, false).primaryKeys()
        : await db.contactStats.where('awaitingSince').between(lower, to, true, true).primaryKeys();
      return { day, at: lower, ids: ids.map(String) };
    }),
  );
}

/** Contacts whose cadence fell due on one of the local days `from`..`to`, by day (keys only). */
async function cadencesByDay(db: RapportDB, from: string, to: string): Promise<{ day: string; ids: string[] }[]> {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return Promise.all(days.map(async (day) => ({ day, ids: (await db.contacts.where('kitDue').equals(day).primaryKeys()).map(String) })));
}

/** What one run of the alarm reads: the reminders in its spans, the snoozed ones back now, and when the next message passes the reply target. */
export interface RunRead {
  items: ReminderItem[];
  nextAwaitingAt?: number;
}

/**
 * The reminders a run at `now` considers (see `runSpans` and `planRun`): open follow-ups due in its
 * span (with their text), cadences and unanswered messages in theirs (keys: the notification
 * looks up the few names it shows), and the snoozed reminders whose snooze has ended, if current.
 */
export async function readRun(db: RapportDB, now: Date, settings: ReminderSettings, state: ReminderState): Promise<RunRead> {
  const spans = runSpans(now, settings, state);
  const fu = spans.followup;
  const kit = spans['keep-in-touch'];
  const aw = spans.awaiting;
  const t = now.getTime();
  const revive = Object.entries(state.snoozed)
    .filter(([, until]) => until <= t)
    .map(([key]) => key);
  const [followUps, cadences, awaiting, next, revived] = await Promise.all([
    fu ? (fu.from === undefined ? db.followUps.where('openDue').belowOrEqual(fu.to) : db.followUps.where('openDue').between(fu.from, fu.to, true, true)).toArray() : [],
    kit && kit.from <= kit.to ? cadencesByDay(db, kit.from, kit.to) : [],
    aw && aw.from <= aw.to ? awaitingByDay(db, aw.from, aw.to) : [],
    aw ? db.contactStats.where('awaitingSince').above(aw.to).limit(1).keys() : [],
    currentKeys(db, revive, now, settings),
  ]);
  const items = new Map<string, ReminderItem>();
  for (const f of followUps) {
    if (f.doneAt) continue;
    const key = `fu:${f.id}:${f.due}`;
    items.set(key, { key, kind: 'followup', contactId: f.contactId, dueAt: followUpDueAt(f.due, settings).getTime(), followUpId: f.id, what: f.what });
  }
  for (const { day, ids } of cadences) {
    const dueAt = keepInTouchDueAt(day, settings).getTime();
    for (const id of ids) items.set(`kit:${id}:${day}`, { key: `kit:${id}:${day}`, kind: 'keep-in-touch', contactId: id, dueAt });
  }
  for (const { day, at, ids } of awaiting) {
    const dueAt = replyDueAt(at, settings).getTime();
    for (const id of ids) items.set(`aw:${id}:${day}`, { key: `aw:${id}:${day}`, kind: 'awaiting', contactId: id, dueAt });
  }
  for (const item of revived) if (!items.has(item.key)) items.set(item.key, item);
  const first = next[0];
  return { items: [...items.values()], ...(first !== undefined ? { nextAwaitingAt: replyDueAt(String(first), settings).getTime() } : {}) };
}

/**
 * Which of some keep-in-touch and awaiting-reply keys name a current, due reminder at `now`: the
 * contact's cadence still fell due on that day (within `KEEP_IN_TOUCH_NOTIFY_DAYS`), their
 * unanswered message is still of that UTC day, within the window and past the reply target.
 */
async function currentKeys(db: RapportDB, keys: readonly string[], now: Date, settings: ReminderSettings): Promise<ReminderItem[]> {
  if (keys.length === 0) return [];
  const named = keys.flatMap((key) => {
    const parsed = parseReminderKey(key);
    const day = /(\d{4}-\d{2}-\d{2})$/.exec(key)?.[1];
    return parsed && day && parsed.kind !== 'followup' ? [{ key, ...parsed, day }] : [];
  });
  const windowFrom = new Date(now.getTime() - AWAITING_WINDOW_DAYS * DAY_MS).toISOString();
  const bound = new Date(replyBound(now, settings)).toISOString();
  const today = localDay(now);
  const awaitingDays = [...new Set(named.filter((n) => n.kind === 'awaiting').map((n) => n.day))];
  const cadenceDays = [...new Set(named.filter((n) => n.kind === 'keep-in-touch').map((n) => n.day))];
  const [aw, kit] = await Promise.all([
    Promise.all(
      awaitingDays.map(async (day) => {
        const start = `${day}T00:00:00.000Z`;
        const end = `${nextUtcDay(day)}T00:00:00.000Z`;
        const lower = start > windowFrom ? start : windowFrom;
        const upper = end < bound ? end : bound;
        const ids = lower <= upper ? await db.contactStats.where('awaitingSince').between(lower, upper, true, upper === bound).primaryKeys() : [];
        return [day, new Set(ids.map(String))] as const;
      }),
    ),
    Promise.all(
      cadenceDays
        .filter((day) => day <= today && day >= addDays(today, -KEEP_IN_TOUCH_NOTIFY_DAYS))
        .map(async (day) => [day, new Set((await db.contacts.where('kitDue').equals(day).primaryKeys()).map(String))] as const),
    ),
  ]);
  const awaiting = new Map(aw);
  const cadences = new Map(kit);
  return named.flatMap(({ key, kind, id, day }): ReminderItem[] => {
    if (kind === 'awaiting') return awaiting.get(day)?.has(id) ? [{ key, kind, contactId: id, dueAt: replyDueAt(`${day}T00:00:00.000Z`, settings).getTime() }] : [];
    return cadences.get(day)?.has(id) ? [{ key, kind, contactId: id, dueAt: keepInTouchDueAt(day, settings).getTime() }] : [];
  });
}

/** Up to `cap` keys of an index range: a bounded key read (`getAllKeys` with a count), however many match. */
const capped = (collection: { limit(n: number): { primaryKeys(): Promise<unknown[]> } }, cap: number) => collection.limit(cap).primaryKeys().then((keys) => keys.length);

/**
 * The badge's figures at `now`, as bounded key reads (each at most `BADGE_COUNT_CAP`: the badge
 * shows "99+" beyond 99): open follow-ups due today or earlier, and contacts waiting past the
 * reply target (within the window) less the ones the user answered from a notification
 * (`badgeExclusions`) that are still current.
 */
export async function badgeFigures(db: RapportDB, now: Date, settings: ReminderSettings, state: ReminderState): Promise<BadgeInput> {
  const windowFrom = new Date(now.getTime() - AWAITING_WINDOW_DAYS * DAY_MS).toISOString();
  const bound = new Date(replyBound(now, settings)).toISOString();
  const exclusions = settings.awaitingReply ? badgeExclusions(state, now) : [];
  const [followUpsDue, waiting, excluded] = await Promise.all([
    settings.followUps ? capped(db.followUps.where('openDue').belowOrEqual(localDay(now)), BADGE_COUNT_CAP) : 0,
    // Read past the cap by as many as may be left out, so what is left is right up to the cap.
    settings.awaitingReply && windowFrom <= bound
      ? capped(db.contactStats.where('awaitingSince').between(windowFrom, bound, true, true), BADGE_COUNT_CAP + exclusions.length)
      : 0,
    currentKeys(db, exclusions, now, settings),
  ]);
  return { followUpsDue, awaiting: Math.min(BADGE_COUNT_CAP, Math.max(0, waiting - excluded.length)) };
}

/**
 * One run of the reminder alarm at `now`, without the browser: what it reads (`readRun`, and the
 * badge's counts from the same state) and what it decides (`planRun`). The background shows the
 * badge and notices and stores `plan.state`; the bench times exactly this.
 */
export async function runReminders(
  db: RapportDB,
  now: Date,
  settings: ReminderSettings,
  state: ReminderState,
  startup: boolean,
): Promise<{ badge: BadgeInput; plan: RunPlan }> {
  const off = remindersOff(settings);
  // In quiet hours or at the weekend nothing can be announced: only the badge is read (see `planRun`).
  const [read, badge] = await Promise.all([
    off || !mayNotifyAt(now, settings) ? Promise.resolve<RunRead>({ items: [] }) : readRun(db, now, settings, state),
    off ? { followUpsDue: 0, awaiting: 0 } : badgeFigures(db, now, settings, state),
  ]);
  const plan = planRun({ now, settings, state, items: read.items, startup, ...(read.nextAwaitingAt !== undefined ? { nextAwaitingAt: read.nextAwaitingAt } : {}) });
  return { badge, plan };
}

/** Display names of contacts, for the notifications about them. */
export async function contactNames(db: RapportDB, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const contacts = await db.contacts.bulkGet(unique as ContactId[]);
  return new Map(contacts.flatMap((c) => (c ? [[c.id as string, c.displayName] as const] : [])));
}
