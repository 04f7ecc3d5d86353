import type { Transaction } from 'dexie';
import { eachRecord } from './raw';
import type { Migration } from './types';

/*
 * Schema 7 (2026-11-30): the workspace's lists read index ranges instead of every contact and
 * interaction. Each contact record gets hidden keys (priority base, last real touchpoint, tier,
 * keep-in-touch due day, outreach block) with their indexes; each follow-up its `openDue` while
 * open; a new `contactStats` table holds per contact the figures from its conversations (awaiting
 * our reply since, median reply times, a log of its latest 500 messages); and contacts get an index on
 * who recommended them (`value.referredBy`), so a contact's referrals are a key read. After this step the
 * middleware in utils/db/figures.ts keeps them on every write.
 *
 * Everything below is a frozen copy of utils/domain/workspace-figures.ts (and the priority,
 * cadence and coverage rules it uses) as of this step; it never changes. When the live rules
 * change, a new step recomputes the figures. The test checks this copy agrees with the live code.
 */

const TIER_POINTS: Record<string, number> = { A: 40, B: 25, C: 10 };
const LOYALTY_POINTS: Record<string, number> = { advocate: 15, 'repeat-customer': 12, customer: 8, prospect: 4, former: 6 };
const COVERAGE_DAYS: Record<string, number> = { 'key-account': 30, 'field-sales': 60, 'inside-sales': 90, 'digital-only': 180 };
const TIER_RANK: Record<string, number> = { A: 3, B: 2, C: 1 };
const REAL = new Set(['email', 'message', 'call', 'meeting']);
const LOG_SIZE = 500;

type Row = Record<string, unknown>;
type Entry = [string, string, number, 0 | 1];

const utc = (instant: string) => (Number.isFinite(Date.parse(instant)) ? new Date(Date.parse(instant)).toISOString() : instant);
const pad = (n: number) => String(n).padStart(2, '0');
const day = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

function dueDay(lastAt: string, days: number): string {
  const start = new Date(lastAt);
  const noon = new Date(start.getFullYear(), start.getMonth(), start.getDate(), 12);
  noon.setDate(noon.getDate() + days);
  return day(noon);
}

function keys7(c: Row): Row {
  const value = (c.value ?? {}) as { tier?: string; loyalty?: string; coverage?: string; yearlyRevenue?: { amount: number } };
  const amount = value.yearlyRevenue?.amount;
  const revenue = amount === undefined || amount < 1000 ? 0 : Math.min(30, Math.round(Math.log10(amount / 1000) * 7.5));
  const last = c.lastInteractionAt as string | undefined;
  const out: Row = {
    prioBase: (TIER_POINTS[value.tier ?? ''] ?? 0) + revenue + (LOYALTY_POINTS[value.loyalty ?? ''] ?? 0),
    lastKey: last ? utc(last) : '',
    tierRank: TIER_RANK[value.tier ?? ''] ?? 0,
    block: '',
  };
  const cadence = (c.keepInTouchDays as number | undefined) || (value.coverage ? COVERAGE_DAYS[value.coverage] : undefined);
  if (cadence) out.kitDue = last ? dueDay(last, cadence) : '';
  const prefs = (c.preferences ?? {}) as { doNotContact?: unknown; quietUntil?: string; wants?: string };
  if (prefs.doNotContact) out.block = 'dnc';
  else if (prefs.quietUntil) out.block = 'quiet';
  else if (prefs.wants === 'left-alone') out.block = 'alone';
  return out;
}

function median7(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function stats7(contactId: string, interactions: Row[]): Row | undefined {
  let last: { id: string; at: string; theirMessage: boolean } | undefined;
  let log: Entry[] = [];
  for (const i of interactions) {
    const kind = i.kind as string;
    const direction = i.direction as string;
    const at = i.occurredAt as string;
    if (REAL.has(kind) && direction !== 'internal' && (!last || Date.parse(at) > Date.parse(last.at))) {
      last = { id: i.id as string, at: utc(at), theirMessage: direction === 'inbound' && (kind === 'email' || kind === 'message') };
    }
    if ((kind === 'email' || kind === 'message') && (direction === 'inbound' || direction === 'outbound')) {
      const source = i.source as { site?: string; threadId?: string } | undefined;
      log.push([i.id as string, source?.threadId ? `${source.site}:${source.threadId}` : `channel:${i.channel as string}`, Date.parse(at), direction === 'outbound' ? 1 : 0]);
    }
  }
  if (!last && log.length === 0) return undefined;
  log = log.sort((a, b) => a[2] - b[2] || a[0].localeCompare(b[0])).slice(-LOG_SIZE);
  const threads = new Map<string, Entry[]>();
  for (const e of log) threads.set(e[1], [...(threads.get(e[1]) ?? []), e]);
  const ours: number[] = [];
  const theirs: number[] = [];
  for (const thread of threads.values()) {
    thread.sort((a, b) => a[2] - b[2]);
    let waiting: Entry | undefined;
    for (const e of thread) {
      if (!waiting || waiting[3] === e[3]) {
        waiting ??= e;
        continue;
      }
      (e[3] === 1 ? ours : theirs).push((e[2] - waiting[2]) / 60_000);
      waiting = e;
    }
  }
  const row: Row = { contactId, ourReplies: ours.length, theirReplies: theirs.length, log };
  const o = median7(ours);
  const t = median7(theirs);
  if (last) row.last = last;
  if (last?.theirMessage) row.awaitingSince = last.at;
  if (o !== undefined) row.oursMinutes = o;
  if (t !== undefined) row.theirsMinutes = t;
  if (ours.length + theirs.length > 0) row.slowKey = [o ?? -1, t ?? -1];
  return row;
}

export const deriveWorkspaceFigures: Migration = {
  version: 7,
  stores: {
    contacts:
      'id, *emails, linkedinUrl, *tags, industry, value.tier, value.loyalty, value.coverage, [pipeline.pipelineId+pipeline.stage], owner, updatedAt, lastInteractionAt, keepInTouchDays, *words, prioBase, [prioBase+lastKey], [tierRank+lastKey], [block+lastKey], kitDue, value.referredBy',
    followUps: 'id, contactId, due, [contactId+due], openDue',
    contactStats: 'contactId, awaitingSince, slowKey',
  },
  async upgrade(tx: Transaction, progress) {
    const idb = tx.idbtrans;
    const total = await new Promise<number>((resolve, reject) => {
      const r = idb.objectStore('contacts').count();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('counting contacts failed'));
    });
    const byContact = idb.objectStore('interactions').index('contactIds');
    const stats = idb.objectStore('contactStats');
    let done = 0;
    progress({ done, total });
    // One pass over the contacts: each record gets its keys, and its interactions (one index read,
    // queued without waiting) give its figures.
    await eachRecord(idb.objectStore('contacts'), (value, cursor) => {
      const contact = value as Row;
      cursor.update({ ...contact, ...keys7(contact) });
      const id = contact.id as string;
      const read = byContact.getAll(id);
      read.onsuccess = () => {
        const row = stats7(id, read.result as Row[]);
        if (row) stats.put(row);
      };
      if (++done % 5000 === 0) progress({ done, total });
    });
    await eachRecord(idb.objectStore('followUps'), (value, cursor) => {
      const f = value as Row;
      if (!f.doneAt) cursor.update({ ...f, openDue: f.due });
    });
    progress({ done: total, total });
  },
};
