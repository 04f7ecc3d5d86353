import { z } from 'zod/mini';
import {
  CompanyIdSchema,
  ContactIdSchema,
  InstantSchema,
  LineSchema,
  PipelineIdSchema,
  TextSchema,
  type Channel,
  ChannelSchema,
} from './common';
import { canonicalLinkedInUrl, normalizeEmail, normalizePhone } from './normalize';
import { PreferencesSchema } from './preferences';

export const TierSchema = z.enum(['A', 'B', 'C']);
export type Tier = z.infer<typeof TierSchema>;

/** Kauft, kauft wieder, empfiehlt weiter: where a contact stands on the way to loyalty. */
export const LoyaltyStageSchema = z.enum(['prospect', 'customer', 'repeat-customer', 'advocate', 'former']);
export type LoyaltyStage = z.infer<typeof LoyaltyStageSchema>;

/** Betreuungsform: how the customer is covered, from personal key-account care to digital only. */
export const CoverageSchema = z.enum(['key-account', 'field-sales', 'inside-sales', 'digital-only']);
export type Coverage = z.infer<typeof CoverageSchema>;

export const MoneySchema = z.object({
  amount: z.number().check(z.gte(0), z.lte(1e13)),
  currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
});

/** Customer value: what drives segments and priority. */
export const ValueSchema = z.object({
  tier: z.optional(TierSchema),
  yearlyRevenue: z.optional(MoneySchema),
  loyalty: z.optional(LoyaltyStageSchema),
  /** Chosen coverage model; absent means "not decided" (the suggestion from `suggestCoverage` applies). */
  coverage: z.optional(CoverageSchema),
  /** Who recommended this contact to us (Weiterempfehlung): another contact's id. */
  referredBy: z.optional(ContactIdSchema),
});
export type Value = z.infer<typeof ValueSchema>;

/** A lower-cased, syntactically valid address. */
export const EmailSchema = z.pipe(
  z.string().check(z.maxLength(320)),
  z.transform((value: string, ctx) => {
    const email = normalizeEmail(value);
    if (!email) ctx.issues.push({ code: 'custom', message: `not an email address: ${value.slice(0, 80)}`, input: value });
    return email;
  }),
);

export const LinkedInUrlSchema = z.pipe(
  z.string().check(z.maxLength(2000)),
  z.transform((value: string, ctx) => {
    const url = canonicalLinkedInUrl(value);
    if (!url) ctx.issues.push({ code: 'custom', message: 'not a LinkedIn profile URL', input: value });
    return url;
  }),
);

export const PhoneSchema = z.pipe(
  z.string().check(z.maxLength(100)),
  z.transform((value: string, ctx) => {
    const cleaned = value.trim();
    if (!normalizePhone(cleaned)) ctx.issues.push({ code: 'custom', message: 'not a phone number', input: value });
    return cleaned;
  }),
);

export const TagSchema = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));

export const ContactSchema = z.object({
  id: ContactIdSchema,
  displayName: LineSchema,
  givenName: z.optional(LineSchema),
  familyName: z.optional(LineSchema),
  emails: z._default(z.array(EmailSchema).check(z.maxLength(50)), []),
  linkedinUrl: z.optional(LinkedInUrlSchema),
  phones: z._default(z.array(PhoneSchema).check(z.maxLength(50)), []),
  company: z.optional(LineSchema),
  companyId: z.optional(CompanyIdSchema),
  title: z.optional(LineSchema),
  location: z.optional(LineSchema),
  industry: z.optional(LineSchema),
  tags: z._default(z.array(TagSchema).check(z.maxLength(200)), []),
  owner: z.optional(LineSchema),
  value: z._default(ValueSchema, {}),
  pipeline: z.optional(z.object({ pipelineId: PipelineIdSchema, stage: LineSchema })),
  /** Keep in touch at least every N days (derived "due" from the real last interaction). */
  keepInTouchDays: z.optional(z.int().check(z.gte(1), z.lte(3650))),
  preferences: z._default(PreferencesSchema, { channels: [], topics: [] }),
  /** Free-form background ("met at Hannover Messe 2024"). */
  about: z.optional(TextSchema),
  lastInteractionAt: z.optional(InstantSchema),
  lastInteractionChannel: z.optional(ChannelSchema),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Contact = z.infer<typeof ContactSchema>;
/** What a caller gives to create a contact: everything but the bookkeeping fields. */
export type ContactInput = z.input<typeof ContactSchema>;

/** The contact's last touchpoint as shown ("3 months ago, email"). */
export interface LastContact {
  at: string;
  channel: Channel | undefined;
}

/** Sales and recruiting defaults for user-defined pipelines. */
export const PipelineSchema = z.object({
  id: PipelineIdSchema,
  name: LineSchema,
  stages: z.array(LineSchema).check(z.minLength(1), z.maxLength(50)),
});
export type Pipeline = z.infer<typeof PipelineSchema>;

export const DEFAULT_PIPELINES: readonly Pipeline[] = [
  {
    id: 'sales' as Pipeline['id'],
    name: 'Sales',
    stages: ['lead', 'qualified', 'proposal', 'won', 'lost'],
  },
  {
    id: 'recruiting' as Pipeline['id'],
    name: 'Recruiting',
    stages: ['sourced', 'contacted', 'replied', 'interviewing', 'hired'],
  },
];

export const CompanySchema = z.object({
  id: CompanyIdSchema,
  name: LineSchema,
  domain: z.optional(z.string().check(z.trim(), z.toLowerCase(), z.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/))),
  industry: z.optional(LineSchema),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Company = z.infer<typeof CompanySchema>;
