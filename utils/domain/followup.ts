import { z } from 'zod/mini';
import { ContactIdSchema, DaySchema, FollowUpIdSchema, InstantSchema, LineSchema } from './common';

/** Wiedervorlage: a dated reminder to act for one contact. */
export const FollowUpSchema = z.object({
  id: FollowUpIdSchema,
  contactId: ContactIdSchema,
  due: DaySchema,
  /** The time on `due` it is promised for ("call back in 2 hours"); most follow-ups name a day only. */
  dueAt: z.optional(InstantSchema),
  what: LineSchema,
  doneAt: z.optional(InstantSchema),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type FollowUp = z.infer<typeof FollowUpSchema>;
export type FollowUpInput = z.input<typeof FollowUpSchema>;

export type FollowUpState = 'open' | 'overdue' | 'done';

/** Local calendar day of an instant, `YYYY-MM-DD`. */
export function localDay(date: Date): string {
  const y = date.getFullYear();
  const m = String(date.getMonth() + 1).padStart(2, '0');
  const d = String(date.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Open, overdue (due before today) or done. */
export function followUpState(followUp: Pick<FollowUp, 'due' | 'doneAt'>, now: Date): FollowUpState {
  if (followUp.doneAt) return 'done';
  return followUp.due < localDay(now) ? 'overdue' : 'open';
}
