import { findDuplicates, type DuplicatePair } from '../../domain/duplicates';
import type { RapportDB } from '../db';

/**
 * Likely duplicate pairs in the notebook (same email, LinkedIn profile, or name at the same
 * company), for the user to review and merge one by one.
 */
export async function duplicatePairs(db: RapportDB, limit = 100): Promise<DuplicatePair[]> {
  return findDuplicates(await db.contacts.toArray()).slice(0, limit);
}
