/**
 * Workspace bench page: bundled by tests/bench/workspace.mjs (not shipped) and run in real
 * Chromium. Seeds a notebook outside the timed part, then times the reads each workspace view
 * makes: the first render's contact list and navigation counts, each list, opening one contact.
 */
import Dexie from 'dexie';
import { RapportDB, applyMigrations } from '../../../utils/db/db';
import { MIGRATIONS } from '../../../utils/db/migrations';
import { checksFor } from '../../../utils/db/repos/checks';
import { getContact } from '../../../utils/db/repos/contacts';
import { followUpsFor } from '../../../utils/db/repos/followups';
import { timeline } from '../../../utils/db/repos/interactions';
import { referralsOf } from '../../../utils/db/repos/referrals';
import { countAwaitingReply, reactivateList, responsivenessList, segmentContacts, todayList, workspaceCounts } from '../../../utils/db/repos/workspace';
import type { ContactId, FollowUpId, InteractionId } from '../../../utils/domain/common';
import type { Contact } from '../../../utils/domain/contact';
import type { FollowUp } from '../../../utils/domain/followup';
import type { Interaction } from '../../../utils/domain/interaction';

const DAY = 86_400_000;
const NOW = new Date('2026-11-30T12:00:00.000Z');
const KINDS = ['email', 'email', 'message', 'call', 'meeting', 'note', 'page'] as const;

function contactNo(i: number): Contact {
  const stamp = new Date(Date.UTC(2023, 0, 1) + i * 60_000).toISOString();
  return {
    id: `ct_${i}` as ContactId,
    displayName: `Person ${i} Bench${i % 997}`,
    emails: [`person${i}@company${i % 997}.example`],
    phones: [],
    company: `Company ${i % 997}`,
    tags: i % 5 === 0 ? ['key-account'] : [],
    value: {
      ...(i % 4 === 0 ? { tier: (['A', 'B', 'C'] as const)[i % 3] } : {}),
      ...(i % 7 === 0 ? { yearlyRevenue: { amount: (i % 1000) * 1000, currency: 'EUR' } } : {}),
      ...(i % 50 === 0 ? { coverage: 'field-sales' as const } : {}),
      // Every tenth contact was recommended by one of a thousand advocates (ten each at 100 000).
      ...(i % 10 === 0 && i > 0 ? { referredBy: `ct_${Math.floor(i / 10) % 1000}` as ContactId } : {}),
    },
    ...(i % 20 === 0 ? { keepInTouchDays: 60 } : {}),
    preferences: { channels: [], topics: [], ...(i % 97 === 0 ? { doNotContact: { reason: '' } } : {}) },
    createdAt: stamp,
    updatedAt: stamp,
  };
}

/** Ten interactions per contact over three years; the newest real one sets the last contact. */
function interactionsOf(c: number, perContact: number): Interaction[] {
  const out: Interaction[] = [];
  for (let k = 0; k < perContact; k++) {
    const n = c * perContact + k;
    const kind = KINDS[n % KINDS.length]!;
    // Every eighth contact went quiet: nothing in the last 13 months.
    const quiet = c % 8 === 0 ? 400 : 0;
    const at = new Date(NOW.getTime() - (quiet + ((n * 7919) % (3 * 365 - quiet))) * DAY - (n % 24) * 3_600_000).toISOString();
    out.push({
      id: `ix_${n}` as InteractionId,
      contactIds: [`ct_${c}` as ContactId],
      kind,
      channel: kind === 'call' ? 'phone' : kind === 'meeting' ? 'in-person' : kind === 'message' ? 'linkedin' : kind === 'email' ? 'email' : 'other',
      direction: kind === 'note' || kind === 'page' ? 'internal' : k % 2 ? 'inbound' : 'outbound',
      department: 'sales',
      occurredAt: at,
      text: `Bench interaction ${n} about pumps and delivery slots`,
      source: kind === 'email' ? { site: 'gmail', threadId: `t${c}`, messageId: `m${n}` } : undefined,
      ...(kind === 'email' ? { sourceKey: `gmail:m${n}` } : {}),
      createdAt: at,
      updatedAt: at,
    } as Interaction);
  }
  return out;
}

async function seed(name: string, contacts: number, perContact: number): Promise<{ ms: number; reused?: boolean; interactions?: number }> {
  const t0 = performance.now();
  const db = new RapportDB(name);
  await db.open();
  // A kept profile (BENCH_PROFILE_DIR) already holds this notebook when a seeded run finished.
  const [had, hadInteractions] = await Promise.all([db.contacts.count(), db.interactions.count()]);
  if (had === contacts && hadInteractions === contacts * perContact) {
    db.close();
    return { ms: performance.now() - t0, reused: true, interactions: hadInteractions };
  }
  if (had > 0) await Promise.all(db.tables.map((t) => t.clear()));
  const chunk = 2000;
  for (let i = 0; i < contacts; i += chunk) {
    const cs: Contact[] = [];
    const ix: Interaction[] = [];
    for (let c = i; c < Math.min(contacts, i + chunk); c++) {
      const mine = interactionsOf(c, perContact);
      const last = mine.filter((x) => x.kind !== 'note' && x.kind !== 'page').sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))[0];
      cs.push({ ...contactNo(c), ...(last ? { lastInteractionAt: last.occurredAt, lastInteractionChannel: last.channel } : {}) });
      ix.push(...mine);
    }
    const fus: FollowUp[] = cs
      .filter((_, j) => (i + j) % 25 === 0)
      .map((c, j) => ({ id: `fu_${i + j}` as FollowUpId, contactId: c.id, due: new Date(NOW.getTime() + (((i + j) % 60) - 30) * DAY).toISOString().slice(0, 10), what: 'Call back', createdAt: c.createdAt, updatedAt: c.createdAt }));
    await db.transaction('rw', [db.contacts, db.interactions, db.interactionLinks, db.followUps], async () => {
      await db.contacts.bulkAdd(cs);
      await db.interactions.bulkAdd(ix);
      await db.interactionLinks.bulkAdd(ix.map((x) => ({ contactId: x.contactIds[0]!, interactionId: x.id, occurredAt: x.occurredAt })));
      await db.followUps.bulkAdd(fus);
    });
  }
  db.close();
  return { ms: performance.now() - t0 };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await work();
  return { ms: performance.now() - t0, value };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Each read three times on a freshly opened database (the first is the cold one a user meets). */
