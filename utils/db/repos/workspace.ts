import { addDays, awaitingReply, keepInTouchDueFrom, type KeepInTouch } from '../../domain/cadence';
import type { ContactId } from '../../domain/common';
import { CoverageSchema, type Contact } from '../../domain/contact';
import { cadenceDays } from '../../domain/coverage';
import { localDay, type FollowUp } from '../../domain/followup';
import { priorityOf, type Priority } from '../../domain/priority';
import { reactivationCutoff, reactivationList, type LeftOutReason } from '../../domain/reactivation';
import { bySlowestReply, responsiveness, type Responsiveness } from '../../domain/responsiveness';
import { byPriority, inSegment, isEmptySegment, type Segment, type SegmentContext } from '../../domain/segment';
import { isRealTouchpoint, type Interaction } from '../../domain/interaction';
import type { RapportDB } from '../db';
import { search, type SearchHit } from './search';
import { openFollowUpsDueBy } from './followups';
import { lastRealTouchpoint } from './interactions';

/** A row of the contact list: the hit, and its priority with the reasons ("why first?"). */
export interface PriorityRow extends SearchHit {
  priority: Priority;
}

/** Open follow-ups per contact, and how many of them are overdue at `now`. */
async function openFollowUpCounts(db: RapportDB, now: Date): Promise<{ open: Set<string>; overdue: Map<string, number> }> {
  const today = localDay(now);
  const open = new Set<string>();
  const overdue = new Map<string, number>();
  await db.followUps.each((f) => {
    if (f.doneAt) return;
    open.add(f.contactId);
    if (f.due < today) overdue.set(f.contactId, (overdue.get(f.contactId) ?? 0) + 1);
  });
  return { open, overdue };
}

function byRow(a: PriorityRow, b: PriorityRow): number {
  return b.priority.score - a.priority.score || byPriority(a.contact, b.contact);
}

/**
 * The workspace list: with a query, the search hits (contacts and notes) inside the segment, in
 * search order; without one, the segment's contacts, the `limit` first by priority score, streamed
 * over the table keeping only the best candidates (a 100 k-contact notebook is never held in memory).
 */
export async function segmentContacts(db: RapportDB, query: string, segment: Segment, limit = 200, now = new Date()): Promise<PriorityRow[]> {
  const { open, overdue } = await openFollowUpCounts(db, now);
  const context: SegmentContext = { now, withOpenFollowUp: open };
  const rowOf = (hit: SearchHit): PriorityRow => ({ ...hit, priority: priorityOf(hit.contact, overdue.get(hit.contact.id) ?? 0, now) });
  if (query.trim()) {
    return (await search(db, query, limit * 2))
      .filter((hit) => inSegment(hit.contact, segment, context))
      .slice(0, limit)
      .map(rowOf);
  }
  let best: PriorityRow[] = [];
  const visit = (contact: Contact) => {
    if (!inSegment(contact, segment, context)) return;
    best.push(rowOf({ contact }));
    if (best.length >= limit * 4) best = best.sort(byRow).slice(0, limit);
  };
  if (segment.tag) (await db.contacts.where('tags').equals(segment.tag).toArray()).forEach(visit);
  else await db.contacts.each(visit);
  return best.sort(byRow).slice(0, limit);
}

/** Every contact of a segment (for bulk actions and export), in no particular order. */
export async function segmentAll(db: RapportDB, segment: Segment, now = new Date()): Promise<Contact[]> {
  const context: SegmentContext = { now, withOpenFollowUp: (await openFollowUpCounts(db, now)).open };
  if (isEmptySegment(segment)) return db.contacts.toArray();
  const base = segment.tag ? db.contacts.where('tags').equals(segment.tag) : db.contacts.toCollection();
  return base.filter((c) => inSegment(c, segment, context)).toArray();
}

/** Values in use, for the segment pickers. */
export async function segmentValues(db: RapportDB): Promise<{ tags: string[]; industries: string[]; owners: string[] }> {
  const [tags, industries, owners] = await Promise.all([
    db.contacts.orderBy('tags').uniqueKeys(),
    db.contacts.orderBy('industry').uniqueKeys(),
    db.contacts.orderBy('owner').uniqueKeys(),
  ]);
  return { tags: tags.map(String), industries: industries.map(String), owners: owners.map(String) };
}

/** Open follow-ups due by a day, with their contacts, oldest first. */
export async function dueFollowUps(db: RapportDB, day: string): Promise<{ followUp: FollowUp; contact: Contact }[]> {
  const open = await openFollowUpsDueBy(db, day);
  const contacts = await db.contacts.bulkGet(open.map((f) => f.contactId));
  return open
    .map((followUp, i) => ({ followUp, contact: contacts[i] }))
    .filter((row): row is { followUp: FollowUp; contact: Contact } => Boolean(row.contact))
    .sort((a, b) => a.followUp.due.localeCompare(b.followUp.due));
}

/**
 * Contacts with a keep-in-touch cadence (their own, or their coverage's default) that is due now,
 * from their last real touchpoint (`lastInteractionAt`, which notes and saved pages never set).
 */
