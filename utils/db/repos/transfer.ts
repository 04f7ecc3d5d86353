import type { ZodError } from 'zod';
import { newId, nowIso, type CompanyId, type ContactId, type InteractionId } from '../../domain/common';
import { CompanySchema, PipelineSchema, type Company, type Contact, type Pipeline } from '../../domain/contact';
import type { FollowUp } from '../../domain/followup';
import type { Interaction } from '../../domain/interaction';
import type { RelationshipCheck } from '../../domain/relationship-check';
import { TransferError, throwIfAborted } from '../../transfer/errors';
import type { DecodedImport, InvalidRow, Located, ProgressCallback, Scope, Selection } from '../../transfer/model';
import type { ExportSource } from '../../transfer/source';
import { yieldToUi } from '../../transfer/text';
import type { InteractionLink, RapportDB } from '../db';
import { parseCheck } from './checks';
import { mergedContact, parseContact, searchContacts } from './contacts';
import { addContacts, contactBatches, contactsInIndustry, contactsWithEmails, contactsWithTag, contactsWithUrls, contactTables, contactsRevision, countContacts, filterContacts, putContacts, writeChunks, readContact, readContacts } from '../contact-store';
import { ValidationError } from './errors';
import { parseFollowUp } from './followups';
import { parseInteraction } from './interactions';

/*
 * Import and export: the only code that reads or writes tables for a transfer. Planning reads the
 * database and decides, row by row, what an import would do (the preview); applying writes that
 * plan in one read-write transaction over every table, so a failure leaves the database as it was.
 * Every record is validated with the same parse functions every other write uses, and derived data
 * (search words, timeline links, source keys, last touchpoint) is recomputed the same way.
 */

// ---------------------------------------------------------------------------------------------
// Export: paged reads
// ---------------------------------------------------------------------------------------------

/** The part of a Dexie table that paging and id look-ups use (every table here has an `id` key). */
interface IdTable<T> {
  orderBy(index: string): { limit(n: number): { toArray(): PromiseLike<T[]> } };
  where(index: string): { above(key: string): { limit(n: number): { toArray(): PromiseLike<T[]> } } };
  bulkGet(keys: string[]): PromiseLike<(T | undefined)[]>;
}

