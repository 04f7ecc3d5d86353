import { addDays, keepInTouchDueFrom, type KeepInTouch } from '../../domain/cadence';
import type { ContactId, InteractionId } from '../../domain/common';
import type { Contact } from '../../domain/contact';
import { cadenceDays } from '../../domain/coverage';
import { localDay, type FollowUp } from '../../domain/followup';
import { overdueWorthReading, priorityOf, SILENCE_DAYS_PER_POINT, SILENCE_MAX_POINTS, silencePoints, type Priority } from '../../domain/priority';
import { byValue, outreachBlock, reactivationCutoff, type LeftOutReason } from '../../domain/reactivation';
import type { Responsiveness } from '../../domain/responsiveness';
import { byPriority, inSegment, isEmptySegment, type Segment, type SegmentContext } from '../../domain/segment';
import type { Interaction } from '../../domain/interaction';
import { AWAITING_WINDOW_DAYS, awaitingRange, utcKey } from '../../domain/workspace-figures';
import type { RapportDB } from '../db';
import { search, type SearchHit } from './search';

const DAY_MS = 86_400_000;

/** A row of the contact list: the hit, and its priority with the reasons ("why first?"). */
export interface PriorityRow extends SearchHit {
  priority: Priority;
}

/** How many of the follow-ups belong to each contact. */
function countByContact(followUps: readonly FollowUp[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of followUps) counts.set(f.contactId, (counts.get(f.contactId) ?? 0) + 1);
  return counts;
}

/** Overdue open follow-ups per contact at `now`: an index range (`openDue` before today). */
async function overdueCounts(db: RapportDB, now: Date): Promise<Map<string, number>> {
  return countByContact(await db.followUps.where('openDue').below(localDay(now)).toArray());
}

/** Spans (days back) the overdue range is read in, oldest first (see `overdueReads`). */
const OVERDUE_SPANS = [365, 90, 30, 7];

/** What the priority walk reads about overdue follow-ups: counts per contact, and those contacts. */
interface OverdueReads {
  counts: Promise<Map<string, number>>;
  contacts: Promise<(Contact | undefined)[]>;
}

/**
 * Overdue open follow-ups per contact at `now`, and their contacts: the `openDue` range is read in
 * spans side by side, and each span's contacts are asked for as soon as it arrives, while the
 * later spans are still being read (thousands of overdue follow-ups: their contacts are most of
 * the list's time). With `limit` (a list that keeps every contact), only the contacts that can be
 * among the `limit` best of them are read: each is scored from its small `priorityKeys` row (base
 * and last touchpoint), and those from the `limit`-th score up (ties included) are read.
 */
function overdueReads(db: RapportDB, now: Date, limit?: number): OverdueReads {
  const today = localDay(now);
  const cuts = ['', ...OVERDUE_SPANS.map((days) => addDays(today, -days)), today];
  const spans = cuts.slice(0, -1).map((from, n) => db.followUps.where('openDue').between(from, cuts[n + 1]!, true, false).toArray());
  const asked = new Set<string>();
  const idsOf = async (span: Promise<FollowUp[]>) => {
    const ids = [...new Set((await span).map((f) => f.contactId as string))].filter((id) => !asked.has(id));
    for (const id of ids) asked.add(id);
    return ids;
  };
  const counts = Promise.all(spans).then((read) => countByContact(read.flat()));
  if (limit === undefined) {
    const contacts = Promise.all(spans.map(async (span) => db.contacts.bulkGet((await idsOf(span)) as ContactId[]))).then((read) => read.flat());
    return { counts, contacts };
  }
  const keys = Promise.all(
    spans.map(async (span) => {
      const ids = await idsOf(span);
      const rows = await db.priorityKeys.bulkGet(ids);
      return ids.map((id, n) => [id, rows[n]] as const);
    }),
  ).then((read) => read.flat());
  const contacts = Promise.all([counts, keys]).then(([overdue, rows]) => db.contacts.bulkGet(overdueWorthReading(rows, overdue, limit, now) as ContactId[]));
  return { counts, contacts };
}

