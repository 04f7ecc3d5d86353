import type { $ZodError } from 'zod/v4/core';
import { newId, nowIso, type ContactId } from '../../domain/common';
import { CompanySchema, PipelineSchema, type Company, type Contact, type Pipeline } from '../../domain/contact';
import type { FollowUp } from '../../domain/followup';
import type { Interaction } from '../../domain/interaction';
import type { RelationshipCheck } from '../../domain/relationship-check';
import { throwIfAborted } from '../../transfer/errors';
import type { DecodedImport, InvalidRow, Located, ProgressCallback, Scope } from '../../transfer/model';
import { yieldToUi } from '../../transfer/text';
import type { RapportDB } from '../db';
import { parseCheck } from './checks';
import { mergedContact, parseContact } from './contacts';
import { ValidationError } from './errors';
import { parseFollowUp } from './followups';
import { parseInteraction } from './interactions';
import { chunks, type IdTable } from './paging';

/*
 * Import, step 1: the plan (the preview). Reads the database and decides, row by row, what an
 * import would do; writes nothing. Every record is validated with the same parse functions every
 * other write uses. `import-apply.ts` writes the plan.
 */

/** `keep`: an existing non-empty field wins; `overwrite`: the file's non-empty field wins. Lists are joined either way. */
export type MergeMode = 'keep' | 'overwrite';

export interface PlannedUpdate {
  line?: number;
  where?: string;
  before: Contact;
  after: Contact;
}

/** What an import will do, computed without writing anything. */
export interface ImportPlan {
  format: DecodedImport['format'];
  formatVersion?: number;
  encoding: string;
  notices: string[];
  scope?: Scope;
  mode: MergeMode;
  creates: Contact[];
  updates: PlannedUpdate[];
  /** Rows skipped because they repeat an earlier row or change nothing. */
  duplicates: InvalidRow[];
  invalid: InvalidRow[];
  interactions: Interaction[];
  followUps: FollowUp[];
  checks: RelationshipCheck[];
  companies: Company[];
  pipelines: Pipeline[];
  /** Records of the other tables already present (same id, or the same captured message). */
  alreadyPresent: number;
}

/** The counts shown in the preview. */
export interface ImportSummary {
  new: number;
  matched: number;
  duplicate: number;
  invalid: number;
  interactions: number;
  followUps: number;
  checks: number;
  companies: number;
  pipelines: number;
  alreadyPresent: number;
}

export function summarize(plan: ImportPlan): ImportSummary {
  return {
    new: plan.creates.length,
    matched: plan.updates.length,
    duplicate: plan.duplicates.length,
    invalid: plan.invalid.length,
    interactions: plan.interactions.length,
    followUps: plan.followUps.length,
    checks: plan.checks.length,
    companies: plan.companies.length,
    pipelines: plan.pipelines.length,
    alreadyPresent: plan.alreadyPresent,
  };
}

export interface PlanOptions {
  mode?: MergeMode;
  now?: Date;
  onProgress?: ProgressCallback;
  signal?: AbortSignal;
  chunkSize?: number;
}

/** JSON with sorted keys: equal data gives equal text, whatever the key order. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function sameContent(a: Contact, b: Contact): boolean {
  return stableStringify({ ...a, updatedAt: '' }) === stableStringify({ ...b, updatedAt: '' });
}

/** Merges a row from a file into an existing contact (the repo's merge rules; `about` is never concatenated twice). */
export function mergeIncoming(existing: Contact, incoming: Contact, mode: MergeMode, now: Date): Contact {
  const moved = { ...incoming, id: existing.id };
  const merged = mode === 'keep' ? mergedContact(existing, moved, now) : mergedContact(moved, existing, now);
  const [first, second] = mode === 'keep' ? [existing.about, incoming.about] : [incoming.about, existing.about];
  const about = first?.trim() ? first : second;
  const result: Contact = { ...merged };
  if (about === undefined) delete result.about;
  else result.about = about;
  return result;
}

