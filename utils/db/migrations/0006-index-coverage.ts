import type { Migration } from './types';

/*
 * Schema 6 (2026-11-30): an index on the chosen coverage model (`value.coverage`), so the Today
 * list finds the contacts whose keep-in-touch cadence comes from their coverage without reading
 * every contact. Dexie builds the index from the stored records; no record changes.
 */
export const indexCoverage: Migration = {
  version: 6,
  stores: {
    contacts:
      'id, *emails, linkedinUrl, *tags, industry, value.tier, value.loyalty, value.coverage, [pipeline.pipelineId+pipeline.stage], owner, updatedAt, lastInteractionAt, keepInTouchDays, *words',
  },
};