/** Contacts with an open follow-up (only read when a segment filters on it). */
async function withOpenFollowUp(db: RapportDB): Promise<Set<string>> {
  return new Set((await db.followUps.orderBy('openDue').toArray()).map((f) => f.contactId));
}

function byRow(a: PriorityRow, b: PriorityRow): number {
  return b.priority.score - a.priority.score || byPriority(a.contact, b.contact);
}

/** Most contacts read from one slice of the priority walk (see `topByPriority`). */
export const PRIORITY_CELL_CAP = 2000;

/** Score points the priority walk descends per round (see `topByPriority`). */
const LEVEL_STEP = 5;

/**
 * The contacts of one priority band (`prioBase` = `base`) whose silence points at `now` are at
 * least `lo` and below `hi`: silence only grows with the time since the last touchpoint, so they
 * are one key range of `[prioBase+lastKey]`, plus the never-contacted (who score ten) when ten is
 * in the span.
 */
async function bandSlice(db: RapportDB, base: number, lo: number, hi: number, now: Date): Promise<Contact[]> {
  const at = (points: number) => new Date(now.getTime() - points * SILENCE_DAYS_PER_POINT * DAY_MS).toISOString();
  const upper = lo <= 0 ? '\uffff' : at(lo);
  const lower = hi > SILENCE_MAX_POINTS ? '' : at(hi);
  const never = silencePoints(undefined);
  const [contacted, uncontacted] = await Promise.all([
    db.contacts.where('[prioBase+lastKey]').between([base, lower], [base, upper], false, true).limit(PRIORITY_CELL_CAP).toArray(),
    lo <= never && never < hi ? db.contacts.where('[prioBase+lastKey]').equals([base, '']).limit(PRIORITY_CELL_CAP).toArray() : [],
  ]);
  return [...uncontacted, ...contacted];
}

/**
 * The `limit` best contacts by priority, reading index ranges instead of the notebook. The score
 * is base (tier + revenue + loyalty, stored per contact as `prioBase`) + silence (0–20 points,
 * from the stored last touchpoint and `now`) + overdue follow-ups (0–30). Contacts with overdue
 * follow-ups are read by id, beside the walk. The walk descends the score `LEVEL_STEP` points a
 * round, from the best a base and full silence can reach: each round reads, in every band of
 * equal base, the slice whose silence brings it into the round's span (one key range of
 * `[prioBase+lastKey]`). It stops when `limit` contacts score at least the round's lower end:
 * nothing unread can beat them (an unread contact with overdue follow-ups is among those read by
 * id). Each contact is read at most once by the walk. Equal scores are ordered by value and name,
 * exactly, as long as a slice holds at most `PRIORITY_CELL_CAP` contacts; beyond that (thousands
 * of contacts with the very same score, e.g. a fresh import without values) its first contacts by
 * last touchpoint are taken. `keep` filters (a segment); a filter that keeps few contacts may make
 * the walk read far.
 */
