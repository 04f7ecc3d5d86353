import { z } from 'zod';
import { ScopeSchema } from '../model';

/**
 * Backup format version 2 (Rapport 0.1): every table of the database. Records are checked one by
 * one with the domain schemas on import, so here they are only "some JSON value": one bad record
 * becomes one invalid row in the preview, not a refused file.
 */
export const version = 2;

const records = z.array(z.unknown()).default([]);

export const EnvelopeSchema = z.object({
  format: z.literal('rapport-backup'),
  version: z.literal(2),
  exportedAt: z.string(),
  appVersion: z.string(),
  scope: ScopeSchema.optional(),
  data: z.object({
    contacts: records,
    interactions: records,
    followUps: records,
    checks: records,
    companies: records,
    pipelines: records,
  }),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;
