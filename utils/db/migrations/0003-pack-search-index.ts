import type { Migration } from './types';

/**
 * Replaces the per-word `searchWords` index of contacts (five index entries per contact, half the
 * cost of a large import) with packed search pages kept by `searchIndexMiddleware`, and drops the
 * `updatedAt` index, whose one use (recently changed contacts) the pages answer. Rewriting every
 * contact without its old `searchWords` field passes each through the middleware, which files it
 * in its page.
 */
export const packSearchIndex: Migration = {
  version: 3,
  stores: {
    contacts: 'id, *emails, linkedinUrl, *tags, companyId, industry, lastInteractionAt',
    searchPages: 'page',
  },
  async upgrade(tx) {
    await tx
      .table('contacts')
      .toCollection()
      .modify((contact: { searchWords?: unknown }) => {
        delete contact.searchWords;
      });
  },
};