export async function keepInTouchList(db: RapportDB, now: Date): Promise<{ contact: Contact; status: KeepInTouch }[]> {
  const rows: { contact: Contact; status: KeepInTouch }[] = [];
  const consider = (contact: Contact) => {
    const days = cadenceDays(contact);
    if (!days) return;
    const status = keepInTouchDueFrom(days, contact.lastInteractionAt, now);
    if (status.due) rows.push({ contact, status });
  };
  (await db.contacts.where('keepInTouchDays').above(0).toArray()).forEach(consider);
  // Contacts with a chosen coverage and no cadence of their own follow the coverage's default.
  (await db.contacts.where('value.coverage').anyOf([...CoverageSchema.options]).toArray()).filter((c) => !c.keepInTouchDays).forEach(consider);
  return rows.sort((a, b) => (a.status.dueSince ?? '').localeCompare(b.status.dueSince ?? '') || byPriority(a.contact, b.contact));
}

/** One row of the Today list: what is due, for whom, and since when (oldest first). */
export type TodayRow =
  | { kind: 'followup'; contact: Contact; since: string; followUp: FollowUp }
  | { kind: 'keep-in-touch'; contact: Contact; since: string; lastRealAt?: string }
  | { kind: 'awaiting'; contact: Contact; since: string; message: Interaction };

/** How far back "awaiting our reply" looks for an unanswered message. */
export const AWAITING_WINDOW_DAYS = 60;

/**
 * Contacts whose latest real touchpoint is their unanswered email or message (older than a day),
 * with that message: one pass over the window's interactions, no read per contact.
 */
export async function awaitingOurReply(db: RapportDB, now: Date): Promise<{ contact: Contact; message: Interaction }[]> {
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
  const waiting = [...latest.entries()].filter(([, message]) => awaitingReply([message], now));
  const contacts = await db.contacts.bulkGet(waiting.map(([id]) => id as ContactId));
  return waiting.flatMap(([, message], i) => (contacts[i] ? [{ contact: contacts[i], message }] : []));
}

/** Today: overdue and due follow-ups, keep-in-touch due, conversations awaiting our reply; oldest first. */
export async function todayList(db: RapportDB, now: Date): Promise<TodayRow[]> {
  const [followUps, keep, awaiting] = await Promise.all([dueFollowUps(db, localDay(now)), keepInTouchList(db, now), awaitingOurReply(db, now)]);
  const rows: TodayRow[] = [
    ...followUps.map(({ followUp, contact }) => ({ kind: 'followup' as const, contact, since: followUp.due, followUp })),
    ...keep.map(({ contact, status }) => ({
      kind: 'keep-in-touch' as const,
      contact,
      since: status.dueSince ?? localDay(new Date(contact.createdAt)),
      ...(status.lastRealAt ? { lastRealAt: status.lastRealAt } : {}),
    })),
    ...awaiting.map(({ contact, message }) => ({ kind: 'awaiting' as const, contact, since: message.occurredAt, message })),
  ];
  const day = (s: string) => (s.length === 10 ? s : localDay(new Date(s)));
  return rows.sort((a, b) => day(a.since).localeCompare(day(b.since)) || a.since.localeCompare(b.since));
}

/** A reactivation row: the quiet customer, their last real touchpoint and the latest open agreement. */
export interface ReactivateRow {
  contact: Contact;
  last?: Interaction;
  agreed?: FollowUp;
}

/** Customers with no real touchpoint for `months` months, by value; those who asked for peace counted apart. */
export async function reactivateList(
  db: RapportDB,
  now: Date,
  months = 12,
  limit = 200,
): Promise<{ rows: ReactivateRow[]; total: number; leftOut: Record<LeftOutReason, number> }> {
  const cutoff = reactivationCutoff(now, months);
  const quiet = await db.contacts.where('lastInteractionAt').below(cutoff).toArray();
  const { rows, leftOut } = reactivationList(quiet, now, months);
  const top = rows.slice(0, limit);
  const out: ReactivateRow[] = [];
  for (const contact of top) {
    const last = await lastRealTouchpoint(db, contact.id as ContactId);
    const agreed = (await db.followUps.where('contactId').equals(contact.id).toArray()).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    out.push({ contact, ...(last ? { last } : {}), ...(agreed ? { agreed } : {}) });
  }
  return { rows: out, total: rows.length, leftOut };
}

/** Per contact, our and their median reply time from captured conversations; the slowest answered first. */
export async function responsivenessList(db: RapportDB, now: Date, months = 12, limit = 200): Promise<{ contact: Contact; stats: Responsiveness }[]> {
  const since = new Date(now.getTime() - months * 30 * 86_400_000).toISOString();
  const byContact = new Map<string, Interaction[]>();
  await db.interactions
    .where('occurredAt')
    .above(since)
    .each((i) => {
      if (i.kind !== 'email' && i.kind !== 'message') return;
      for (const id of i.contactIds) {
        const list = byContact.get(id) ?? [];
        list.push(i);
        byContact.set(id, list);
      }
    });
  const stats = [...byContact.entries()]
    .map(([id, messages]) => ({ id, stats: responsiveness(messages) }))
    .filter((r) => r.stats.ourReplies + r.stats.theirReplies > 0)
    .sort((a, b) => bySlowestReply(a.stats, b.stats))
    .slice(0, limit);
  const contacts = await db.contacts.bulkGet(stats.map((r) => r.id as ContactId));
  return stats.flatMap((r, i) => (contacts[i] ? [{ contact: contacts[i], stats: r.stats }] : []));
}

/** Snooze days offered in one click. */
export function snoozeDay(pick: 'tomorrow' | 'next-week', now: Date): string {
  return addDays(localDay(now), pick === 'tomorrow' ? 1 : 7);
}

