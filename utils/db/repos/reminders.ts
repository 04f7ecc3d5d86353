import { addDays, keepInTouchDueFrom } from '../../domain/cadence';
import type { ContactId } from '../../domain/common';
import type { Contact } from '../../domain/contact';
import { cadenceDays } from '../../domain/coverage';
import { localDay } from '../../domain/followup';
import {
  KEEP_IN_TOUCH_NOTIFY_DAYS,
  followUpDueAt,
  keepInTouchDueAt,
  replyDueAt,
  type BadgeInput,
  type ReminderItem,
  type ReminderSettings,
} from '../../domain/reminders';
import type { RapportDB } from '../db';
import { AWAITING_WINDOW_DAYS } from './workspace';

/*
 * What the reminder alarm and the toolbar badge read, by index ranges of the figures the database
 * keeps on every write (utils/db/figures.ts): open follow-ups due by today (`openDue`), cadences that
 * fell due in the last days (`kitDue`), and contacts whose latest real touchpoint is their unanswered
 * email or message (`contactStats.awaitingSince`), keys only.
 */

/** A contact waiting for our answer: since when (their message's UTC instant). */
export interface Unanswered {
  contactId: string;
  since: string;
}

/**
 * Calendar days within which a message may still be short of its reply target: `days` working
 * days, the weekends they may span, and a margin for the hour and daylight-saving shifts.
 */
export function replyTargetSpanDays(days: number): number {
  return days + 2 * Math.ceil(days / 5) + 3;
}

const DAY_MS = 86_400_000;

/**
 * Contacts whose latest real touchpoint (calls and meetings count as answers; internal entries,
 * notes and pages do not) is their email or message, within `AWAITING_WINDOW_DAYS`, whatever its
 * age, read from the `awaitingSince` index. Only messages that may still be short of the reply
 * target (`replyTargetDays`) need their exact instant (a keys cursor, which Chromium walks entry by
 * entry: 270 ms for 7 500 waiting contacts); the older ones are all due, so they are read a UTC day
 * at a time with `getAllKeys` (contact ids only) and carry the day's start as `since`.
 */
export async function unansweredMessages(db: RapportDB, now: Date, replyTargetDays = 30): Promise<Unanswered[]> {
  const to = now.toISOString();
  const since = new Date(now.getTime() - AWAITING_WINDOW_DAYS * DAY_MS).toISOString();
  const recent = new Date(now.getTime() - Math.min(AWAITING_WINDOW_DAYS, replyTargetSpanDays(replyTargetDays)) * DAY_MS).toISOString().slice(0, 10);
  const range = (lower: string, upper: string, upperOpen: boolean) => db.contactStats.where('awaitingSince').between(lower, upper, true, !upperOpen);
  const exact = async (): Promise<Unanswered[]> => {
    const lower = recent > since ? recent : since;
    const [at, who] = await Promise.all([range(lower, to, false).keys(), range(lower, to, false).primaryKeys()]);
    return who.map((contactId, i) => ({ contactId: String(contactId), since: String(at[i]) }));
  };
  const days: string[] = [];
  for (let day = since.slice(0, 10); day < recent; day = new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString().slice(0, 10)) days.push(day);
  // No explicit transaction: Firefox commits one early while its reads settle (see search.ts).
  const [older, latest] = await Promise.all([
    Promise.all(
      days.map(async (day) => {
        const start = `${day}T00:00:00.000Z`;
        const next = new Date(Date.parse(start) + DAY_MS).toISOString().slice(0, 10);
        const who = await range(start > since ? start : since, next < recent ? `${next}T00:00:00.000Z` : recent, true).primaryKeys();
        return who.map((contactId) => ({ contactId: String(contactId), since: start }));
      }),
    ),
    exact(),
  ]);
  return [...older.flat(), ...latest];
}

/**
 * Contacts whose keep-in-touch cadence (their own, or their coverage's default) fell due in the
 * last `KEEP_IN_TOUCH_NOTIFY_DAYS` days, today included: a range of the stored due day (`kitDue`).
 * Contacts never contacted are left to the Today list: their cadence has no day it "fell due".
 */
export async function cadencesFallingDue(db: RapportDB, now: Date): Promise<{ contact: Contact; dueOn: string }[]> {
  const today = localDay(now);
  const out: { contact: Contact; dueOn: string }[] = [];
  // A day of margin: `keepInTouchDueFrom` decides exactly.
  for (const contact of await db.contacts.where('kitDue').between(addDays(today, -KEEP_IN_TOUCH_NOTIFY_DAYS - 1), today, true, true).toArray()) {
    const days = cadenceDays(contact);
    if (!days) continue;
    const status = keepInTouchDueFrom(days, contact.lastInteractionAt, now);
    if (status.due && status.dueSince && status.dueSince >= addDays(today, -KEEP_IN_TOUCH_NOTIFY_DAYS)) out.push({ contact, dueOn: status.dueSince });
  }
  return out;
}

/** What one run of the reminder alarm reads: every current reminder of the enabled kinds, and the badge's figures. */
export interface ReminderSnapshot {
  items: ReminderItem[];
  badge: BadgeInput;
}

/**
 * The reminders of the enabled kinds at `now` (due, and those falling due later today), and the
 * badge's counts: open follow-ups due by today, contacts waiting longer than the reply target.
 */
export async function reminderSnapshot(db: RapportDB, now: Date, settings: ReminderSettings): Promise<ReminderSnapshot> {
  const today = localDay(now);
  const [followUps, cadences, unanswered] = await Promise.all([
    settings.followUps ? db.followUps.where('openDue').belowOrEqual(today).toArray() : [],
    settings.keepInTouch ? cadencesFallingDue(db, now) : [],
    settings.awaitingReply ? unansweredMessages(db, now, settings.replyTargetDays) : [],
  ]);
  const items: ReminderItem[] = [];
  for (const f of followUps) {
    if (f.doneAt) continue;
    items.push({ key: `fu:${f.id}:${f.due}`, kind: 'followup', contactId: f.contactId, dueAt: followUpDueAt(f.due, settings).getTime(), followUpId: f.id, what: f.what });
  }
  for (const { contact, dueOn } of cadences) {
    items.push({ key: `kit:${contact.id}:${dueOn}`, kind: 'keep-in-touch', contactId: contact.id, contactName: contact.displayName, dueAt: keepInTouchDueAt(dueOn, settings).getTime() });
  }
  let awaiting = 0;
  for (const { contactId, since } of unanswered) {
    const dueAt = replyDueAt(since, settings).getTime();
    if (dueAt <= now.getTime()) awaiting++;
    // Keyed by the message's UTC day: older messages are read by day (see `unansweredMessages`).
    items.push({ key: `aw:${contactId}:${since.slice(0, 10)}`, kind: 'awaiting', contactId, dueAt });
  }
  return { items, badge: { followUpsDue: items.filter((i) => i.kind === 'followup').length, awaiting } };
}

/** Display names of contacts, for the notifications about them. */
export async function contactNames(db: RapportDB, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const contacts = await db.contacts.bulkGet(unique as ContactId[]);
  return new Map(contacts.flatMap((c) => (c ? [[c.id as string, c.displayName] as const] : [])));
}
