import type { ContactId } from '../../domain/common';
import type { Contact } from '../../domain/contact';
import type { RapportDB } from '../db';

/**
 * Weiterempfehlung, both ways: who recommended this contact to us (`value.referredBy`) and whom
 * they recommended (every contact whose `referredBy` names them: a key read of the
 * `value.referredBy` index), by name.
 */
export async function referralsOf(db: RapportDB, contact: Pick<Contact, 'id' | 'value'>): Promise<{ referredBy?: Contact; recommended: Contact[] }> {
  const [referredBy, recommended] = await Promise.all([
    contact.value.referredBy ? db.contacts.get(contact.value.referredBy as ContactId) : undefined,
    db.contacts.where('value.referredBy').equals(contact.id).toArray(),
  ]);
  recommended.sort((a, b) => a.displayName.localeCompare(b.displayName));
  return { ...(referredBy ? { referredBy } : {}), recommended };
}
