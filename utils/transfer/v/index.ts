import type { z } from 'zod';
import { TransferError } from '../errors';
import * as v1 from './1';
import * as v2 from './2';

/** The version this build writes. */
export const CURRENT_VERSION = v2.version;
export type CurrentEnvelope = v2.Envelope;

/** The `format` value of every Rapport backup and handover bundle. */
export const FORMAT_ID = 'rapport-backup';

function parse<S extends z.ZodType>(schema: S, value: unknown, version: number): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.join('.') || 'envelope';
    throw new TransferError('bad-envelope', `This Rapport backup (format version ${version}) is damaged: ${where}: ${issue?.message ?? 'invalid'}.`);
  }
  return result.data;
}

/**
 * Reads any version of our envelope and migrates it up, step by step, to the current one. Another
 * app's JSON and a backup from a newer Rapport are refused with a message saying which it is.
 */
export function migrateEnvelope(raw: unknown): CurrentEnvelope {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || (raw as { format?: unknown }).format !== FORMAT_ID) {
    throw new TransferError(
      'not-rapport',
      'This JSON file is not a Rapport backup (it has no "format": "rapport-backup"). It may come from another app; export CSV or vCard there and import that.',
    );
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new TransferError('bad-envelope', 'This Rapport backup has no valid "version" number.');
  }
  if (version > CURRENT_VERSION) {
    throw new TransferError(
      'future-version',
      `This backup was written by a newer Rapport (format version ${version}); this Rapport reads versions 1 to ${CURRENT_VERSION}. Update Rapport, then import again.`,
    );
  }
  // One `up()` per step: adding version 3 means a v/3.ts and one more line here.
  let envelope: unknown = raw;
  if (version === 1) envelope = v1.up(parse(v1.EnvelopeSchema, envelope, 1));
  return parse(v2.EnvelopeSchema, envelope, CURRENT_VERSION);
}
