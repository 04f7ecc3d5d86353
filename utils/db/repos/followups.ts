import { newId, nowIso, type ContactId, type FollowUpId } from '../../domain/common';
import { FollowUpSchema, type FollowUp, type FollowUpInput } from '../../domain/followup';
import type { RapportDB } from '../db';
import { NotFoundError, ValidationError } from './errors';

export function parseFollowUp(value: unknown): FollowUp {
  const result = FollowUpSchema.safeParse(value);
  if (!result.success) throw ValidationError.fromZod('follow-up', result.error);
  return result.data;
}

export type NewFollowUp = Omit<FollowUpInput, 'id' | 'createdAt' | 'updatedAt'>;

export async function addFollowUp(db: RapportDB, input: NewFollowUp, now = new Date()): Promise<FollowUp> {
  const followUp = parseFollowUp({ ...input, id: newId<FollowUpId>('fu'), createdAt: nowIso(now), updatedAt: nowIso(now) });
  return db.transaction('rw', db.contacts, db.followUps, async () => {
    if (!(await db.contacts.get(followUp.contactId))) throw new NotFoundError('contact', followUp.contactId);
    await db.followUps.add(followUp);
    return followUp;
  });
}

/** Marks done (or reopens with `done = false`). */
export async function setFollowUpDone(db: RapportDB, id: FollowUpId, done: boolean, now = new Date()): Promise<FollowUp> {
  return db.transaction('rw', db.followUps, async () => {
    const current = await db.followUps.get(id);
    if (!current) throw new NotFoundError('follow-up', id);
    const next: FollowUp = { ...current, updatedAt: nowIso(now) };
    if (done) next.doneAt = nowIso(now);
    else delete next.doneAt;
    await db.followUps.put(parseFollowUp(next));
    return next;
  });
}

export async function deleteFollowUp(db: RapportDB, id: FollowUpId): Promise<void> {
  await db.followUps.delete(id);
}

export async function followUpsFor(db: RapportDB, contactId: ContactId): Promise<FollowUp[]> {
  return db.followUps.where('[contactId+due]').between([contactId, ''], [contactId, '\uffff']).toArray();
}

/** Open follow-ups due on or before a day, oldest first. */
export async function openFollowUpsDueBy(db: RapportDB, day: string): Promise<FollowUp[]> {
  return (await db.followUps.where('due').belowOrEqual(day).toArray()).filter((f) => !f.doneAt);
}

/** Moves an open follow-up to another day (snooze). */
export async function snoozeFollowUp(db: RapportDB, id: FollowUpId, due: string, now = new Date()): Promise<FollowUp> {
  return db.transaction('rw', db.followUps, async () => {
    const current = await db.followUps.get(id);
    if (!current) throw new NotFoundError('follow-up', id);
    const next = parseFollowUp({ ...current, due, updatedAt: nowIso(now) });
    await db.followUps.put(next);
    return next;
  });
}
