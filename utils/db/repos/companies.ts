import { newId, nowIso, type CompanyId } from '../../domain/common';
import { CompanySchema, type Company } from '../../domain/contact';
import { foldForSearch } from '../../domain/normalize';
import type { RapportDB } from '../db';
import { ValidationError } from './errors';

/** Finds a company by domain, then by name (case and accents aside), or creates it. */
export async function upsertCompany(
  db: RapportDB,
  input: { name: string; domain?: string; industry?: string },
  now = new Date(),
): Promise<Company> {
  return db.transaction('rw', db.companies, async () => {
    const domain = input.domain?.trim().toLowerCase();
    const byDomain = domain ? await db.companies.where('domain').equals(domain).first() : undefined;
    const folded = foldForSearch(input.name);
    const existing =
      byDomain ?? (await db.companies.filter((c) => foldForSearch(c.name) === folded).first());
    const candidate = {
      ...(existing ?? { id: newId<CompanyId>('co'), createdAt: nowIso(now) }),
      name: existing?.name ?? input.name,
      domain: existing?.domain ?? domain,
      industry: existing?.industry ?? input.industry,
      updatedAt: nowIso(now),
    };
    const result = CompanySchema.safeParse(candidate);
    if (!result.success) throw ValidationError.fromZod('company', result.error);
    await db.companies.put(result.data);
    return result.data;
  });
}