async function topByPriority(db: RapportDB, keep: (c: Contact) => boolean, reads: OverdueReads, limit: number, now: Date): Promise<PriorityRow[]> {
  let overdue = new Map<string, number>();
  const scored = reads.counts.then((counts) => {
    overdue = counts;
  });
  const rowOf = (contact: Contact): PriorityRow => ({ contact, priority: priorityOf(contact, overdue.get(contact.id) ?? 0, now) });
  let pool = new Map<string, PriorityRow>();
  let floor = -Infinity;
  const add = (contacts: readonly (Contact | undefined)[]) => {
    for (const c of contacts) {
      if (!c || pool.has(c.id)) continue;
      const row = rowOf(c);
      // Below the current `limit`-th score a contact can never enter: skip it before the (name-folding) sort.
      if (row.priority.score >= floor && keep(c)) pool.set(c.id, row);
    }
    const best = [...pool.values()].sort(byRow).slice(0, limit);
    pool = new Map(best.map((r) => [r.contact.id, r]));
    floor = best.length >= limit ? best[limit - 1]!.priority.score : -Infinity;
  };
  // Read beside the walk; once in, they raise the floor and the walk may stop sooner.
  // Once the counts are in, the contacts the walk scored before are scored again (their overdue
  // points were missing), then those read by id join.
  const withOverdue = Promise.all([reads.contacts, scored]).then(([contacts]) => {
    pool = new Map([...pool.values()].map((row) => [row.contact.id, rowOf(row.contact)]));
    add(contacts);
  });
  // Bases are whole points (`basePoints`): every base from the best stored one (one reverse key
  // step) down is a band; a band nobody has is an empty range, read beside the others.
  const top = await nextBaseBelow(db, Infinity);
  // Per band: the silence points down to which it was read.
  const readTo = new Map<number, number>();
  let level = top === undefined ? 0 : top + SILENCE_MAX_POINTS + 1;
  while (level > 0) {
    const next = level - LEVEL_STEP;
    const slices: Promise<Contact[]>[] = [];
    for (let base = top!; base >= Math.max(0, next - SILENCE_MAX_POINTS); base--) {
      const hi = readTo.get(base) ?? SILENCE_MAX_POINTS + 1;
      const lo = Math.max(0, next - base);
      if (lo >= hi) continue;
      readTo.set(base, lo);
      slices.push(bandSlice(db, base, lo, hi, now));
    }
    // Scored as soon as read: before the overdue counts are in, a contact's score can only be too
    // low, so the floor is never too high and the walk never stops too early; a contact with
    // overdue follow-ups dropped on a low score is among those read by id when it can make the list.
    add((await Promise.all(slices)).flat());
    if (floor >= next) break;
    level = next;
  }
  await withOverdue;
  return [...pool.values()].sort(byRow);
}

/** The greatest stored priority base below `base` (one step of a reverse key cursor), if any. */
async function nextBaseBelow(db: RapportDB, base: number): Promise<number | undefined> {
  const keys = await db.contacts.where('prioBase').below(base).reverse().limit(1).keys();
  return keys.length ? Number(keys[0]) : undefined;
}

/** The segment's contacts found through an index of one of its filters, or undefined when it has none. */
async function indexedSegment(db: RapportDB, segment: Segment): Promise<Contact[] | undefined> {
  if (segment.tag) return db.contacts.where('tags').equals(segment.tag).toArray();
  if (segment.tier) return db.contacts.where('value.tier').equals(segment.tier).toArray();
  if (segment.loyalty) return db.contacts.where('value.loyalty').equals(segment.loyalty).toArray();
  if (segment.stage) {
    const [pipelineId, stage] = segment.stage.split('::');
    return db.contacts.where('[pipeline.pipelineId+pipeline.stage]').equals([pipelineId ?? '', stage ?? '']).toArray();
  }
  return undefined;
}

/**
 * The workspace list: with a query, the search hits (contacts and notes) inside the segment, in
 * search order; without one, the segment's contacts, the `limit` first by priority score: through
 * a filter's index when the segment has one, else by walking the priority index (`topByPriority`).
 */
export async function segmentContacts(db: RapportDB, query: string, segment: Segment, limit = 200, now = new Date()): Promise<PriorityRow[]> {
  // Read beside the priority walk's first reads (it needs the counts only to score).
  if (!query.trim() && isEmptySegment(segment)) return topByPriority(db, () => true, overdueReads(db, now, limit), limit, now);
  const overdue = await overdueCounts(db, now);
  const context: SegmentContext = { now, ...(segment.openFollowUp !== undefined ? { withOpenFollowUp: await withOpenFollowUp(db) } : {}) };
  const rowOf = (hit: SearchHit): PriorityRow => ({ ...hit, priority: priorityOf(hit.contact, overdue.get(hit.contact.id) ?? 0, now) });
  if (query.trim()) {
    return (await search(db, query, limit * 2))
      .filter((hit) => inSegment(hit.contact, segment, context))
      .slice(0, limit)
      .map(rowOf);
  }
  const subset = await indexedSegment(db, segment);
  if (subset) {
    return subset
      .filter((c) => inSegment(c, segment, context))
      .map((contact) => rowOf({ contact }))
      .sort(byRow)
      .slice(0, limit);
  }
  return topByPriority(db, (c) => inSegment(c, segment, context), overdueReads(db, now), limit, now);
}

