import { newId, nowIso, type ContactId, type InteractionId } from '../../domain/common';
import {
  InteractionSchema,
  isRealTouchpoint,
  sourceKeyOf,
  type Interaction,
  type InteractionInput,
} from '../../domain/interaction';
import type { Contact } from '../../domain/contact';
import type { RapportDB } from '../db';
import { NotFoundError, ValidationError } from './errors';

export type NewInteraction = Omit<InteractionInput, 'id' | 'createdAt' | 'updatedAt' | 'sourceKey'> &
  Partial<Pick<InteractionInput, 'id' | 'createdAt' | 'updatedAt'>>;

/** Validates an interaction with the one schema every write uses and derives its dedupe key. */
export function parseInteraction(value: unknown): Interaction {
  const result = InteractionSchema.safeParse(value);
  if (!result.success) throw ValidationError.fromZod('interaction', result.error);
  const interaction = { ...result.data, contactIds: [...new Set(result.data.contactIds)] };
  const sourceKey = sourceKeyOf(interaction.source);
  if (sourceKey) interaction.sourceKey = sourceKey;
  else delete interaction.sourceKey;
  return interaction;
}

function build(input: NewInteraction, now: Date): Interaction {
  return parseInteraction({
    ...input,
    id: input.id ?? newId<InteractionId>('ix'),
    createdAt: input.createdAt ?? nowIso(now),
    updatedAt: input.updatedAt ?? nowIso(now),
  });
}

/**
 * Writes interactions, their timeline links, and each contact's last touchpoint, with one bulk
 * request per table whatever the number of interactions. Call inside a transaction.
 */
async function writeInteractions(db: RapportDB, interactions: readonly Interaction[]): Promise<void> {
  if (interactions.length === 0) return;
  const ids = [...new Set(interactions.flatMap((i) => i.contactIds))];
  const contacts = await db.contacts.bulkGet(ids);
  const missing = ids.find((_, i) => !contacts[i]);
  if (missing) throw new NotFoundError('contact', missing);
  const latest = new Map<string, Interaction>();
  for (const interaction of interactions) {
    // Last contact means contact: a note or a saved page is not a touchpoint with the person.
    if (!isRealTouchpoint(interaction.kind)) continue;
    for (const contactId of interaction.contactIds) {
      const seen = latest.get(contactId);
      if (!seen || seen.occurredAt < interaction.occurredAt) latest.set(contactId, interaction);
    }
  }
  const touched = (contacts as Contact[])
    .filter((c) => latest.has(c.id))
    .filter((c) => !c.lastInteractionAt || c.lastInteractionAt < latest.get(c.id)!.occurredAt)
    .map((c) => ({ ...c, lastInteractionAt: latest.get(c.id)!.occurredAt, lastInteractionChannel: latest.get(c.id)!.channel }));
  await Promise.all([
    db.interactions.bulkPut(interactions),
    db.interactionLinks.bulkPut(interactions.flatMap((i) => i.contactIds.map((contactId) => ({ contactId, interactionId: i.id, occurredAt: i.occurredAt })))),
    db.contacts.bulkPut(touched),
  ]);
}

/** One interaction: see `writeInteractions`. */
function writeInteraction(db: RapportDB, interaction: Interaction): Promise<void> {
  return writeInteractions(db, [interaction]);
}

const TABLES = (db: RapportDB) => [db.contacts, db.interactions, db.interactionLinks];

/** Adds one touchpoint (a note, a logged call, …) and updates the contacts' last interaction. */
export async function addInteraction(db: RapportDB, input: NewInteraction, now = new Date()): Promise<Interaction> {
  const interaction = build(input, now);
  return db.transaction('rw', TABLES(db), async () => {
    if (interaction.sourceKey) {
      const existing = await db.interactions.where('sourceKey').equals(interaction.sourceKey).first();
      if (existing) return existing;
    }
    await writeInteraction(db, interaction);
    return interaction;
  });
}

/**
 * Stores captured messages (a thread, a conversation) in one transaction. Messages already stored
 * (same site and message id) are skipped, so saving again stores nothing twice; one stored without
 * its text (logged automatically) gets the text now, when this capture carries it (`filled`).
 */
