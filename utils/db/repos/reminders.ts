import { addDays } from '../../domain/cadence';
import type { ContactId } from '../../domain/common';
import { CoverageSchema, type Contact } from '../../domain/contact';
import { COVERAGE_CADENCE_DAYS, cadenceDays } from '../../domain/coverage';
import { keepInTouchDueFrom } from '../../domain/cadence';
import { localDay } from '../../domain/followup';
import { isRealTouchpoint, type Interaction } from '../../domain/interaction';
import {
  KEEP_IN_TOUCH_NOTIFY_DAYS,
  atLocal,
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
 * What the reminder alarm and the toolbar badge read, by index: open follow-ups due by today
 * (`openDue`), cadences falling due in the last days (`[keepInTouchDays+lastInteractionAt]`,
 * `[value.coverage+lastInteractionAt]`), and the unanswered messages (`unansweredMessages`, the
 * one place that decides "awaiting our reply", so a stored per-contact figure can replace its scan).
 */

/** An inbound email or message that is the latest real touchpoint with a contact. */
export interface Unanswered {
  contactId: string;
  message: Interaction;
}

/**
 * Contacts whose latest real touchpoint (calls and meetings count as answers; internal entries,
 * notes and pages do not) is their email or message, within `AWAITING_WINDOW_DAYS`, whatever its
 * age. One pass over the window's interactions by the `occurredAt` index.
 */
export async function unansweredMessages(db: RapportDB, now: Date): Promise<Unanswered[]> {
  const since = new Date(now.getTime() - AWAITING_WINDOW_DAYS * 86_400_000).toISOString();
  const latest = new Map<string, Interaction>();
  await db.interactions
    .where('occurredAt')
    .above(since)
    .each((item) => {
      if (!isRealTouchpoint(item.kind) || item.direction === 'internal') return;
      for (const id of item.contactIds) {
        const seen = latest.get(id);
        if (!seen || Date.parse(seen.occurredAt) < Date.parse(item.occurredAt)) latest.set(id, item);
      }
    });
  const out: Unanswered[] = [];
  for (const [contactId, message] of latest) {
    if (message.direction === 'inbound' && (message.kind === 'email' || message.kind === 'message')) out.push({ contactId, message });
  }
  return out;
}

/**
 * The distinct cadences in use, one short index read each (a notebook uses a handful): Dexie's
 * `uniqueKeys` walks every key of the index, 200 ms at 100 000 contacts.
 */
async function distinctCadences(db: RapportDB): Promise<number[]> {
  const out: number[] = [];
  let after = 0;
  for (let guard = 0; guard < 1000; guard++) {
    const [next] = await db.contacts.where('keepInTouchDays').above(after).limit(1).keys();
    if (typeof next !== 'number') break;
    out.push(next);
    after = next;
  }
  return out;
}

/** ISO instant of the start of a local day (the string form `lastInteractionAt` is stored in). */
const startOf = (day: string) => atLocal(day, '00:00').toISOString();

/**
 * Contacts whose keep-in-touch cadence fell due in the last `KEEP_IN_TOUCH_NOTIFY_DAYS` days
 * (today included), read per cadence by index. Contacts never contacted are left to the Today
 * list: a cadence with no last contact has no day on which it "fell due".
 */
export async function cadencesFallingDue(db: RapportDB, now: Date): Promise<{ contact: Contact; dueOn: string }[]> {
  const today = localDay(now);
  const out: { contact: Contact; dueOn: string }[] = [];
  const consider = (contact: Contact) => {
    const days = cadenceDays(contact);
    if (!days) return;
    const status = keepInTouchDueFrom(days, contact.lastInteractionAt, now);
    if (status.due && status.dueSince && status.dueSince >= addDays(today, -KEEP_IN_TOUCH_NOTIFY_DAYS)) {
      out.push({ contact, dueOn: status.dueSince });
    }
  };
  // A day of margin on each side: stored instants may carry any offset; `consider` decides exactly.
  const range = (days: number): [string, string] => [
    startOf(addDays(today, -days - KEEP_IN_TOUCH_NOTIFY_DAYS - 1)),
    startOf(addDays(today, -days + 2)),
  ];
  const cadences = await distinctCadences(db);
  const own = await Promise.all(
    cadences.map((days) => {
      const [from, to] = range(days);
      return db.contacts.where('[keepInTouchDays+lastInteractionAt]').between([days, from], [days, to], true, false).toArray();
    }),
  );
  own.flat().forEach(consider);
  // Contacts with a chosen coverage and no cadence of their own follow the coverage's default.
  const byCoverage = await Promise.all(
    CoverageSchema.options.map((coverage) => {
      const [from, to] = range(COVERAGE_CADENCE_DAYS[coverage]);
      return db.contacts.where('[value.coverage+lastInteractionAt]').between([coverage, from], [coverage, to], true, false).toArray();
    }),
  );
  byCoverage
    .flat()
    .filter((contact) => !contact.keepInTouchDays)
    .forEach(consider);
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
  for (const { contactId, message } of unanswered) {
    const dueAt = replyDueAt(message.occurredAt, settings).getTime();
    if (dueAt <= now.getTime()) awaiting++;
    items.push({ key: `aw:${message.id}`, kind: 'awaiting', contactId, dueAt, ...(message.subject ? { what: message.subject } : {}) });
  }
  return { items, badge: { followUpsDue: items.filter((i) => i.kind === 'followup').length, awaiting } };
}

/** Display names of contacts, for the notifications about them. */
export async function contactNames(db: RapportDB, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const contacts = await db.contacts.bulkGet(unique as ContactId[]);
  return new Map(contacts.flatMap((c) => (c ? [[c.id as string, c.displayName] as const] : [])));
}