/** Every contact of a segment (for bulk actions and export), in no particular order. */
export async function segmentAll(db: RapportDB, segment: Segment, now = new Date()): Promise<Contact[]> {
  if (isEmptySegment(segment)) return db.contacts.toArray();
  const context: SegmentContext = { now, ...(segment.openFollowUp !== undefined ? { withOpenFollowUp: await withOpenFollowUp(db) } : {}) };
  const subset = await indexedSegment(db, segment);
  if (subset) return subset.filter((c) => inSegment(c, segment, context));
  return db.contacts.filter((c) => inSegment(c, segment, context)).toArray();
}

/** Values in use, for the segment pickers. */
export async function segmentValues(db: RapportDB): Promise<{ tags: string[]; industries: string[]; owners: string[] }> {
  const [tags, industries, owners] = await Promise.all([
    db.contacts.orderBy('tags').uniqueKeys(),
    db.contacts.orderBy('industry').uniqueKeys(),
    db.contacts.orderBy('owner').uniqueKeys(),
  ]);
  return { tags: tags.map(String), industries: industries.map(String), owners: owners.map(String) };
}

/** Open follow-ups due by a day (the `limit` oldest), with their contacts, oldest first. */
export async function dueFollowUps(db: RapportDB, day: string, limit = Infinity): Promise<{ followUp: FollowUp; contact: Contact }[]> {
  const open = await db.followUps.where('openDue').belowOrEqual(day).limit(limit).toArray();
  const contacts = await db.contacts.bulkGet(open.map((f) => f.contactId));
  return open
    .map((followUp, i) => ({ followUp, contact: contacts[i] }))
    .filter((row): row is { followUp: FollowUp; contact: Contact } => Boolean(row.contact))
    .sort((a, b) => a.followUp.due.localeCompare(b.followUp.due));
}

/**
 * Contacts with a keep-in-touch cadence (their own, or their coverage's default) that is due now,
 * from their last real touchpoint (`lastInteractionAt`, which notes and saved pages never set):
 * the stored due day (`kitDue`, '' when never contacted) up to today, an index range.
 */
export async function keepInTouchList(db: RapportDB, now: Date, limit = Infinity): Promise<{ contact: Contact; status: KeepInTouch }[]> {
  const rows: { contact: Contact; status: KeepInTouch }[] = [];
  for (const contact of await db.contacts.where('kitDue').belowOrEqual(localDay(now)).limit(limit).toArray()) {
    const days = cadenceDays(contact);
    if (!days) continue;
    const status = keepInTouchDueFrom(days, contact.lastInteractionAt, now);
    if (status.due) rows.push({ contact, status });
  }
  return rows.sort((a, b) => (a.status.dueSince ?? '').localeCompare(b.status.dueSince ?? '') || byPriority(a.contact, b.contact));
}

/** One row of the Today list: what is due, for whom, and since when (oldest first). */
export type TodayRow =
  | { kind: 'followup'; contact: Contact; since: string; followUp: FollowUp }
  | { kind: 'keep-in-touch'; contact: Contact; since: string; lastRealAt?: string }
  | { kind: 'awaiting'; contact: Contact; since: string; message: Interaction };


/** The stored figures of contacts awaiting our reply at `now`: an index range of `awaitingSince`, oldest first. */
function awaitingRows(db: RapportDB, now: Date) {
  const { from, to } = awaitingRange(now, AWAITING_WINDOW_DAYS);
  return db.contactStats.where('awaitingSince').between(from, to, false, false);
}

/**
 * How many contacts await our reply at `now`: their latest real touchpoint (calls and meetings
 * count as answers) is their email or message, more than a day old and within the window. An
 * index count (Chromium walks the key range: about 1 ms per 1 000 waiting); `cap` stops early.
 */
