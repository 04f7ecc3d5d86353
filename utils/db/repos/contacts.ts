import { newId, nowIso, type ContactId } from '../../domain/common';
import { ContactSchema, type Contact, type ContactInput } from '../../domain/contact';
import { isExactMatch, isNearMatch, type IdentityProbe } from '../../domain/identity';
import { canonicalLinkedInUrl, foldForSearch, normalizeEmail } from '../../domain/normalize';
import { contactWords, matchesAll, queryTerms } from '../../domain/search';
import type { RapportDB } from '../db';
import { NotFoundError, ValidationError } from './errors';

/** Validates a full contact record with the one schema every write uses. */
export function parseContact(value: unknown): Contact {
  const result = ContactSchema.safeParse(value);
  if (!result.success) throw ValidationError.fromZod('contact', result.error);
  return dedupeLists(result.data);
}

function dedupeLists(contact: Contact): Contact {
  // Cleared optional fields are removed, not stored as undefined: records stay JSON-identical.
  for (const key of Object.keys(contact) as (keyof Contact)[]) if (contact[key] === undefined) delete contact[key];
  return {
    ...contact,
    emails: [...new Set(contact.emails)],
    phones: [...new Set(contact.phones)],
    tags: [...new Set(contact.tags)],
  };
}

export type NewContact = Omit<ContactInput, 'id' | 'createdAt' | 'updatedAt'> &
  Partial<Pick<ContactInput, 'id' | 'createdAt' | 'updatedAt'>>;

/**
 * Creates a contact. Refuses when an email or the LinkedIn URL already belongs to another
 * contact: exact identities are one person, so the caller should update or merge instead.
 */
export async function createContact(db: RapportDB, input: NewContact, now = new Date()): Promise<Contact> {
  const contact = parseContact({
    ...input,
    id: input.id ?? newId<ContactId>('ct'),
    createdAt: input.createdAt ?? nowIso(now),
    updatedAt: input.updatedAt ?? nowIso(now),
  });
  return db.transaction('rw', db.contacts, async () => {
    const clash = await findExact(db, { emails: contact.emails, linkedinUrl: contact.linkedinUrl });
    if (clash.length > 0) {
      throw new ValidationError(`${clash[0]!.displayName} already has this email or LinkedIn profile`);
    }
    await db.contacts.add(contact);
    return contact;
  });
}

export type ContactPatch = Partial<Omit<ContactInput, 'id' | 'createdAt'>>;

/** Applies a partial edit; `undefined` values clear optional fields. */
export async function updateContact(
  db: RapportDB,
  id: ContactId,
  patch: ContactPatch,
  now = new Date(),
): Promise<Contact> {
  return db.transaction('rw', db.contacts, async () => {
    const current = await db.contacts.get(id);
    if (!current) throw new NotFoundError('contact', id);
    const next = parseContact({ ...current, ...patch, id, updatedAt: nowIso(now) });
    const clash = (await findExact(db, { emails: next.emails, linkedinUrl: next.linkedinUrl })).filter(
      (other) => other.id !== id,
    );
    if (clash.length > 0) {
      throw new ValidationError(`${clash[0]!.displayName} already has this email or LinkedIn profile`);
    }
    await db.contacts.put(next);
    return next;
  });
}

const LIST_FIELDS = new Set(['emails', 'phones', 'tags', 'channels', 'topics']);

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Three-way merge of one field: what the editor changed (from `base` to `mine`) applied to what is
 * stored now (`current`), so a change another tab made meanwhile survives. Lists: the editor's
 * additions and removals, applied to the current list. Objects (value, preferences): field by field.
 * Anything else: the editor's value if they changed it, else the current one.
 */
function mergeField(key: string, base: unknown, mine: unknown, current: unknown): unknown {
  if (same(base, mine)) return current;
  if (LIST_FIELDS.has(key) && Array.isArray(mine) && (Array.isArray(base) || base === undefined) && (Array.isArray(current) || current === undefined)) {
    const before = new Set((base as unknown[] | undefined) ?? []);
    const after = new Set(mine);
    const kept = ((current as unknown[] | undefined) ?? []).filter((v) => !(before.has(v) && !after.has(v)));
    return [...new Set([...kept, ...mine.filter((v) => !before.has(v))])];
  }
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if ((key === 'value' || key === 'preferences') && isObject(mine) && isObject(current)) {
    const b = isObject(base) ? base : {};
    const out: Record<string, unknown> = { ...current };
    for (const k of new Set([...Object.keys(mine), ...Object.keys(b)])) {
      const merged = mergeField(k, b[k], mine[k], current[k]);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    }
    return out;
  }
  return mine;
}

