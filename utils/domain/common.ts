import { z } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

/*
 * The schemas the sidebar's first paint needs are zod/mini (functional checks, only what is used
 * gets bundled; full zod carries every method of every schema). They compose with full-zod schemas
 * elsewhere. Full zod sets English issue messages on first use; zod/mini sets none, so do it here:
 * the same messages on every page.
 */
z.config(en());

/** Longest free text we store in one field (a pasted email thread fits; a runaway page does not). */
export const MAX_TEXT = 200_000;
/** Longest single-line value (names, titles, subjects). */
export const MAX_LINE = 1_000;

export const ContactIdSchema = z.string().check(z.minLength(1), z.maxLength(100)).brand<'ContactId'>();
export const InteractionIdSchema = z.string().check(z.minLength(1), z.maxLength(100)).brand<'InteractionId'>();
export const FollowUpIdSchema = z.string().check(z.minLength(1), z.maxLength(100)).brand<'FollowUpId'>();
export const CheckIdSchema = z.string().check(z.minLength(1), z.maxLength(100)).brand<'CheckId'>();
export const CompanyIdSchema = z.string().check(z.minLength(1), z.maxLength(100)).brand<'CompanyId'>();
export const PipelineIdSchema = z.string().check(z.minLength(1), z.maxLength(100)).brand<'PipelineId'>();

export type ContactId = z.infer<typeof ContactIdSchema>;
export type InteractionId = z.infer<typeof InteractionIdSchema>;
export type FollowUpId = z.infer<typeof FollowUpIdSchema>;
export type CheckId = z.infer<typeof CheckIdSchema>;
export type CompanyId = z.infer<typeof CompanyIdSchema>;
export type PipelineId = z.infer<typeof PipelineIdSchema>;

/** A new random id with a readable prefix (`ct_…` for contacts, `ix_…` for interactions, …). */
export function newId<T extends string>(prefix: string): T {
  return `${prefix}_${crypto.randomUUID()}` as T;
}

/** ISO-8601 instant in UTC, e.g. `2026-11-25T15:00:00.000Z`. */
export const InstantSchema = z.iso.datetime({ offset: true });
/** Calendar day `YYYY-MM-DD` (follow-ups, quiet-until): a day, not an instant. */
export const DaySchema = z.iso.date();

/** One line of text: trimmed, bounded, never empty when present. */
export const LineSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_LINE));
export const TextSchema = z.string().check(z.maxLength(MAX_TEXT));

/**
 * Every channel a touchpoint can happen on. Values are only ever added (stored records and backups
 * keep opening): video call, the messengers (WhatsApp, Signal, SMS, Teams chat), event / trade fair
 * and letter came with issue 11.
 */
export const ChannelSchema = z.enum([
  'email',
  'linkedin',
  'phone',
  'in-person',
  'web',
  'other',
  'video-call',
  'whatsapp',
  'signal',
  'sms',
  'teams-chat',
  'event',
  'letter',
]);
export type Channel = z.infer<typeof ChannelSchema>;

/** The messenger channels, shown as one group in channel pickers. */
export const MESSENGER_CHANNELS: readonly Channel[] = ['whatsapp', 'signal', 'sms', 'teams-chat'];

/** The department a touchpoint came from (every department touches the same customer). */
export const DepartmentSchema = z.enum(['sales', 'marketing', 'support', 'service', 'management', 'other']);
export type Department = z.infer<typeof DepartmentSchema>;

/** The current instant as stored. */
export function nowIso(now: Date = new Date()): string {
  return now.toISOString();
}