function reasonOf(error: unknown): string {
  if (error instanceof ValidationError) return error.issues[0] ?? error.message;
  return error instanceof Error ? error.message : String(error);
}

function label(row: Located): string {
  return [row.where, row.line !== undefined ? `line ${row.line}` : undefined].filter(Boolean).join(', ') || 'an earlier row';
}

function place(row: Located): Pick<InvalidRow, 'line' | 'where'> {
  const out: Pick<InvalidRow, 'line' | 'where'> = {};
  if (row.line !== undefined) out.line = row.line;
  if (row.where !== undefined) out.where = row.where;
  return out;
}

function withDefaults(value: Record<string, unknown>, prefix: string, now: string): Record<string, unknown> {
  return { ...value, id: value.id ?? newId(prefix), createdAt: value.createdAt ?? now, updatedAt: value.updatedAt ?? now };
}

/**
 * The preview of an import: which rows create contacts, which update (match by id, email or
 * LinkedIn URL), which repeat an earlier row or change nothing, and which are invalid (with line
 * and reason). Reads only; yields to the UI between chunks.
 */
export async function planImport(db: RapportDB, decoded: DecodedImport, options: PlanOptions = {}): Promise<ImportPlan> {
  const mode = options.mode ?? 'keep';
  const now = options.now ?? new Date();
  const stamp = nowIso(now);
  const size = options.chunkSize ?? 1000;
  const plan: ImportPlan = {
    format: decoded.format,
    formatVersion: decoded.formatVersion,
    encoding: decoded.encoding,
    notices: [...decoded.notices],
    scope: decoded.scope,
    mode,
    creates: [],
    updates: [],
    duplicates: [],
    invalid: [...decoded.invalid],
    interactions: [],
    followUps: [],
    checks: [],
    companies: [],
    pipelines: [],
    alreadyPresent: 0,
  };
  const total =
    decoded.contacts.length + decoded.interactions.length + decoded.followUps.length + decoded.checks.length + decoded.companies.length + decoded.pipelines.length;
  let done = 0;
  const step = async (n: number) => {
    done += n;
    options.onProgress?.({ phase: 'plan', done, total });
    await yieldToUi();
    throwIfAborted(options.signal);
  };

  // Companies and pipelines: added when their id is new.
  for (const [rows, table, parse, into] of [
    [decoded.companies, db.companies, (v: unknown) => parseWith(CompanySchema, 'company', v), plan.companies],
    [decoded.pipelines, db.pipelines, (v: unknown) => parseWith(PipelineSchema, 'pipeline', v), plan.pipelines],
  ] as const) {
    const seen = new Set<string>();
    for (const chunk of chunks(rows, size)) {
      const parsed: { row: Located; record: Company | Pipeline }[] = [];
      for (const row of chunk) {
        try {
          parsed.push({ row, record: parse(withDefaults(row.value, 'co', stamp)) });
        } catch (error) {
          plan.invalid.push({ ...place(row), reason: reasonOf(error) });
        }
      }
      const existing = await (table as unknown as IdTable<{ id: string }>).bulkGet(parsed.map((p) => p.record.id));
      parsed.forEach(({ record }, i) => {
        if (existing[i] || seen.has(record.id)) plan.alreadyPresent++;
        else {
          seen.add(record.id);
          (into as (Company | Pipeline)[]).push(record);
        }
      });
      await step(chunk.length);
    }
  }

  // Contacts.
  interface Planned {
    label: string;
    finalId: ContactId;
  }
  const idMap = new Map<string, ContactId>();
  const byEmail = new Map<string, Planned>();
  const byUrl = new Map<string, Planned>();
  const byTarget = new Map<string, Planned>();
  const createdIds = new Set<string>();
  for (const chunk of chunks(decoded.contacts, size)) {
    const valid: { row: Located; contact: Contact; fileId?: string }[] = [];
    for (const row of chunk) {
      const fileId = typeof row.value.id === 'string' ? row.value.id : undefined;
      try {
        valid.push({ row, contact: parseContact(withDefaults(row.value, 'ct', stamp)), fileId });
      } catch (error) {
        plan.invalid.push({ ...place(row), reason: reasonOf(error) });
      }
    }
    const emails = [...new Set(valid.flatMap((v) => v.contact.emails))];
    const urls = [...new Set(valid.map((v) => v.contact.linkedinUrl).filter((u): u is string => Boolean(u)))];
    const fileIds = valid.filter((v) => v.fileId).map((v) => v.contact.id);
    const existingById = new Map<string, Contact>();
    for (const c of await db.contacts.bulkGet(fileIds)) if (c) existingById.set(c.id, c);
    const existingByEmail = new Map<string, Contact>();
    for (const c of emails.length ? await db.contacts.where('emails').anyOf(emails).toArray() : []) for (const e of c.emails) existingByEmail.set(e, c);
    const existingByUrl = new Map<string, Contact>();
    for (const c of urls.length ? await db.contacts.where('linkedinUrl').anyOf(urls).toArray() : []) existingByUrl.set(c.linkedinUrl!, c);

    for (const { row, contact, fileId } of valid) {
      const earlier =
        (fileId !== undefined ? byTarget.get(idMap.get(fileId) ?? '') : undefined) ??
        contact.emails.map((e) => byEmail.get(e)).find(Boolean) ??
        (contact.linkedinUrl ? byUrl.get(contact.linkedinUrl) : undefined);
      if (earlier) {
        plan.duplicates.push({ ...place(row), reason: `the same person as ${earlier.label}` });
        if (fileId) idMap.set(fileId, earlier.finalId);
        continue;
      }
      const matches = new Map<string, Contact>();
      const byId = fileId ? existingById.get(contact.id) : undefined;
      if (byId) matches.set(byId.id, byId);
      for (const e of contact.emails) {
        const m = existingByEmail.get(e);
        if (m) matches.set(m.id, m);
      }
      const m = contact.linkedinUrl ? existingByUrl.get(contact.linkedinUrl) : undefined;
      if (m) matches.set(m.id, m);
      if (matches.size > 1) {
        const names = [...matches.values()].map((c) => c.displayName).join(' and ');
        plan.invalid.push({ ...place(row), reason: `matches ${names}, who are separate contacts in Rapport; merge them first` });
        continue;
      }
      const existing = [...matches.values()][0];
      let finalId: ContactId;
      if (existing) {
        const target = byTarget.get(existing.id);
        if (target) {
          plan.duplicates.push({ ...place(row), reason: `the same person as ${target.label}` });
          if (fileId) idMap.set(fileId, target.finalId);
          continue;
        }
        let after: Contact;
        try {
          after = mergeIncoming(existing, contact, mode, now);
        } catch (error) {
          plan.invalid.push({ ...place(row), reason: reasonOf(error) });
          continue;
        }
        if (sameContent(existing, after)) plan.duplicates.push({ ...place(row), reason: `already in Rapport as ${existing.displayName}` });
        else plan.updates.push({ ...place(row), before: existing, after });
        finalId = existing.id;
      } else {
        if (createdIds.has(contact.id)) {
          plan.invalid.push({ ...place(row), reason: `the id ${contact.id} is used by two rows` });
          continue;
        }
        plan.creates.push(contact);
        createdIds.add(contact.id);
        finalId = contact.id;
      }
      const planned = { label: label(row), finalId };
      byTarget.set(finalId, planned);
      for (const e of contact.emails) byEmail.set(e, planned);
      if (contact.linkedinUrl) byUrl.set(contact.linkedinUrl, planned);
      if (fileId) idMap.set(fileId, finalId);
    }
    await step(chunk.length);
  }

  // Which contact ids outside the file exist (an interaction of a handover may name them).
  const knownContact = new Map<string, boolean>();
  for (const id of byTarget.keys()) knownContact.set(id, true);
  const resolve = async (ids: readonly string[]): Promise<void> => {
    const unknown = [...new Set(ids.filter((id) => !knownContact.has(id)))];
    if (unknown.length === 0) return;
    const rows = await db.contacts.bulkGet(unknown as ContactId[]);
    unknown.forEach((id, i) => knownContact.set(id, Boolean(rows[i])));
  };
  const remap = (id: string) => idMap.get(id) ?? (id as ContactId);

  // Interactions: new ids only; a message captured before (same source key) is not stored twice.
  const seenIds = new Set<string>();
  const seenKeys = new Set<string>();
  for (const chunk of chunks(decoded.interactions, size)) {
    const parsed: { row: Located; interaction: Interaction }[] = [];
    for (const row of chunk) {
      try {
        parsed.push({ row, interaction: parseInteraction(withDefaults(row.value, 'ix', stamp)) });
      } catch (error) {
        plan.invalid.push({ ...place(row), reason: reasonOf(error) });
      }
    }
    await resolve(parsed.flatMap((p) => p.interaction.contactIds.map(remap)));
    const existingIds = await db.interactions.bulkGet(parsed.map((p) => p.interaction.id));
    const keys = parsed.map((p) => p.interaction.sourceKey).filter((k): k is string => Boolean(k));
    const existingKeys = new Set(keys.length ? ((await db.interactions.where('sourceKey').anyOf(keys).keys()) as string[]) : []);
    parsed.forEach(({ row, interaction }, i) => {
      const key = interaction.sourceKey;
      if (existingIds[i] || seenIds.has(interaction.id) || (key && (existingKeys.has(key) || seenKeys.has(key)))) {
        plan.alreadyPresent++;
        return;
      }
      const contactIds = [...new Set(interaction.contactIds.map(remap))].filter((id) => knownContact.get(id));
      if (contactIds.length === 0) {
        plan.invalid.push({ ...place(row), reason: 'the interaction belongs to no contact in this file or in Rapport' });
        return;
      }
      seenIds.add(interaction.id);
      if (key) seenKeys.add(key);
      plan.interactions.push({ ...interaction, contactIds });
    });
    await step(chunk.length);
  }

  // Follow-ups and relationship checks: new ids, for a known contact.
  for (const [rows, table, parse, prefix, into] of [
    [decoded.followUps, db.followUps, parseFollowUp, 'fu', plan.followUps],
    [decoded.checks, db.checks, parseCheck, 'rc', plan.checks],
  ] as const) {
    const seen = new Set<string>();
    for (const chunk of chunks(rows, size)) {
      const parsed: { row: Located; record: FollowUp | RelationshipCheck }[] = [];
      for (const row of chunk) {
        try {
          const record = (parse as (v: unknown) => FollowUp | RelationshipCheck)(withDefaults(row.value, prefix, stamp));
          parsed.push({ row, record: { ...record, contactId: remap(record.contactId) } });
        } catch (error) {
          plan.invalid.push({ ...place(row), reason: reasonOf(error) });
        }
      }
      await resolve(parsed.map((p) => p.record.contactId));
      const existing = await (table as unknown as IdTable<{ id: string }>).bulkGet(parsed.map((p) => p.record.id));
      parsed.forEach(({ row, record }, i) => {
        if (existing[i] || seen.has(record.id)) plan.alreadyPresent++;
        else if (!knownContact.get(record.contactId)) plan.invalid.push({ ...place(row), reason: `contact ${record.contactId} is neither in this file nor in Rapport` });
        else {
          seen.add(record.id);
          (into as (FollowUp | RelationshipCheck)[]).push(record);
        }
      });
      await step(chunk.length);
    }
  }
  return plan;
}

function parseWith<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: $ZodError } }, what: string, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw ValidationError.fromZod(what, result.error);
  return result.data;
}
