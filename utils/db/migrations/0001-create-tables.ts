import type { Migration } from './types';

/** The first schema: contacts, the timeline, follow-ups, relationship checks, companies, pipelines. */
export const createTables: Migration = {
  version: 1,
  stores: {
    contacts: 'id, *emails, linkedinUrl, *searchWords, *tags, updatedAt',
    interactions: 'id, *contactIds, occurredAt, &sourceKey',
    followUps: 'id, contactId, due',
    checks: 'id, contactId, at',
    companies: 'id, name, domain',
    pipelines: 'id',
    meta: 'key',
  },
};