export function countAwaitingReply(db: RapportDB, now: Date, cap = Infinity): Promise<number> {
  return cap === Infinity ? awaitingRows(db, now).count() : capped(awaitingRows(db, now), cap);
}

/** Contacts awaiting our reply (see `countAwaitingReply`), the `limit` who waited longest, with their message. */
export async function awaitingOurReply(db: RapportDB, now: Date, limit = Infinity): Promise<{ contact: Contact; message: Interaction }[]> {
  const stats = await awaitingRows(db, now).limit(limit).toArray();
  const [contacts, messages] = await Promise.all([
    db.contacts.bulkGet(stats.map((s) => s.contactId as ContactId)),
    db.interactions.bulkGet(stats.map((s) => s.last!.id as InteractionId)),
  ]);
  return stats.flatMap((_, i) => (contacts[i] && messages[i] ? [{ contact: contacts[i], message: messages[i] }] : []));
}

/** Today: overdue and due follow-ups, keep-in-touch due, conversations awaiting our reply; the `limit` oldest first. */
export async function todayList(db: RapportDB, now: Date, limit = 200): Promise<TodayRow[]> {
  const [followUps, keep, awaiting] = await Promise.all([dueFollowUps(db, localDay(now), limit), keepInTouchList(db, now, limit), awaitingOurReply(db, now, limit)]);
  const rows: TodayRow[] = [
    ...followUps.map(({ followUp, contact }) => ({ kind: 'followup' as const, contact, since: followUp.due, followUp })),
    ...keep.map(({ contact, status }) => ({
      kind: 'keep-in-touch' as const,
      contact,
      since: status.dueSince ?? localDay(new Date(contact.createdAt)),
      ...(status.lastRealAt ? { lastRealAt: status.lastRealAt } : {}),
    })),
    ...awaiting.map(({ contact, message }) => ({ kind: 'awaiting' as const, contact, since: message.occurredAt, message })),
  ];
  const day = (s: string) => (s.length === 10 ? s : localDay(new Date(s)));
  return rows.sort((a, b) => day(a.since).localeCompare(day(b.since)) || a.since.localeCompare(b.since)).slice(0, limit);
}

/** A reactivation row: the quiet customer, their last real touchpoint and the latest open agreement. */
export interface ReactivateRow {
  contact: Contact;
  last?: Interaction;
  agreed?: FollowUp;
}

/** Tier ranks in the order the reactivation list reads them (A, B, C, none). */
const TIER_RANKS = [3, 2, 1, 0];

/** Quiet contacts (a real touchpoint, none since the cutoff) by stored block: one key range of `[block+lastKey]`. */
const quietBy = (db: RapportDB, block: string, cutoff: string) => db.contacts.where('[block+lastKey]').between([block, ''], [block, cutoff], false, false);

/** Quiet contacts with a quiet period (few): the counts and the list check each against the day. */
const withQuietPeriod = (db: RapportDB, cutoff: string) => quietBy(db, 'quiet', cutoff).toArray();

/**
 * Quiet contacts to reactivate (nothing blocks them) and those left out by reason. Contact bans
 * and "leave me alone" are counted from the index; quiet periods are read (few) and checked
 * against the day, since one that has ended blocks nothing. `cap` bounds each count (Chromium
 * counts a key range by walking it).
 */
async function reactivateCounts(db: RapportDB, now: Date, cutoff: string, cap = Infinity, quietPeriods = withQuietPeriod(db, cutoff)): Promise<{ total: number; leftOut: Record<LeftOutReason, number> }> {
  const count = (block: string) => (cap === Infinity ? quietBy(db, block, cutoff).count() : quietBy(db, block, cutoff).limit(cap).primaryKeys().then((k) => k.length));
  const [free, dnc, alone, periods] = await Promise.all([count(''), count('dnc'), count('alone'), quietPeriods]);
  const leftOut: Record<LeftOutReason, number> = { 'do-not-contact': dnc, quiet: 0, 'left-alone': alone };
  let ended = 0;
  for (const c of periods) {
    const block = outreachBlock(c, now);
    if (block) leftOut[block]++;
    else ended++;
  }
  return { total: Math.min(cap, free + ended), leftOut };
}

