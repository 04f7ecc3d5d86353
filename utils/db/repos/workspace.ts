import type { ContactId } from '../../domain/common';
import type { Contact } from '../../domain/contact';
import { keepInTouchDue, type KeepInTouch } from '../../domain/cadence';
import type { FollowUp } from '../../domain/followup';
import { byPriority, inSegment, type Segment } from '../../domain/segment';
import type { RapportDB } from '../db';
import { search, type SearchHit } from './search';
import { openFollowUpsDueBy } from './followups';
import { timeline } from './interactions';

/**
 * The workspace list: with a query, the search hits (contacts and notes) inside the segment, in
 * search order; without one, the segment's contacts, the `limit` first in priority order, streamed
 * over the table keeping only the best candidates (a 100 k-contact notebook is never held in memory).
 */
export async function segmentContacts(db: RapportDB, query: string, segment: Segment, limit = 200): Promise<SearchHit[]> {
  if (query.trim()) {
    return (await search(db, query, limit * 2)).filter((hit) => inSegment(hit.contact, segment)).slice(0, limit);
  }
  let best: Contact[] = [];
  const visit = (contact: Contact) => {
    if (!inSegment(contact, segment)) return;
    best.push(contact);
    if (best.length >= limit * 4) best = best.sort(byPriority).slice(0, limit);
  };
  if (segment.tag) (await db.contacts.where('tags').equals(segment.tag).toArray()).forEach(visit);
  else await db.contacts.each(visit);
  return best.sort(byPriority).slice(0, limit).map((contact) => ({ contact }));
}

/** Values in use, for the segment pickers. */
export async function segmentValues(db: RapportDB): Promise<{ tags: string[]; industries: string[] }> {
  const [tags, industries] = await Promise.all([db.contacts.orderBy('tags').uniqueKeys(), db.contacts.orderBy('industry').uniqueKeys()]);
  return { tags: tags.map(String), industries: industries.map(String) };
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

/** Contacts with a keep-in-touch cadence that is due now, derived from their real timeline. */
export async function keepInTouchList(db: RapportDB, now: Date): Promise<{ contact: Contact; status: KeepInTouch }[]> {
  const withCadence = await db.contacts.where('keepInTouchDays').above(0).toArray();
  const rows = [];
  for (const contact of withCadence) {
    const status = keepInTouchDue(contact, await timeline(db, contact.id as ContactId, { limit: 200 }), now);
    if (status.due) rows.push({ contact, status });
  }
  return rows.sort((a, b) => byPriority(a.contact, b.contact));
}
