import { z } from 'zod';
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
  amount: z.number().finite().min(0).max(1e13),
  currency: z.string().regex(/^[A-Z]{3}$/),
});

/** Customer value: what drives segments and priority. */
export const ValueSchema = z.object({
  tier: TierSchema.optional(),
  yearlyRevenue: MoneySchema.optional(),
  loyalty: LoyaltyStageSchema.optional(),
  /** Chosen coverage model; absent means "not decided" (the suggestion from `suggestCoverage` applies). */
  coverage: CoverageSchema.optional(),
  /** Who recommended this contact to us (Weiterempfehlung): another contact's id. */
  referredBy: ContactIdSchema.optional(),
});
export type Value = z.infer<typeof ValueSchema>;

/** A lower-cased, syntactically valid address. */
export const EmailSchema = z
  .string()
  .max(320)
  .transform((value, ctx) => {
    const email = normalizeEmail(value);
    if (!email) ctx.addIssue({ code: 'custom', message: `not an email address: ${value.slice(0, 80)}` });
    return email;
  });

export const LinkedInUrlSchema = z
  .string()
  .max(2000)
  .transform((value, ctx) => {
    const url = canonicalLinkedInUrl(value);
    if (!url) ctx.addIssue({ code: 'custom', message: 'not a LinkedIn profile URL' });
    return url;
  });

export const PhoneSchema = z
  .string()
  .max(100)
  .transform((value, ctx) => {
    const cleaned = value.trim();
    if (!normalizePhone(cleaned)) ctx.addIssue({ code: 'custom', message: 'not a phone number' });
    return cleaned;
  });

export const TagSchema = z.string().trim().min(1).max(100);

export const ContactSchema = z.object({
  id: ContactIdSchema,
  displayName: LineSchema,
  givenName: LineSchema.optional(),
  familyName: LineSchema.optional(),
  emails: z.array(EmailSchema).max(50).default([]),
  linkedinUrl: LinkedInUrlSchema.optional(),
  phones: z.array(PhoneSchema).max(50).default([]),
  company: LineSchema.optional(),
  companyId: CompanyIdSchema.optional(),
  title: LineSchema.optional(),
  location: LineSchema.optional(),
  industry: LineSchema.optional(),
  tags: z.array(TagSchema).max(200).default([]),
  owner: LineSchema.optional(),
  value: ValueSchema.default({}),
  pipeline: z.object({ pipelineId: PipelineIdSchema, stage: LineSchema }).optional(),
  /** Keep in touch at least every N days (derived "due" from the real last interaction). */
  keepInTouchDays: z.int().min(1).max(3650).optional(),
  preferences: PreferencesSchema.default({ channels: [], topics: [] }),
  /** Free-form background ("met at Hannover Messe 2024"). */
  about: TextSchema.optional(),
  lastInteractionAt: InstantSchema.optional(),
  lastInteractionChannel: ChannelSchema.optional(),
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
  stages: z.array(LineSchema).min(1).max(50),
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
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)
    .optional(),
  industry: LineSchema.optional(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type Company = z.infer<typeof CompanySchema>;