/** Most contacts of one revenue band read to order the reactivation list's boundary band exactly. */
export const REACTIVATE_BAND_CAP = 5000;

/** Revenue bands read at once (one round trip). */
const BANDS_PER_BATCH = 16;

/**
 * Customers with no real touchpoint for `months` months, by value (tier, revenue, longest
 * silence); those who asked for peace counted apart. Counts are index counts, each at most
 * `countCap` (Chromium counts a key range by walking it: 12 000 quiet customers took 100 ms), read
 * beside the rows (see `reactivateIds` for how the rows are found).
 */
export async function reactivateList(
  db: RapportDB,
  now: Date,
  months = 12,
  limit = 200,
  countCap = NAV_COUNT_CAP,
): Promise<{ rows: ReactivateRow[]; total: number; leftOut: Record<LeftOutReason, number> }> {
  const cutoff = reactivationCutoff(now, months);
  const quietPeriods = withQuietPeriod(db, cutoff);
  const [rows, counts] = await Promise.all([reactivateRows(db, now, cutoff, limit, quietPeriods), reactivateCounts(db, now, cutoff, countCap, quietPeriods)]);
  return { rows, ...counts };
}

/** The quiet, unblocked contacts of one tier and revenue band: one key range of `[block+tierRank+revBand+lastKey]`, longest silence first. */
const quietBand = (db: RapportDB, tier: number, band: number, cutoff: string) =>
  db.contacts.where('[block+tierRank+revBand+lastKey]').between(['', tier, band, ''], ['', tier, band, cutoff], false, false);

/**
 * The ids among which the `want` best quiet, unblocked contacts of a tier are (by revenue, then
 * the longest silence), reading keys only: the tier's highest band (one key step), then its bands
 * downwards, `BANDS_PER_BATCH` at a time, each band's first `want` ids. Every band above the one
 * where `want` is reached is taken whole; in that boundary band the index orders by silence, not
 * by the amount, so it is read whole (at most `REACTIVATE_BAND_CAP`), except band 0 (no revenue),
 * whose order is the index's.
 */
async function reactivateIds(db: RapportDB, tier: number, cutoff: string, want: number): Promise<string[]> {
  const highest = await db.contacts.where('[block+tierRank+revBand+lastKey]').between(['', tier, -Infinity], ['', tier, Infinity], true, true).reverse().limit(1).keys();
  let band = highest.length ? Number((highest[0] as unknown[])[2]) : -1;
  const ids: string[] = [];
  while (band >= 0) {
    const bands = Array.from({ length: Math.min(BANDS_PER_BATCH, band + 1) }, (_, n) => band - n);
    const read = await Promise.all(bands.map((b) => quietBand(db, tier, b, cutoff).limit(want).primaryKeys()));
    for (const [n, keys] of read.entries()) {
      if (ids.length + keys.length < want) {
        ids.push(...keys.map(String));
        continue;
      }
      const whole = bands[n] === 0 || keys.length < want ? keys : await quietBand(db, tier, bands[n]!, cutoff).limit(REACTIVATE_BAND_CAP).primaryKeys();
      return [...ids, ...whole.map(String)];
    }
    band -= bands.length;
  }
  return ids;
}

/**
 * The `limit` quiet customers by value, each with their last touchpoint and latest agreement:
 * tier by tier (A first) the ids that can rank (`reactivateIds`), and the quiet customers whose
 * quiet period has ended; only those records are read, then ranked exactly.
 */
