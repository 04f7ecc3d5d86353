import type { ContactId } from '../../domain/common';
import type { Contact } from '../../domain/contact';
import { isRealTouchpoint, type Interaction } from '../../domain/interaction';
import { throwIfAborted, TransferError } from '../../transfer/errors';
import type { ProgressCallback } from '../../transfer/model';
import type { InteractionLink, RapportDB } from '../db';
import type { ImportPlan } from './import-plan';
import { chunks } from './paging';
import { isQuotaError, QUOTA_ADVICE } from './quota';

/*
 * Import, step 2: writes a plan (`import-plan.ts`) in one read-write transaction over every table,
 * so a failure leaves the database as it was. Derived data (search words, timeline links, last
 * touchpoint) is recomputed the way the other use cases do it.
 */

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
  /** Cancels the write: the transaction aborts and the database stays exactly as it was. */
  signal?: AbortSignal;
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
    // Thrown inside the transaction: IndexedDB rolls back every chunk written so far.
    throwIfAborted(options.signal);
  };
  const tables = [db.contacts, db.interactions, db.interactionLinks, db.followUps, db.checks, db.companies, db.pipelines];
  try {
    await db.transaction('rw', tables, async () => {
      // The preview was computed earlier: refuse if a contact it relies on changed since, or if
      // someone it would create was added meanwhile (index reads of the plan's own keys only).
      for (const chunk of chunks(plan.updates, size)) {
        const current = await db.contacts.bulkGet(chunk.map((u) => u.before.id));
        const stale = chunk.find((u, i) => current[i]?.updatedAt !== u.before.updatedAt);
        if (stale) throw new TransferError('changed', `${stale.before.displayName} was changed since the preview; preview the import again.`);
      }
      for (const chunk of chunks(plan.creates, size)) {
        const emails = chunk.flatMap((c) => c.emails);
        const urls = chunk.map((c) => c.linkedinUrl).filter((u): u is string => Boolean(u));
        const taken =
          (emails.length ? await db.contacts.where('emails').anyOf(emails).first() : undefined) ??
          (urls.length ? await db.contacts.where('linkedinUrl').anyOf(urls).first() : undefined);
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
      for (const chunk of chunks(plan.creates, size)) {
        await db.contacts.bulkAdd(chunk);
        tick(chunk.length);
      }
      for (const chunk of chunks(plan.updates, size)) {
        await db.contacts.bulkPut(chunk.map((u) => u.after));
        tick(chunk.length);
      }

      const latest = new Map<string, Interaction>();
      for (const chunk of chunks(plan.interactions, size)) {
        await db.interactions.bulkAdd(chunk);
        const links: InteractionLink[] = [];
        for (const interaction of chunk) {
          for (const contactId of interaction.contactIds) {
            links.push({ contactId, interactionId: interaction.id, occurredAt: interaction.occurredAt });
            if (!isRealTouchpoint(interaction.kind)) continue;
            const seen = latest.get(contactId);
            if (!seen || seen.occurredAt < interaction.occurredAt) latest.set(contactId, interaction);
          }
        }
        await db.interactionLinks.bulkPut(links);
        tick(chunk.length);
      }
      // The last touchpoint follows the newest interaction, as `addInteraction` does it.
      for (const chunk of chunks([...latest.keys()] as ContactId[], size)) {
        const contacts = await db.contacts.bulkGet(chunk);
        const changed: Contact[] = [];
        for (const contact of contacts) {
          const newest = contact && latest.get(contact.id);
          if (contact && newest && (!contact.lastInteractionAt || contact.lastInteractionAt < newest.occurredAt)) {
            changed.push({ ...contact, lastInteractionAt: newest.occurredAt, lastInteractionChannel: newest.channel });
          }
        }
        await db.contacts.bulkPut(changed);
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
    if (isQuotaError(error)) throw new TransferError('disk-full', `Nothing was imported: the disk is full. ${QUOTA_ADVICE}`);
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
