import { addDays } from './cadence';
import type { Contact } from './contact';
import { cadenceDays } from './coverage';
import { localDay } from './followup';
import { isRealTouchpoint, type Interaction } from './interaction';
import { basePoints } from './priority';
import { median, type Responsiveness } from './responsiveness';

/*
 * The workspace's lists read index ranges, never the whole notebook. What they sort and filter by
 * is derived from the records on every write (by the database middleware in utils/db/figures.ts)
 * and stored beside them:
 * - on each contact record, hidden keys derived from the contact alone (its priority base,
 *   last real touchpoint, tier, keep-in-touch due day, outreach block);
 * - in a `contactStats` row per contact, figures derived from its conversations (awaiting our
 *   reply since, median reply times), kept with a compact log of its latest messages so a new
 *   message updates them without reading the contact's timeline.
 * Everything here is pure: the same functions serve the middleware and the tests that check it.
 */

/** The hidden keys a contact record carries on disk (stripped on every read). */
export interface ContactKeys {
  /** Tier + revenue + loyalty points: the part of the priority score that does not depend on the day. */
  prioBase: number;
  /** The last real touchpoint as a UTC instant, `''` when there is none (sorts first). */
  lastKey: string;
  /** 3 for tier A, 2 for B, 1 for C, 0 for none: the reactivation list's first order. */
  tierRank: number;
  /** The yearly revenue's band (`revenueBand`): the reactivation list's second order, coarsely. */
  revBand: number;
  /** The local day the keep-in-touch cadence falls due (`''`: never contacted, due now); absent without a cadence. */
  kitDue?: string;
  /** Why outreach may be blocked: a contact ban, a quiet period (checked against the day when read), "leave me alone"; `''` when nothing does. */
  block: '' | 'dnc' | 'quiet' | 'alone';
}

/** Names of the hidden contact keys, for stripping them on read. */
export const CONTACT_KEY_NAMES = ['prioBase', 'lastKey', 'tierRank', 'revBand', 'kitDue', 'block'] as const;

const TIER_RANK: Record<string, number> = { A: 3, B: 2, C: 1 };

/** A stored instant as a UTC ISO string (instants may carry an offset; index keys must sort by time). */
export function utcKey(instant: string): string {
  const ms = Date.parse(instant);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : instant;
}

/**
 * The band of a yearly revenue amount: 0 without one (or none above zero), else one band per
 * tenth of a power of ten (1 for amounts below 1.26, 61 for a million), whatever the currency
 * (the reactivation list ranks amounts as they are). A higher band always means more revenue; within a
 * band the amounts differ by less than a factor 1.26, and only the reactivation list's boundary
 * band is read to order them exactly.
 */
export function revenueBand(amount: number | undefined): number {
  if (amount === undefined || !Number.isFinite(amount) || amount <= 0) return 0;
  return 1 + Math.max(0, Math.floor(Math.log10(amount) * 10));
}

/** The hidden keys of a contact. */
export function contactKeys(contact: Pick<Contact, 'value' | 'lastInteractionAt' | 'keepInTouchDays' | 'preferences'>): ContactKeys {
  const keys: ContactKeys = {
    prioBase: basePoints(contact.value ?? {}),
    lastKey: contact.lastInteractionAt ? utcKey(contact.lastInteractionAt) : '',
    tierRank: TIER_RANK[contact.value?.tier ?? ''] ?? 0,
    revBand: revenueBand(contact.value?.yearlyRevenue?.amount),
    block: '',
  };
  const days = cadenceDays({ value: contact.value ?? {}, keepInTouchDays: contact.keepInTouchDays });
  if (days) keys.kitDue = contact.lastInteractionAt ? addDays(localDay(new Date(contact.lastInteractionAt)), days) : '';
  const prefs = contact.preferences;
  if (prefs?.doNotContact) keys.block = 'dnc';
  else if (prefs?.quietUntil) keys.block = 'quiet';
  else if (prefs?.wants === 'left-alone') keys.block = 'alone';
  return keys;
}

/** One message of a contact's conversation log: id, thread key, time (ms), 1 when ours. */
export type LogEntry = [id: string, thread: string, at: number, ours: 0 | 1];

/** How many of a contact's latest messages the reply times are taken from. */
export const REPLY_LOG_SIZE = 500;

/** The figures stored per contact, derived from its interactions. */
export interface ContactStats {
  contactId: string;
  /** The latest real touchpoint with the person (not internal): id, UTC instant, and whether it is their unanswered email or message. */
  last?: { id: string; at: string; theirMessage: boolean };
  /** When `last` is their email or message: since when they wait for our reply (UTC instant). Indexed. */
  awaitingSince?: string;
  /** Median minutes from their message to our reply, and from ours to theirs, with the counts. */
  oursMinutes?: number;
  theirsMinutes?: number;
  ourReplies: number;
  theirReplies: number;
  /** `[ours ?? -1, theirs ?? -1]` when there is any reply: the Responsiveness list reads this index backwards. */
  slowKey?: [number, number];
  /** Their latest emails and messages, oldest first (at most `REPLY_LOG_SIZE`). */
  log: LogEntry[];
}