/**
 * An edit made from a form showing `base`: only what the editor changed is applied, inside the
 * transaction, to the record as it is now. Two sidebars and the workspace editing the same person
 * at once lose nothing: lists (emails, phones, tags, channels, topics) are merged with each
 * editor's additions and removals, other fields keep the other writer's change unless this editor
 * changed the same field (then the later write wins for that field only).
 */
export async function editContact(db: RapportDB, base: Contact, patch: ContactPatch, now = new Date()): Promise<Contact> {
  return db.transaction('rw', db.contacts, async () => {
    const current = await db.contacts.get(base.id);
    if (!current) throw new NotFoundError('contact', base.id);
    const next: Record<string, unknown> = { ...current };
    for (const [key, mine] of Object.entries(patch)) {
      const merged = mergeField(key, (base as Record<string, unknown>)[key], mine, (current as Record<string, unknown>)[key]);
      if (merged === undefined) delete next[key];
      else next[key] = merged;
    }
    const contact = parseContact({ ...next, id: base.id, updatedAt: nowIso(now) });
    const clash = (await findExact(db, { emails: contact.emails, linkedinUrl: contact.linkedinUrl })).filter((other) => other.id !== base.id);
    if (clash.length > 0) throw new ValidationError(`${clash[0]!.displayName} already has this email or LinkedIn profile`);
    await db.contacts.put(contact);
    return contact;
  });
}

export async function getContact(db: RapportDB, id: string): Promise<Contact | undefined> {
  return db.contacts.get(id as ContactId);
}

/** The contact with this email address (addresses are unique across contacts). */
export async function findByEmail(db: RapportDB, email: string): Promise<Contact | undefined> {
  const key = normalizeEmail(email);
  if (!key) return undefined;
  return db.contacts.where('emails').equals(key).first();
}

/** The contact with this LinkedIn profile. */
export async function findByLinkedIn(db: RapportDB, url: string): Promise<Contact | undefined> {
  const key = canonicalLinkedInUrl(url);
  if (!key) return undefined;
  return db.contacts.where('linkedinUrl').equals(key).first();
}

/** Every contact sharing any of these exact identities. */
export async function findExact(
  db: RapportDB,
  identity: { emails: readonly string[]; linkedinUrl?: string | undefined },
): Promise<Contact[]> {
  const found = new Map<string, Contact>();
  const emails = identity.emails.map(normalizeEmail).filter(Boolean);
  if (emails.length > 0) {
    for (const c of await db.contacts.where('emails').anyOf(emails).toArray()) found.set(c.id, c);
  }
  const url = identity.linkedinUrl ? canonicalLinkedInUrl(identity.linkedinUrl) : '';
  if (url) {
    for (const c of await db.contacts.where('linkedinUrl').equals(url).toArray()) found.set(c.id, c);
  }
  return [...found.values()];
}

/**
 * Contacts with a word (name, company, title, email, tag, industry, about) starting with every term
 * of the query, by name; the most recently changed contacts for an empty query. Notes are searched
 * by `search` (repos/search.ts).
 */