export async function captureInteractions(
  db: RapportDB,
  inputs: readonly NewInteraction[],
  now = new Date(),
): Promise<{ stored: Interaction[]; skipped: number; filled: number }> {
  const interactions = inputs.map((input) => build(input, now));
  return db.transaction('rw', TABLES(db), async () => {
    // One read for every message key, one bulk write per table: a 30-message thread is a handful of requests.
    const keys = interactions.map((i) => i.sourceKey).filter((k): k is string => Boolean(k));
    const existing = new Map<string, Interaction>();
    if (keys.length) for (const row of await db.interactions.where('sourceKey').anyOf(keys).toArray()) existing.set(row.sourceKey!, row);
    const stored: Interaction[] = [];
    const filled: Interaction[] = [];
    const seen = new Set<string>();
    for (const interaction of interactions) {
      const key = interaction.sourceKey;
      const old = key ? existing.get(key) : undefined;
      if (old) {
        if (!old.text && interaction.text && !seen.has(key!)) filled.push({ ...old, text: interaction.text, updatedAt: nowIso(now) });
        if (key) seen.add(key);
        continue;
      }
      if (key && seen.has(key)) continue;
      if (key) seen.add(key);
      stored.push(interaction);
    }
    await writeInteractions(db, stored);
    if (filled.length) await db.interactions.bulkPut(filled);
    return { stored, skipped: interactions.length - stored.length, filled: filled.length };
  });
}

/** Edits an interaction's content; links follow a changed date or contact list. */
export async function updateInteraction(
  db: RapportDB,
  id: InteractionId,
  patch: Partial<Omit<InteractionInput, 'id' | 'createdAt' | 'sourceKey'>>,
  now = new Date(),
): Promise<Interaction> {
  return db.transaction('rw', TABLES(db), async () => {
    const current = await db.interactions.get(id);
    if (!current) throw new NotFoundError('interaction', id);
    const next = parseInteraction({ ...current, ...patch, id, updatedAt: nowIso(now) });
    await db.interactionLinks.where('interactionId').equals(id).delete();
    await writeInteraction(db, next);
    await refreshLastInteraction(db, current.contactIds.filter((c) => !next.contactIds.includes(c)));
    return next;
  });
}

/** Deletes an interaction and returns it, so the UI can offer undo via `restoreInteraction`. */
export async function deleteInteraction(db: RapportDB, id: InteractionId): Promise<Interaction | undefined> {
  return db.transaction('rw', TABLES(db), async () => {
    const current = await db.interactions.get(id);
    if (!current) return undefined;
    await db.interactions.delete(id);
    await db.interactionLinks.where('interactionId').equals(id).delete();
    await refreshLastInteraction(db, current.contactIds);
    return current;
  });
}

/** Puts a deleted interaction back exactly as it was. */
export async function restoreInteraction(db: RapportDB, interaction: Interaction): Promise<void> {
  const parsed = parseInteraction(interaction);
  await db.transaction('rw', TABLES(db), () => writeInteraction(db, parsed));
}

/** Recomputes the last real touchpoint of contacts from their timeline (after a delete or move). */
async function refreshLastInteraction(db: RapportDB, contactIds: readonly string[]): Promise<void> {
  for (const contactId of contactIds) {
    const contact = await db.contacts.get(contactId as ContactId);
    if (!contact) continue;
    const interaction = await lastRealTouchpoint(db, contactId as ContactId);
    const next = { ...contact };
    if (interaction) {
      next.lastInteractionAt = interaction.occurredAt;
      next.lastInteractionChannel = interaction.channel;
    } else {
      delete next.lastInteractionAt;
      delete next.lastInteractionChannel;
    }
    await db.contacts.put(next);
  }
}

/** The newest real touchpoint (mail, message, call, meeting) on a contact's timeline, skipping notes and pages. */
export async function lastRealTouchpoint(db: RapportDB, contactId: ContactId): Promise<Interaction | undefined> {
  let before: string | undefined;
  for (;;) {
    const page = await timeline(db, contactId, { limit: 50, ...(before ? { before } : {}) });
    const real = page.find((i) => isRealTouchpoint(i.kind));
    if (real) return real;
    if (page.length < 50) return undefined;
    before = page[page.length - 1]!.occurredAt;
  }
}

/** A contact's timeline, newest first. */
export async function timeline(
  db: RapportDB,
  contactId: ContactId,
  options: { limit?: number; before?: string } = {},
): Promise<Interaction[]> {
  const upper = options.before ?? '\uffff';
  const links = await db.interactionLinks
    .where('[contactId+occurredAt]')
    .between([contactId, ''], [contactId, upper], true, false)
    .reverse()
    .limit(options.limit ?? 500)
    .toArray();
  const rows = await db.interactions.bulkGet(links.map((l) => l.interactionId as InteractionId));
  return rows.filter((r): r is Interaction => Boolean(r));
}