async function measure(name: string, contacts: number) {
  const db = new RapportDB(name);
  await db.open();
  // The first render: the contact list by priority and the counts in the navigation, as the page asks for them.
  const first = await timed(() => Promise.all([segmentContacts(db, '', {}, 200, NOW), workspaceCounts(db, NOW)]));
  const runs = async <T>(work: () => Promise<T>) => {
    const ms: number[] = [];
    let value: T | undefined;
    for (let i = 0; i < 3; i++) {
      const r = await timed(work);
      ms.push(r.ms);
      value = r.value;
    }
    return { firstMs: ms[0]!, medianMs: median(ms), value: value! };
  };
  const list = await runs(() => segmentContacts(db, '', {}, 200, NOW));
  const counts = await runs(() => workspaceCounts(db, NOW));
  // Each index count on its own (Chromium counts a key range by walking it).
  const day = NOW.toISOString().slice(0, 10);
  const parts: Record<string, number> = {};
  for (const [name, work] of Object.entries({
    openDue: () => db.followUps.where('openDue').belowOrEqual(day).count(),
    kitDue: () => db.contacts.where('kitDue').belowOrEqual(day).count(),
    awaiting: () => countAwaitingReply(db, NOW),
    quietFree: () => db.contacts.where('[block+lastKey]').between(['', ''], ['', '2025-11-30'], false, false).count(),
    slowKey: () => db.contactStats.orderBy('slowKey').count(),
    statsAll: () => db.contactStats.count(),
  })) {
    parts[name] = (await timed(work)).ms;
  }
  const today = await runs(() => todayList(db, NOW));
  const reactivate = await runs(() => reactivateList(db, NOW, 12));
  const responsiveness = await runs(() => responsivenessList(db));
  const opens: number[] = [];
  for (let i = 0; i < 20; i++) {
    const id = `ct_${(i * 4999) % contacts}` as ContactId;
    const r = await timed(async () => {
      const contact = await getContact(db, id);
      const [items, fus, checks, referrals] = await Promise.all([
        timeline(db, id, { limit: 50 }),
        followUpsFor(db, id),
        checksFor(db, id),
        contact ? referralsOf(db, contact) : undefined,
      ]);
      return Boolean(contact) && items.length + fus.length + checks.length + (referrals?.recommended.length ?? 0) >= 0;
    });
    opens.push(r.ms);
  }
  db.close();
  return {
    firstRenderMs: first.ms,
    contactList: { firstMs: list.firstMs, medianMs: list.medianMs, rows: list.value.length },
    counts: { firstMs: counts.firstMs, medianMs: counts.medianMs, ...counts.value, parts },
    today: { firstMs: today.firstMs, medianMs: today.medianMs, rows: today.value.length },
    reactivate: { firstMs: reactivate.firstMs, medianMs: reactivate.medianMs, rows: reactivate.value.rows.length, total: reactivate.value.total },
    responsiveness: { firstMs: responsiveness.firstMs, medianMs: responsiveness.medianMs, rows: responsiveness.value.length },
    openContact: { medianMs: median(opens), maxMs: Math.max(...opens) },
  };
}

/**
 * The latest schema step on a notebook of `contacts` contacts stored by the step before (written
 * with that step's stores, outside the timed part): how long a user's upgrade takes.
 */
async function upgradeLatest(name: string, contacts: number): Promise<{ ms: number; from: number; to: number }> {
  await Dexie.delete(name);
  const old = new Dexie(name);
  applyMigrations(old, MIGRATIONS.slice(0, -1));
  await old.open();
  for (let i = 0; i < contacts; i += 5000) {
    await old.table('contacts').bulkAdd(Array.from({ length: Math.min(5000, contacts - i) }, (_, k) => contactNo(i + k)));
  }
  const from = old.verno;
  old.close();
  const t0 = performance.now();
  const db = new RapportDB(name);
  await db.open();
  const ms = performance.now() - t0;
  const to = db.verno;
  db.close();
  await Dexie.delete(name);
  return { ms, from, to };
}

declare global {
  interface Window {
    rapportWorkspaceBench: { seed: typeof seed; measure: typeof measure; upgradeLatest: typeof upgradeLatest };
  }
}
window.rapportWorkspaceBench = { seed, measure, upgradeLatest };
document.title = 'bench-ready';
