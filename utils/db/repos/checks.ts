import { newId, nowIso, type CheckId, type ContactId } from '../../domain/common';
import {
  RelationshipCheckSchema,
  type RelationshipCheck,
  type RelationshipCheckInput,
} from '../../domain/relationship-check';
import type { RapportDB } from '../db';
import { NotFoundError, ValidationError } from './errors';

export function parseCheck(value: unknown): RelationshipCheck {
  const result = RelationshipCheckSchema.safeParse(value);
  if (!result.success) throw ValidationError.fromZod('relationship check', result.error);
  return result.data;
}

export type NewCheck = Omit<RelationshipCheckInput, 'id' | 'createdAt' | 'updatedAt' | 'at'> & { at?: string };

/** Records a dated four-pillar assessment. */
export async function addCheck(db: RapportDB, input: NewCheck, now = new Date()): Promise<RelationshipCheck> {
  const check = parseCheck({
    ...input,
    at: input.at ?? nowIso(now),
    id: newId<CheckId>('rc'),
    createdAt: nowIso(now),
    updatedAt: nowIso(now),
  });
  return db.transaction('rw', db.contacts, db.checks, async () => {
    if (!(await db.contacts.get(check.contactId))) throw new NotFoundError('contact', check.contactId);
    await db.checks.add(check);
    return check;
  });
}

/** A contact's checks, oldest first. */
export async function checksFor(db: RapportDB, contactId: ContactId): Promise<RelationshipCheck[]> {
  return (await db.checks.where('contactId').equals(contactId).toArray()).sort((a, b) => a.at.localeCompare(b.at));
}
