import { z } from 'zod';
import { CheckIdSchema, ContactIdSchema, InstantSchema, LineSchema } from './common';

/** The four pillars of relationship quality (4-Säulen-Modell). */
export const PILLARS = ['factualInward', 'factualOutward', 'emotionalInward', 'emotionalOutward'] as const;
export type Pillar = (typeof PILLARS)[number];

export const PillarScoreSchema = z.object({
  score: z.int().min(1).max(5),
  comment: z.string().trim().max(5000).default(''),
});
export type PillarScore = z.infer<typeof PillarScoreSchema>;

/** One dated assessment; a pillar left out was not assessed that day. */
export const RelationshipCheckSchema = z.object({
  id: CheckIdSchema,
  contactId: ContactIdSchema,
  at: InstantSchema,
  pillars: z.object({
    factualInward: PillarScoreSchema.optional(),
    factualOutward: PillarScoreSchema.optional(),
    emotionalInward: PillarScoreSchema.optional(),
    emotionalOutward: PillarScoreSchema.optional(),
  }),
  author: z.optional(LineSchema),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
});
export type RelationshipCheck = z.infer<typeof RelationshipCheckSchema>;
export type RelationshipCheckInput = z.input<typeof RelationshipCheckSchema>;

/** The latest score per pillar across a contact's checks, and the weakest pillar among them. */
export function pillarSummary(checks: readonly RelationshipCheck[]): {
  latest: Partial<Record<Pillar, PillarScore & { at: string }>>;
  weakest: Pillar | undefined;
} {
  const latest: Partial<Record<Pillar, PillarScore & { at: string }>> = {};
  const sorted = [...checks].sort((a, b) => a.at.localeCompare(b.at));
  for (const check of sorted) {
    for (const pillar of PILLARS) {
      const score = check.pillars[pillar];
      if (score) latest[pillar] = { ...score, at: check.at };
    }
  }
  let weakest: Pillar | undefined;
  for (const pillar of PILLARS) {
    const score = latest[pillar];
    if (score && (weakest === undefined || score.score < (latest[weakest]?.score ?? 6))) weakest = pillar;
  }
  return { latest, weakest };
}
