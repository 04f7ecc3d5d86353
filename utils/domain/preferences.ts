import { z } from 'zod/mini';
import { ChannelSchema, DaySchema, InstantSchema, LineSchema } from './common';

/** Informed or left alone: the first question of every relationship. */
export const WantsSchema = z.enum(['informed', 'relevant-only', 'left-alone']);
export type Wants = z.infer<typeof WantsSchema>;

export const AddressFormSchema = z.enum(['formal', 'informal']);
export type AddressForm = z.infer<typeof AddressFormSchema>;

/** How a contact wants to be dealt with. Every field is optional: unknown is not "no". */
export const PreferencesSchema = z.object({
  wants: z.optional(WantsSchema),
  channels: z._default(z.array(ChannelSchema).check(z.maxLength(ChannelSchema.options.length)), []),
  /** At most `count` outbound contacts in any `days`-day window. */
  maxFrequency: z.optional(
    z.object({ count: z.int().check(z.gte(1), z.lte(100)), days: z.int().check(z.gte(1), z.lte(3650)) }),
  ),
  quietUntil: z.optional(DaySchema),
  bestTime: z.optional(LineSchema),
  /** BCP 47 language tag, e.g. `de`, `en-GB`. */
  language: z.optional(z.string().check(z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/))),
  address: z.optional(AddressFormSchema),
  /** How to open a letter, e.g. "Sehr geehrte Frau Dr. Weiß". */
  salutation: z.optional(LineSchema),
  topics: z._default(z.array(LineSchema).check(z.maxLength(100)), []),
  newsletterConsent: z.optional(z.object({ granted: z.boolean(), at: z.optional(InstantSchema) })),
  doNotContact: z.optional(
    z.object({ reason: z.string().check(z.trim(), z.maxLength(1000)), since: z.optional(InstantSchema) }),
  ),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

/** Preferences of a contact nobody has asked yet. */
export function emptyPreferences(): Preferences {
  return { channels: [], topics: [] };
}
