import { z } from 'zod';
import { ChannelSchema, DaySchema, InstantSchema, LineSchema } from './common';

/** Informed or left alone: the first question of every relationship. */
export const WantsSchema = z.enum(['informed', 'relevant-only', 'left-alone']);
export type Wants = z.infer<typeof WantsSchema>;

export const AddressFormSchema = z.enum(['formal', 'informal']);
export type AddressForm = z.infer<typeof AddressFormSchema>;

/** How a contact wants to be dealt with. Every field is optional: unknown is not "no". */
export const PreferencesSchema = z.object({
  wants: WantsSchema.optional(),
  channels: z.array(ChannelSchema).max(ChannelSchema.options.length).default([]),
  /** At most `count` outbound contacts in any `days`-day window. */
  maxFrequency: z
    .object({ count: z.int().min(1).max(100), days: z.int().min(1).max(3650) })
    .optional(),
  quietUntil: DaySchema.optional(),
  bestTime: LineSchema.optional(),
  /** BCP 47 language tag, e.g. `de`, `en-GB`. */
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
    .optional(),
  address: AddressFormSchema.optional(),
  /** How to open a letter, e.g. "Sehr geehrte Frau Dr. Weiß". */
  salutation: LineSchema.optional(),
  topics: z.array(LineSchema).max(100).default([]),
  newsletterConsent: z
    .object({ granted: z.boolean(), at: InstantSchema.optional() })
    .optional(),
  doNotContact: z
    .object({ reason: z.string().trim().max(1000), since: InstantSchema.optional() })
    .optional(),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

/** Preferences of a contact nobody has asked yet. */
export function emptyPreferences(): Preferences {
  return { channels: [], topics: [] };
}
