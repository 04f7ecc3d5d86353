import type { Transaction } from 'dexie';
import { eachRecord } from './raw';
import type { Migration } from './types';

/*
 * Schema 8 (2026-11-30): the reactivation list ranks quiet customers by tier, then yearly revenue.
 * It read every quiet customer of a tier (4 200 records at 100 000 contacts, 90 ms) to sort them
 * by revenue. Each contact record now carries a hidden `revBand` (the revenue's band: 0 without
 * one, else one band per tenth of a power of ten), and the index `[block+tierRank+revBand+lastKey]`
 * replaces `[tierRank+lastKey]`: a band's quiet, unblocked customers are one key range, so the list
 * reads keys band by band, best first, and only the records it shows. A new `priorityKeys` table
 * holds per contact the two keys its priority is computed from (base and last touchpoint): the
 * contact list scores the contacts with overdue follow-ups from these small rows and reads only the
 * records that can make the list. After this step the middleware in utils/db/figures.ts keeps both
 * on every write.
 *
 * `band8` is a frozen copy of `revenueBand` (utils/domain/workspace-figures.ts) as of this step;
 * the test checks it agrees with the live code.
 */

function band8(amount: unknown): number {
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount <= 0) return 0;
  return 1 + Math.max(0, Math.floor(Math.log10(amount) * 10));
}

export const indexReactivation: Migration = {
  version: 8,
  stores: {
    contacts:
      'id, *emails, linkedinUrl, *tags, industry, value.tier, value.loyalty, value.coverage, [pipeline.pipelineId+pipeline.stage], owner, updatedAt, lastInteractionAt, keepInTouchDays, *words, prioBase, [prioBase+lastKey], [block+tierRank+revBand+lastKey], [block+lastKey], kitDue, value.referredBy',
    priorityKeys: 'id',
  },
  async upgrade(tx: Transaction, progress) {
    const idb = tx.idbtrans;
    const contacts = idb.objectStore('contacts');
    const priorityKeys = idb.objectStore('priorityKeys');
    const total = await new Promise<number>((resolve, reject) => {
      const r = contacts.count();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('counting contacts failed'));
    });
    let done = 0;
    progress({ done, total });
    await eachRecord(contacts, (value, cursor) => {
      const contact = value as { id: string; prioBase?: number; lastKey?: string; value?: { yearlyRevenue?: { amount?: unknown } } };
      cursor.update({ ...contact, revBand: band8(contact.value?.yearlyRevenue?.amount) });
      // The keys schema 7 stored with the contact.
      priorityKeys.put({ id: contact.id, prioBase: contact.prioBase ?? 0, lastKey: contact.lastKey ?? '' });
      if (++done % 5000 === 0) progress({ done, total });
    });
    progress({ done: total, total });
  },
};