export async function searchContacts(db: RapportDB, query: string, limit = 50): Promise<Contact[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return db.contacts.orderBy('updatedAt').reverse().limit(limit).toArray();
  const [lead, ...rest] = terms;
  const found = await db.contacts
    .where('words')
    .startsWith(lead!)
    .distinct()
    .filter((c) => rest.length === 0 || matchesAll(contactWords(c), rest))
    .limit(limit)
    .toArray();
  return found.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

/** Result of matching one person on screen against the store. */
export interface PersonMatch {
  contact: Contact | undefined;
  /** Name (+company) near matches, offered as "is this …?". Empty when matched exactly. */
  suggestions: Contact[];
}

/** Matches a person by email, then LinkedIn URL; otherwise collects near matches by name and company. */
export async function matchPerson(db: RapportDB, probe: IdentityProbe): Promise<PersonMatch> {
  const byEmail = probe.email ? await findByEmail(db, probe.email) : undefined;
  if (byEmail) return { contact: byEmail, suggestions: [] };
  const byUrl = probe.linkedinUrl ? await findByLinkedIn(db, probe.linkedinUrl) : undefined;
  if (byUrl) return { contact: byUrl, suggestions: [] };
  const [longest] = probe.name ? queryTerms(probe.name) : [];
  if (!longest) return { contact: undefined, suggestions: [] };
  const candidates = await db.contacts.where('words').equals(longest).limit(200).toArray();
  const suggestions = candidates.filter((c) => isNearMatch(c, probe) && !isExactMatch(c, probe));
  return { contact: undefined, suggestions };
}

function preferFilled<T>(keep: T | undefined, drop: T | undefined): T | undefined {
  if (keep === undefined || keep === '' || (Array.isArray(keep) && keep.length === 0)) return drop;
  return keep;
}

/** The union of two contacts: `keep` wins where both have a value; lists are joined. */
export function mergedContact(keep: Contact, drop: Contact, now: Date): Contact {
  const fields = Object.keys(ContactSchema.shape) as (keyof Contact)[];
  const merged: Record<string, unknown> = { ...keep };
  for (const field of fields) merged[field] = preferFilled(keep[field], drop[field]);
  const prefs = { ...drop.preferences, ...stripEmpty(keep.preferences) };
  const latest = [keep, drop]
    .filter((c) => c.lastInteractionAt)
    .sort((a, b) => b.lastInteractionAt!.localeCompare(a.lastInteractionAt!))[0];
  const aboutParts = [keep.about, drop.about].filter((t): t is string => Boolean(t?.trim()));
  return parseContact({
    ...merged,
    id: keep.id,
    emails: [...keep.emails, ...drop.emails],
    phones: [...keep.phones, ...drop.phones],
    tags: [...keep.tags, ...drop.tags],
    value: { ...drop.value, ...stripEmpty(keep.value) },
    preferences: {
      ...prefs,
      channels: [...new Set([...keep.preferences.channels, ...drop.preferences.channels])],
      topics: [...new Set([...keep.preferences.topics, ...drop.preferences.topics])],
    },
    about: aboutParts.length > 1 && aboutParts[0] !== aboutParts[1] ? aboutParts.join('\n\n') : aboutParts[0],
    lastInteractionAt: latest?.lastInteractionAt,
    lastInteractionChannel: latest?.lastInteractionChannel,
    createdAt: keep.createdAt < drop.createdAt ? keep.createdAt : drop.createdAt,
    updatedAt: nowIso(now),
  });
}

function stripEmpty<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
  ) as Partial<T>;
}

/**
 * Merges `dropId` into `keepId` in one transaction: the union of both records, and every
 * interaction, timeline link, follow-up and relationship check moved over. Nothing is lost.
 */
export async function mergeContacts(
  db: RapportDB,
  keepId: ContactId,
  dropId: ContactId,
  now = new Date(),
): Promise<Contact> {
  if (keepId === dropId) throw new ValidationError('A contact cannot be merged with itself');
  return db.transaction(
    'rw',
    [db.contacts, db.interactions, db.interactionLinks, db.followUps, db.checks],
    async () => {
      const [keep, drop] = await db.contacts.bulkGet([keepId, dropId]);
      if (!keep) throw new NotFoundError('contact', keepId);
      if (!drop) throw new NotFoundError('contact', dropId);
      const merged = mergedContact(keep, drop, now);

      const moved = await db.interactions.where('contactIds').equals(dropId).toArray();
      for (const interaction of moved) {
        const contactIds = [...new Set(interaction.contactIds.map((id) => (id === dropId ? keepId : id)))];
        await db.interactions.put({ ...interaction, contactIds });
        await db.interactionLinks.put({ contactId: keepId, interactionId: interaction.id, occurredAt: interaction.occurredAt });
      }
      await db.interactionLinks.where('[contactId+occurredAt]').between([dropId, ''], [dropId, '\uffff']).delete();
      await db.followUps.where('contactId').equals(dropId).modify({ contactId: keepId });
      await db.checks.where('contactId').equals(dropId).modify({ contactId: keepId });
      await db.contacts.delete(dropId);
      await db.contacts.put(merged);
      return merged;
    },
  );
}

/** Deletes a contact with its follow-ups and checks; interactions shared with others keep the others. */
export async function deleteContact(db: RapportDB, id: ContactId): Promise<void> {
  await db.transaction('rw', [db.contacts, db.interactions, db.interactionLinks, db.followUps, db.checks], async () => {
    const name = (await db.contacts.get(id))?.displayName;
    for (const interaction of await db.interactions.where('contactIds').equals(id).toArray()) {
      const rest = interaction.contactIds.filter((c) => c !== id);
      if (rest.length === 0) await db.interactions.delete(interaction.id);
      else {
        // Shared with others: it stays on their timeline, without the erased person as its author.
        const { author, ...kept } = interaction;
        await db.interactions.put({ ...kept, ...(author && author !== name ? { author } : {}), contactIds: rest });
      }
    }
    await db.interactionLinks.where('[contactId+occurredAt]').between([id, ''], [id, '\uffff']).delete();
    await db.followUps.where('contactId').equals(id).delete();
    await db.checks.where('contactId').equals(id).delete();
    await db.contacts.delete(id);
  });
}

/** Folded display name for sorting lists. */
export function sortKey(contact: Pick<Contact, 'displayName'>): string {
  return foldForSearch(contact.displayName);
}
