import { z } from 'zod';
import {
  ChannelSchema,
  ContactIdSchema,
  DepartmentSchema,
  InstantSchema,
  InteractionIdSchema,
  LineSchema,
  TextSchema,
} from './common';

/** `stage` is a pipeline move (stage history): ours, like a note, not contact with the person. */
export const InteractionKindSchema = z.enum(['note', 'email', 'message', 'call', 'meeting', 'page', 'stage']);
export type InteractionKind = z.infer<typeof InteractionKindSchema>;

export const DirectionSchema = z.enum(['inbound', 'outbound', 'internal']);
export type Direction = z.infer<typeof DirectionSchema>;

export const SourceSchema = z.object({
  site: z.enum(['gmail', 'outlook', 'linkedin', 'web', 'import', 'manual']),
  url: z.string().max(4000).optional(),
  threadId: z.string().max(500).optional(),
  /** The key that stops a captured message from being stored twice. */
  messageId: z.string().max(500).optional(),
});
export type Source = z.infer<typeof SourceSchema>;

/** One touchpoint on the timeline, on any channel, from any department. */
export const InteractionSchema = z.object({
  id: InteractionIdSchema,
  contactIds: z.array(ContactIdSchema).min(1).max(200),
  kind: InteractionKindSchema,
  channel: ChannelSchema,
  direction: DirectionSchema,
  department: DepartmentSchema.default('sales'),
  occurredAt: InstantSchema,
  /** The page showed no date that could be read: `occurredAt` is the time of capture. */
  dateIsCaptureTime: z.boolean().optional(),
  subject: LineSchema.optional(),
  text: TextSchema.default(''),
  source: SourceSchema.optional(),
  /** `site:messageId`, unique across the store; absent for hand-written notes. */
  sourceKey: z.string().max(600).optional(),
  author: LineSchema.optional(),
  /**
   * Logged automatically from a mail thread on screen (issue 11), not saved by hand. Such an entry
   * holds no message text unless the user saved the conversation or keeps message text.
   */
  auto: z.boolean().optional(),
  /** Marked important: goes into the handover summary. */
  important: z.boolean().optional(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Interaction = z.infer<typeof InteractionSchema>;
export type InteractionInput = z.input<typeof InteractionSchema>;

/** The dedupe key of a captured message, or undefined when it has no message id. */
export function sourceKeyOf(source: Source | undefined): string | undefined {
  return source?.messageId ? `${source.site}:${source.messageId}` : undefined;
}

/** The kinds that are real contact with the person: mail, message, call, meeting (in person or not). */
export const REAL_TOUCHPOINT_KINDS: ReadonlySet<InteractionKind> = new Set(['email', 'message', 'call', 'meeting']);

/** Kinds that are real contact with the person (a note, a saved page or a stage move is not). */
export function isRealTouchpoint(kind: InteractionKind): boolean {
  return REAL_TOUCHPOINT_KINDS.has(kind);
}
