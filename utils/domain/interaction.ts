import { z } from 'zod/mini';
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
  url: z.optional(z.string().check(z.maxLength(4000))),
  threadId: z.optional(z.string().check(z.maxLength(500))),
  /** The key that stops a captured message from being stored twice. */
  messageId: z.optional(z.string().check(z.maxLength(500))),
});
export type Source = z.infer<typeof SourceSchema>;

/** One touchpoint on the timeline, on any channel, from any department. */
export const InteractionSchema = z.object({
  id: InteractionIdSchema,
  contactIds: z.array(ContactIdSchema).check(z.minLength(1), z.maxLength(200)),
  kind: InteractionKindSchema,
  channel: ChannelSchema,
  direction: DirectionSchema,
  department: z._default(DepartmentSchema, 'sales'),
  occurredAt: InstantSchema,
  /** The page showed no date that could be read: `occurredAt` is the time of capture. */
  dateIsCaptureTime: z.optional(z.boolean()),
  subject: z.optional(LineSchema),
  text: z._default(TextSchema, ''),
  source: z.optional(SourceSchema),
  /** `site:messageId`, unique across the store; absent for hand-written notes. */
  sourceKey: z.optional(z.string().check(z.maxLength(600))),
  author: z.optional(LineSchema),
  /**
   * Logged automatically from a mail thread on screen (issue 11), not saved by hand. Such an entry
   * holds no message text unless the user saved the conversation or keeps message text.
   */
  auto: z.optional(z.boolean()),
  /** Marked important: goes into the handover summary. */
  important: z.optional(z.boolean()),
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
