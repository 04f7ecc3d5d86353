import { z } from 'zod';
import type { Envelope as EnvelopeV2 } from './2';

/**
 * Backup format version 1 (the 0.0.x preview builds): contacts had one `name`, at most one `email`
 * and `notes`; an interaction belonged to one `contactId`; follow-ups had a `done` flag; there were
 * no relationship checks, companies or pipelines.
 */
export const version = 1;

const records = z.array(z.unknown()).default([]);

export const EnvelopeSchema = z.object({
  format: z.literal('rapport-backup'),
  version: z.literal(1),
  exportedAt: z.string(),
  data: z.object({ contacts: records, interactions: records, followUps: records }),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Leaves non-objects alone: the importer reports them as invalid rows with their position. */
function mapObject(value: unknown, map: (record: Record<string, unknown>) => Record<string, unknown>): unknown {
  return isObject(value) ? map(value) : value;
}

/** Version 1 → version 2. */
export function up(old: Envelope): EnvelopeV2 {
  return {
    format: 'rapport-backup',
    version: 2,
    exportedAt: old.exportedAt,
    appVersion: 'unknown (format 1)',
    data: {
      contacts: old.data.contacts.map((value) =>
        mapObject(value, ({ name, email, notes, ...rest }) => ({
          ...rest,
          displayName: name,
          emails: typeof email === 'string' && email.trim() ? [email] : [],
          ...(typeof notes === 'string' && notes.trim() ? { about: notes } : {}),
        })),
      ),
      interactions: old.data.interactions.map((value) =>
        mapObject(value, ({ contactId, ...rest }) => ({ ...rest, contactIds: [contactId] })),
      ),
      followUps: old.data.followUps.map((value) =>
        mapObject(value, ({ done, ...rest }) => ({ ...rest, ...(done === true ? { doneAt: rest.updatedAt } : {}) })),
      ),
      checks: [],
      companies: [],
      pipelines: [],
    },
  };
}