const conversational = (i: Pick<Interaction, 'kind' | 'direction'>) =>
  (i.kind === 'email' || i.kind === 'message') && (i.direction === 'inbound' || i.direction === 'outbound');

function logEntry(i: Interaction): LogEntry {
  const thread = i.source?.threadId ? `${i.source.site}:${i.source.threadId}` : `channel:${i.channel}`;
  return [i.id, thread, Date.parse(i.occurredAt), i.direction === 'outbound' ? 1 : 0];
}

function lastOf(i: Interaction): NonNullable<ContactStats['last']> {
  return { id: i.id, at: utcKey(i.occurredAt), theirMessage: i.direction === 'inbound' && (i.kind === 'email' || i.kind === 'message') };
}

/** Reply times from a conversation log: the rule of `responsiveness()` (utils/domain/responsiveness.ts) over log entries. */
export function replyTimes(log: readonly LogEntry[]): Responsiveness {
  const threads = new Map<string, LogEntry[]>();
  for (const entry of log) {
    const list = threads.get(entry[1]) ?? [];
    list.push(entry);
    threads.set(entry[1], list);
  }
  const ours: number[] = [];
  const theirs: number[] = [];
  for (const thread of threads.values()) {
    thread.sort((a, b) => a[2] - b[2]);
    let waiting: LogEntry | undefined;
    for (const entry of thread) {
      if (!waiting || waiting[3] === entry[3]) {
        waiting ??= entry;
        continue;
      }
      (entry[3] === 1 ? ours : theirs).push((entry[2] - waiting[2]) / 60_000);
      waiting = entry;
    }
  }
  return { oursMinutes: median(ours), theirsMinutes: median(theirs), ourReplies: ours.length, theirReplies: theirs.length };
}

function finish(contactId: string, last: ContactStats['last'], log: LogEntry[]): ContactStats | undefined {
  if (!last && log.length === 0) return undefined;
  const sorted = [...log].sort((a, b) => a[2] - b[2] || a[0].localeCompare(b[0])).slice(-REPLY_LOG_SIZE);
  const times = replyTimes(sorted);
  const stats: ContactStats = { contactId, ourReplies: times.ourReplies, theirReplies: times.theirReplies, log: sorted };
  if (last) stats.last = last;
  if (last?.theirMessage) stats.awaitingSince = last.at;
  if (times.oursMinutes !== undefined) stats.oursMinutes = times.oursMinutes;
  if (times.theirsMinutes !== undefined) stats.theirsMinutes = times.theirsMinutes;
  if (times.ourReplies + times.theirReplies > 0) stats.slowKey = [times.oursMinutes ?? -1, times.theirsMinutes ?? -1];
  return stats;
}

const laterThan = (i: Interaction, last: ContactStats['last']) => !last || Date.parse(i.occurredAt) > Date.parse(last.at);

/** A contact's figures from all of its interactions (any order); undefined when there is nothing to keep. */
export function contactStatsOf(contactId: string, interactions: Iterable<Interaction>): ContactStats | undefined {
  let last: ContactStats['last'];
  const log: LogEntry[] = [];
  for (const i of interactions) {
    if (!i.contactIds.includes(contactId as never)) continue;
    if (isRealTouchpoint(i.kind) && i.direction !== 'internal' && laterThan(i, last)) last = lastOf(i);
    if (conversational(i)) log.push(logEntry(i));
  }
  return finish(contactId, last, log);
}

/**
 * The figures after new interactions of the contact are added (none of them stored before): the
 * same result as `contactStatsOf` over everything, from the stored row alone.
 */
export function addToStats(contactId: string, stats: ContactStats | undefined, added: Iterable<Interaction>): ContactStats | undefined {
  let last = stats?.last;
  const log = [...(stats?.log ?? [])];
  const known = new Set(log.map((e) => e[0]));
  for (const i of added) {
    if (!i.contactIds.includes(contactId as never)) continue;
    if (isRealTouchpoint(i.kind) && i.direction !== 'internal' && laterThan(i, last)) last = lastOf(i);
    if (conversational(i) && !known.has(i.id)) {
      known.add(i.id);
      log.push(logEntry(i));
    }
  }
  return finish(contactId, last, log);
}

/** How far back "awaiting our reply" looks for an unanswered message (the Today list, the reminders). */
export const AWAITING_WINDOW_DAYS = 60;

/** The day-independent bounds of "awaiting our reply" at `now`: waiting more than a day, within the window. */
export function awaitingRange(now: Date, windowDays: number): { from: string; to: string } {
  return { from: new Date(now.getTime() - windowDays * 86_400_000).toISOString(), to: new Date(now.getTime() - 86_400_000).toISOString() };
}