/** Pages of a table in primary-key order: one page in memory at a time. */
async function* pagesOf<T extends { id: string }>(table: IdTable<T>, pageSize: number): AsyncIterable<T[]> {
  let last: string | undefined;
  for (;;) {
    const page =
      last === undefined
        ? await table.orderBy(':id').limit(pageSize).toArray()
        : await table.where(':id').above(last).limit(pageSize).toArray();
    if (page.length === 0) return;
    yield page;
    last = page[page.length - 1]!.id;
  }
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** The contact ids a selection covers, or `undefined` for the whole database. */
export async function selectedContactIds(db: RapportDB, selection: Selection): Promise<string[] | undefined> {
  switch (selection.kind) {
    case 'all':
      return undefined;
    case 'tag':
      return (await contactsWithTag(db, selection.tag)).map((c) => c.id);
    case 'industry':
      return (await contactsInIndustry(db, selection.industry)).map((c) => c.id);
    case 'tier':
      return (await filterContacts(db, (c) => c.value?.tier === selection.tier)).map((c) => c.id);
    case 'search':
      return (await searchContacts(db, selection.query, 1_000_000)).map((c) => c.id);
    case 'contact':
      return (await readContact(db, selection.contactId)) ? [selection.contactId] : [];
  }
}

/** A contact's whole history: timeline (all of it), follow-ups and relationship checks. */
async function historyOf(db: RapportDB, contactId: string) {
  const links = await db.interactionLinks.where('[contactId+occurredAt]').between([contactId, ''], [contactId, '\uffff']).toArray();
  const interactions = (await db.interactions.bulkGet(links.map((l) => l.interactionId as InteractionId))).filter(
    (i): i is Interaction => Boolean(i),
  );
  const followUps = await db.followUps.where('contactId').equals(contactId).toArray();
  const checks = await db.checks.where('contactId').equals(contactId).toArray();
  return { interactions, followUps, checks };
}

/**
 * The records of an export, read page by page (for the whole database: contact pages in page
 * order, the other tables by primary key; id lists for a segment). An interaction shared with
 * contacts outside a segment keeps only the contacts inside it: the others are not in the file.
 */
export async function openExportSource(db: RapportDB, selection: Selection, pageSize = 2000): Promise<ExportSource> {
  const ids = await selectedContactIds(db, selection);
  if (ids === undefined) {
    const [contacts, interactions, followUps, checks, companies, pipelines] = await Promise.all([
      countContacts(db),
      db.interactions.count(),
      db.followUps.count(),
      db.checks.count(),
      db.companies.count(),
      db.pipelines.count(),
    ]);
    return {
      counts: { contacts, interactions, followUps, checks, companies, pipelines },
      contacts: () => contactBatches(db, pageSize),
      interactions: () => pagesOf(db.interactions, pageSize),
      followUps: () => pagesOf(db.followUps, pageSize),
      checks: () => pagesOf(db.checks, pageSize),
      companies: () => pagesOf(db.companies, pageSize),
      pipelines: () => pagesOf(db.pipelines, pageSize),
      historyOf: (id) => historyOf(db, id),
    };
  }

  const inside = new Set(ids);
  const sorted = [...ids].sort();
  const interactionIds = new Set((await db.interactions.where('contactIds').anyOf(sorted).primaryKeys()) as string[]);
  const followUpCount = sorted.length ? await db.followUps.where('contactId').anyOf(sorted).count() : 0;
  const checkCount = sorted.length ? await db.checks.where('contactId').anyOf(sorted).count() : 0;
  const companyIds = new Set<string>();
  for (const chunk of chunks(sorted, pageSize)) {
    for (const c of await readContacts(db, chunk)) if (c?.companyId) companyIds.add(c.companyId);
  }
  const pipelineCount = await db.pipelines.count();

  return {
    counts: {
      contacts: sorted.length,
      interactions: interactionIds.size,
      followUps: followUpCount,
      checks: checkCount,
      companies: companyIds.size,
      pipelines: pipelineCount,
    },
    contacts: async function* () {
      for (const chunk of chunks(sorted, pageSize)) {
        const rows = await readContacts(db, chunk);
        yield rows.filter((c): c is Contact => Boolean(c));
      }
    },
    interactions: async function* () {
      const seen = new Set<string>();
      for (const chunk of chunks(sorted, 100)) {
        const rows = await db.interactions.where('contactIds').anyOf(chunk).toArray();
        const page: Interaction[] = [];
        for (const row of rows) {
          if (seen.has(row.id)) continue;
          seen.add(row.id);
          page.push({ ...row, contactIds: row.contactIds.filter((id) => inside.has(id)) });
        }
        if (page.length > 0) yield page;
      }
    },
    followUps: async function* () {
      for (const chunk of chunks(sorted, pageSize)) yield await db.followUps.where('contactId').anyOf(chunk).toArray();
    },
    checks: async function* () {
      for (const chunk of chunks(sorted, pageSize)) yield await db.checks.where('contactId').anyOf(chunk).toArray();
    },
    companies: async function* () {
      const rows = await db.companies.bulkGet([...companyIds] as CompanyId[]);
      yield rows.filter((c): c is Company => Boolean(c));
    },
    pipelines: () => pagesOf(db.pipelines, pageSize),
    historyOf: async (id) => {
      const history = await historyOf(db, id);
      return { ...history, interactions: history.interactions.map((i) => ({ ...i, contactIds: i.contactIds.filter((c) => inside.has(c)) })) };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Import: the plan (preview)
// ---------------------------------------------------------------------------------------------

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
  /** The contacts revision before planning read anything: unchanged at apply time, no contact changed since. */
  contactsRev: string;
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
  const contactsRev = await contactsRevision(db);
  const plan: ImportPlan = {
    contactsRev,
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
    for (const c of await readContacts(db, fileIds)) if (c) existingById.set(c.id, c);
    const existingByEmail = new Map<string, Contact>();
    for (const c of await contactsWithEmails(db, emails)) for (const e of c.emails) existingByEmail.set(e, c);
    const existingByUrl = new Map<string, Contact>();
    for (const c of await contactsWithUrls(db, urls)) existingByUrl.set(c.linkedinUrl!, c);

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
    const rows = await readContacts(db, unknown);
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

function parseWith<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodError } }, what: string, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw ValidationError.fromZod(what, result.error);
  return result.data;
}

// ---------------------------------------------------------------------------------------------
// Import: apply
// ---------------------------------------------------------------------------------------------

/** What was written (the numbers of `[data-testid=import-report]`). */
export interface ImportReport {
  imported: number;
  updated: number;
  skipped: number;
  errors: number;
  interactions: number;
  followUps: number;
  checks: number;
}

export interface ApplyOptions {
  onProgress?: ProgressCallback;
  /**
   * Records per awaited bulk write. Issuing a chunk holds the page's thread for ≈ 50 µs a record
   * (2 000 records: 120 ms); 500 keeps each task near 50 ms at the same total time (`npm run bench`).
   */
  chunkSize?: number;
}

/**
 * Writes a plan in one read-write transaction over every table: all of it or, on any failure,
 * none of it. Inside the transaction we can't wait on a timer (IndexedDB commits a transaction
 * as soon as it has no pending request), but every chunk's write is awaited, and each IndexedDB
 * result arrives as a separate task, so the page still paints and takes input between chunks.
 */
export async function applyImport(db: RapportDB, plan: ImportPlan, options: ApplyOptions = {}): Promise<ImportReport> {
  const size = options.chunkSize ?? 500;
  const total =
    plan.creates.length + plan.updates.length + plan.interactions.length + plan.followUps.length + plan.checks.length + plan.companies.length + plan.pipelines.length;
  let done = 0;
  const tick = (n: number) => {
    done += n;
    options.onProgress?.({ phase: 'write', done, total });
  };
  const tables = [...contactTables(db), db.interactions, db.interactionLinks, db.followUps, db.checks, db.companies, db.pipelines];
  try {
    await db.transaction('rw', tables, async () => {
      // The preview was computed earlier: refuse if a contact it relies on changed since. An unchanged
      // revision proves no contact was written since the preview began; then there is nothing to read.
      const unchanged = (await contactsRevision(db)) === plan.contactsRev;
      for (const chunk of unchanged ? [] : chunks(plan.updates, size)) {
        const current = await readContacts(db, chunk.map((u) => u.before.id));
        const stale = chunk.find((u, i) => current[i]?.updatedAt !== u.before.updatedAt);
        if (stale) throw new TransferError('changed', `${stale.before.displayName} was changed since the preview; preview the import again.`);
      }
      for (const chunk of unchanged ? [] : chunks(plan.creates, size)) {
        const emails = chunk.flatMap((c) => c.emails);
        const urls = chunk.map((c) => c.linkedinUrl).filter((u): u is string => Boolean(u));
        const taken = (await contactsWithEmails(db, emails))[0] ?? (await contactsWithUrls(db, urls))[0];
        if (taken) throw new TransferError('changed', `${taken.displayName} was added since the preview; preview the import again.`);
      }

      for (const chunk of chunks(plan.companies, size)) {
        await db.companies.bulkAdd(chunk);
        tick(chunk.length);
      }
      for (const chunk of chunks(plan.pipelines, size)) {
        await db.pipelines.bulkAdd(chunk);
        tick(chunk.length);
      }
      for (const chunk of writeChunks(plan.creates, (c) => c.id, size)) {
        await addContacts(db, chunk);
        tick(chunk.length);
      }
      for (const chunk of writeChunks(plan.updates, (u) => u.after.id, size)) {
        await putContacts(db, chunk.map((u) => u.after));
        tick(chunk.length);
      }

      const latest = new Map<string, Interaction>();
      for (const chunk of chunks(plan.interactions, size)) {
        await db.interactions.bulkAdd(chunk);
        const links: InteractionLink[] = [];
        for (const interaction of chunk) {
          for (const contactId of interaction.contactIds) {
            links.push({ contactId, interactionId: interaction.id, occurredAt: interaction.occurredAt });
            const seen = latest.get(contactId);
            if (!seen || seen.occurredAt < interaction.occurredAt) latest.set(contactId, interaction);
          }
        }
        await db.interactionLinks.bulkPut(links);
        tick(chunk.length);
      }
      // The last touchpoint follows the newest interaction, as `addInteraction` does it.
      for (const chunk of writeChunks([...latest.keys()], (id) => id, size)) {
        const contacts = await readContacts(db, chunk);
        const changed: Contact[] = [];
        for (const contact of contacts) {
          const newest = contact && latest.get(contact.id);
          if (contact && newest && (!contact.lastInteractionAt || contact.lastInteractionAt < newest.occurredAt)) {
            changed.push({ ...contact, lastInteractionAt: newest.occurredAt, lastInteractionChannel: newest.channel });
          }
        }
        await putContacts(db, changed);
      }

      for (const chunk of chunks(plan.followUps, size)) {
        await db.followUps.bulkAdd(chunk);
        tick(chunk.length);
      }
      for (const chunk of chunks(plan.checks, size)) {
        await db.checks.bulkAdd(chunk);
        tick(chunk.length);
      }
    });
  } catch (error) {
    if (error instanceof TransferError) throw error;
    const cause = error as { name?: string; message?: string; failures?: { message?: string }[] };
    const detail = cause.failures?.[0]?.message ?? cause.message ?? String(error);
    throw new TransferError('write-failed', `Nothing was imported: the database refused a record (${detail}).`);
  }
  return {
    imported: plan.creates.length,
    updated: plan.updates.length,
    skipped: plan.duplicates.length,
    errors: plan.invalid.length,
    interactions: plan.interactions.length,
    followUps: plan.followUps.length,
    checks: plan.checks.length,
  };
}

// ---------------------------------------------------------------------------------------------
// Checksums and bench seeding
// ---------------------------------------------------------------------------------------------

/**
 * A checksum of every table (rows in primary-key order, keys sorted): equal before and after a
 * refused import proves nothing was written. For tests and diagnostics, not for security.
 */
export async function databaseChecksum(db: RapportDB): Promise<string> {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const feed = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
  };
  for (const table of db.tables) {
    feed(`#${table.name}`);
    await table.toCollection().each((row: unknown) => feed(stableStringify(row)));
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/**
 * Bench only: writes already-valid contacts and interactions with bulk writes (no per-record
 * validation), with their timeline links. Real imports go through `planImport` + `applyImport`.
 */
export async function seedForBench(db: RapportDB, contacts: readonly Contact[], interactions: readonly Interaction[], chunkSize = 10_000): Promise<void> {
  for (const chunk of writeChunks(contacts, (c) => c.id, chunkSize)) await addContacts(db, chunk);
  for (const chunk of chunks(interactions, chunkSize)) {
    await db.transaction('rw', db.interactions, db.interactionLinks, async () => {
      await db.interactions.bulkAdd(chunk);
      await db.interactionLinks.bulkAdd(
        chunk.flatMap((i) => i.contactIds.map((contactId) => ({ contactId, interactionId: i.id, occurredAt: i.occurredAt }))),
      );
    });
  }
}