async function reactivateRows(db: RapportDB, now: Date, cutoff: string, limit: number, quietPeriods: Promise<Contact[]>): Promise<ReactivateRow[]> {
  const ids: string[] = [];
  for (const t of TIER_RANKS) {
    if (ids.length >= limit) break;
    ids.push(...(await reactivateIds(db, t, cutoff, limit - ids.length)));
  }
  const [free, periods] = await Promise.all([db.contacts.bulkGet(ids as ContactId[]), quietPeriods]);
  const top = [...free.filter((c): c is Contact => Boolean(c)), ...periods.filter((c) => !outreachBlock(c, now))]
    .sort((a, b) => byValue(a, b) || a.id.localeCompare(b.id))
    .slice(0, limit);
  // The last touchpoint is usually the stored latest conversation (one read for all rows); the
  // others (an internal meeting, say) are found by their timeline link. Follow-ups: one read per row, in parallel.
  const stats = await db.contactStats.bulkGet(top.map((c) => c.id));
  const lastIds = await Promise.all(
    top.map(async (c, n) => {
      if (!c.lastInteractionAt) return undefined;
      const s = stats[n]?.last;
      if (s && s.at === utcKey(c.lastInteractionAt)) return s.id;
      return (await db.interactionLinks.where('[contactId+occurredAt]').equals([c.id, c.lastInteractionAt]).first())?.interactionId;
    }),
  );
  const [lasts, followUps] = await Promise.all([
    db.interactions.bulkGet(lastIds.map((id) => id ?? '') as InteractionId[]),
    Promise.all(top.map((c) => db.followUps.where('contactId').equals(c.id).toArray())),
  ]);
  return top.map((contact, n): ReactivateRow => {
    const last = lastIds[n] ? lasts[n] : undefined;
    const agreed = followUps[n]!.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
    return { contact, ...(last ? { last } : {}), ...(agreed ? { agreed } : {}) };
  });
}

/**
 * Per contact, our and their median reply time over their latest messages (the stored figures);
 * the slowest answered first: the `slowKey` index read backwards, `limit` rows.
 */
export async function responsivenessList(db: RapportDB, limit = 200): Promise<{ contact: Contact; stats: Responsiveness }[]> {
  const stats = await db.contactStats.orderBy('slowKey').reverse().limit(limit).toArray();
  const contacts = await db.contacts.bulkGet(stats.map((s) => s.contactId as ContactId));
  return stats.flatMap((s, i) =>
    contacts[i] ? [{ contact: contacts[i], stats: { oursMinutes: s.oursMinutes, theirsMinutes: s.theirsMinutes, ourReplies: s.ourReplies, theirReplies: s.theirReplies } }] : [],
  );
}

/** Above this, the navigation says "1000+": the lists show their first 200 rows, and Chromium counts a key range by walking it. */
export const NAV_COUNT_CAP = 1000;

const capped = (collection: { limit(n: number): { primaryKeys(): Promise<unknown[]> } }, cap: number) => collection.limit(cap).primaryKeys().then((keys) => keys.length);

/**
 * The counts in the workspace's navigation, each at most `cap` (shown as "1000+"): bounded key
 * reads of the indexes, nothing listed. Today counts due follow-ups, due keep-in-touch and
 * conversations awaiting our reply, as the Today list does.
 */
export async function workspaceCounts(db: RapportDB, now: Date, cap = NAV_COUNT_CAP): Promise<{ today: number; reactivate: number; responsiveness: number }> {
  const today = localDay(now);
  const [followUps, keep, awaiting, reactivate, responsiveness] = await Promise.all([
    capped(db.followUps.where('openDue').belowOrEqual(today), cap),
    capped(db.contacts.where('kitDue').belowOrEqual(today), cap),
    countAwaitingReply(db, now, cap),
    reactivateCounts(db, now, reactivationCutoff(now, 12), cap),
    capped(db.contactStats.orderBy('slowKey'), cap),
  ]);
  return { today: Math.min(cap, followUps + keep + awaiting), reactivate: reactivate.total, responsiveness };
}

/** Snooze days offered in one click. */
export function snoozeDay(pick: 'tomorrow' | 'next-week', now: Date): string {
  return addDays(localDay(now), pick === 'tomorrow' ? 1 : 7);
}

