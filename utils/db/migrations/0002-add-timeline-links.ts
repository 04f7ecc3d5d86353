import type { Migration } from './types';

interface V1Interaction {
  id: string;
  contactIds: string[];
  occurredAt: string;
}

/**
 * Adds `interactionLinks` (one row per contact and interaction) so a contact's timeline and the
 * "contacted N times in D days" guard are index range reads, and indexes contacts by company and
 * last interaction. Existing interactions get their links here.
 */
export const addTimelineLinks: Migration = {
  version: 2,
  stores: {
    contacts: 'id, *emails, linkedinUrl, *searchWords, *tags, companyId, industry, updatedAt, lastInteractionAt',
    interactionLinks: '[contactId+interactionId], [contactId+occurredAt], interactionId',
    followUps: 'id, contactId, due, [contactId+due]',
  },
  async upgrade(tx) {
    const links = tx.table('interactionLinks');
    await tx
      .table('interactions')
      .toCollection()
      .each((interaction: V1Interaction) => {
        for (const contactId of interaction.contactIds) {
          void links.put({ contactId, interactionId: interaction.id, occurredAt: interaction.occurredAt });
        }
      });
  },
};
