import type { ContactId } from '../../domain/common';
import type { RapportDB } from '../db';
import { deleteContact } from './contacts';

/**
 * Erases a contact (GDPR Art. 17): the record, every interaction only they took part in, their
 * timeline links, follow-ups and relationship checks, and their search words with them (the words
 * live on the deleted records). Interactions shared with others keep the others. Referrals that
 * name them are cleared on the contacts they recommended.
 */
export async function eraseContact(db: RapportDB, id: ContactId): Promise<void> {
  await db.transaction('rw', [db.contacts, db.interactions, db.interactionLinks, db.followUps, db.checks], async () => {
    await deleteContact(db, id);
    await db.contacts
      .filter((c) => c.value.referredBy === id)
      .modify((c) => {
        delete c.value.referredBy;
      });
  });
}
