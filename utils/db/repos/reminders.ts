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
 * Contacts whose latest real touchpoint (calls and meetings count as answers; internal entries,
 * notes and pages do not) is their email or message, within `AWAITING_WINDOW_DAYS`, whatever its
 * age: two key reads of the `awaitingSince` index (its keys, and the contacts they belong to).
 */
export async function unansweredMessages(db: RapportDB, now: Date): Promise<Unanswered[]> {
  const since = new Date(now.getTime() - AWAITING_WINDOW_DAYS * 86_400_000).toISOString();
  const range = () => db.contactStats.where('awaitingSince').between(since, now.toISOString(), true, true);
  const [at, who] = await Promise.all([range().keys(), range().primaryKeys()]);
  return who.map((contactId, i) => ({ contactId: String(contactId), since: String(at[i]) }));
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
    settings.awaitingReply ? unansweredMessages(db, now) : [],
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
    items.push({ key: `aw:${contactId}:${since}`, kind: 'awaiting', contactId, dueAt });
  }
  return { items, badge: { followUpsDue: items.filter((i) => i.kind === 'followup').length, awaiting } };
}

/** Display names of contacts, for the notifications about them. */
export async function contactNames(db: RapportDB, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const contacts = await db.contacts.bulkGet(unique as ContactId[]);
  return new Map(contacts.flatMap((c) => (c ? [[c.id as string, c.displayName] as const] : [])));
}
