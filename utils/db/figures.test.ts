import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContactId, InteractionId } from '../domain/common';
import type { Contact } from '../domain/contact';
import { localDay } from '../domain/followup';
import type { Interaction } from '../domain/interaction';
import { priorityOf } from '../domain/priority';
import { outreachBlock, reactivationList } from '../domain/reactivation';
import { bySlowestReply, responsiveness } from '../domain/responsiveness';
import { byPriority } from '../domain/segment';
import { contactKeys, contactStatsOf, CONTACT_KEY_NAMES } from '../domain/workspace-figures';
import { RapportDB } from './db';
import { createContact, deleteContact, editContact, mergeContacts } from './repos/contacts';
import { eraseContact } from './repos/erase';
import { addFollowUp, setFollowUpDone } from './repos/followups';
import { addInteraction, captureInteractions, deleteInteraction, restoreInteraction, updateInteraction } from './repos/interactions';
import {
  countAwaitingReply,
  PRIORITY_CELL_CAP,
  reactivateList,
  responsivenessList,
  segmentContacts,
  todayList,
  workspaceCounts,
} from './repos/workspace';

/*
 * The stored figures (figures.ts) always equal a recomputation from the records, whatever wrote
 * them; and the lists that read them by index give what a pass over every record gives.
 */

let db: RapportDB;
beforeEach(() => {
  db = new RapportDB(`figures-${crypto.randomUUID()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const now = new Date('2026-11-30T12:00:00.000Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();

/** Reads a store as stored (hidden fields included), below Dexie's reading hooks. */
function raw(store: string): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    const tx = db.backendDB().transaction(store);
    const r = tx.objectStore(store).getAll();
    r.onsuccess = () => resolve(r.result as Record<string, unknown>[]);
    r.onerror = () => reject(r.error);
  });
}

async function expectConsistent() {
  const [contacts, interactions, followUps, stats, priorityKeys] = await Promise.all([
    raw('contacts'),
    db.interactions.toArray(),
    raw('followUps'),
    db.contactStats.toArray(),
    db.priorityKeys.toArray(),
  ]);
  // One row of priority keys per contact, equal to the contact's own.
  expect(priorityKeys.sort((a, b) => a.id.localeCompare(b.id))).toEqual(
    contacts.map((c) => ({ id: c.id, prioBase: c.prioBase, lastKey: c.lastKey })).sort((a, b) => String(a.id).localeCompare(String(b.id))),
  );
  for (const stored of contacts) {
    const hidden = Object.fromEntries(CONTACT_KEY_NAMES.filter((k) => k in stored).map((k) => [k, stored[k]]));
    expect(hidden, `keys of ${String(stored.id)}`).toEqual(contactKeys(stored as unknown as Contact));
    // The priority walk reads every whole-point base (workspace.ts).
    expect(Number.isInteger(stored.prioBase), `prioBase of ${String(stored.id)}`).toBe(true);
  }
  for (const f of followUps) expect(f.openDue, `openDue of ${String(f.id)}`).toBe(f.doneAt ? undefined : f.due);
  const ids = new Set([...contacts.map((c) => String(c.id)), ...interactions.flatMap((i) => i.contactIds)]);
  const expected = [...ids].map((id) => contactStatsOf(id, interactions)).filter((s) => s !== undefined);
  const sort = <T extends { contactId: string }>(rows: T[]) => [...rows].sort((a, b) => a.contactId.localeCompare(b.contactId));
  expect(sort(stats)).toEqual(sort(expected));
}

const mail = (contactIds: string[], direction: 'inbound' | 'outbound', occurredAt: string, messageId: string, threadId = 't1') => ({
  contactIds: contactIds as ContactId[],
  kind: 'email' as const,
  channel: 'email' as const,
  direction,
  occurredAt,
  source: { site: 'gmail' as const, threadId, messageId },
});

describe('stored workspace figures', () => {
  it('follow every write path: capture, log, edit, delete, undo, bare table writes, merge, erase, follow-ups', async () => {
    const a = await createContact(db, { displayName: 'Anna', value: { tier: 'A' }, keepInTouchDays: 30 });
    const b = await createContact(db, { displayName: 'Bert', value: { coverage: 'field-sales' } });
    const c = await createContact(db, { displayName: 'Cora', preferences: { channels: [], topics: [], quietUntil: '2027-01-01' } });
    await expectConsistent();

    await captureInteractions(db, [mail([a.id], 'inbound', ago(10), 'm1'), mail([a.id], 'outbound', ago(9), 'm2'), mail([a.id, b.id], 'inbound', ago(5), 'm3')]);
    await expectConsistent();
    expect((await db.contactStats.get(a.id))?.awaitingSince).toBe(ago(5));

    const call = await addInteraction(db, { contactIds: [b.id], kind: 'call', channel: 'phone', direction: 'outbound', occurredAt: ago(2) });
    await addInteraction(db, { contactIds: [a.id], kind: 'note', channel: 'other', direction: 'internal', occurredAt: ago(1), text: 'not a touchpoint' });
    await expectConsistent();
    expect((await db.contactStats.get(b.id))?.awaitingSince).toBeUndefined();

    await updateInteraction(db, call.id, { contactIds: [c.id], occurredAt: ago(3) });
    await expectConsistent();
    const gone = await deleteInteraction(db, call.id);
    await expectConsistent();
    await restoreInteraction(db, gone!);
    await expectConsistent();

    // Writes that bypass the use cases (an import, a restore, automatic logging) are kept too.
    const stray = (await db.interactions.where('contactIds').equals(a.id).toArray())[0]!;
    await db.interactions.put({ ...stray, direction: 'outbound', occurredAt: ago(0.5) });
    await expectConsistent();
    await db.interactions.bulkAdd([
      { ...stray, id: 'ix_bulk1' as InteractionId, sourceKey: undefined, occurredAt: ago(40), direction: 'inbound' } as Interaction,
      { ...stray, id: 'ix_bulk2' as InteractionId, sourceKey: undefined, occurredAt: ago(39), direction: 'outbound', contactIds: [c.id] } as Interaction,
    ]);
    await expectConsistent();
    await db.interactions.where('occurredAt').below(ago(39.5)).delete();
    await expectConsistent();

    await editContact(db, (await db.contacts.get(c.id))!, { preferences: { channels: [], topics: [], doNotContact: { reason: 'Rechtsstreit' } } });
    await db.contacts.update(b.id, { keepInTouchDays: 7 });
    const due = await addFollowUp(db, { contactId: a.id, due: '2026-11-20', what: 'Angebot' });
    await expectConsistent();
    await setFollowUpDone(db, due.id, true);
    await expectConsistent();

    await mergeContacts(db, a.id, b.id);
    await expectConsistent();
    await eraseContact(db, c.id);
    await expectConsistent();
    await deleteContact(db, a.id);
    await expectConsistent();
    expect(await db.contactStats.count()).toBe(0);
  });

  it('a whole-table clear clears the figures', async () => {
    const a = await createContact(db, { displayName: 'Anna' });
    await captureInteractions(db, [mail([a.id], 'inbound', ago(3), 'x1')]);
    await db.interactions.clear();
    await expectConsistent();
    await db.contacts.clear();
    expect(await db.contactStats.count()).toBe(0);
  });
});

describe('Reactivate within one revenue band', () => {
  it('ranks a crowded band by amount, not by the silence the index orders it by, with ended quiet periods among them', async () => {
    // 30 quiet A customers in one band (1.00–1.03 million): the higher the amount, the more recent the last mail.
    const crowded: Contact[] = [];
    for (let k = 0; k < 30; k++) {
      crowded.push(await createContact(db, { displayName: `Band ${k}`, value: { tier: 'A', yearlyRevenue: { amount: 1_000_000 + k * 1000, currency: 'EUR' } } }));
    }
    const ended = await createContact(db, {
      displayName: 'Quiet period over',
      value: { tier: 'A', yearlyRevenue: { amount: 1_026_500, currency: 'EUR' } },
      preferences: { channels: [], topics: [], quietUntil: '2026-01-01' },
    });
    const none = await createContact(db, { displayName: 'No revenue', value: { tier: 'A' } });
    await captureInteractions(db, [
      ...crowded.map((c, k) => mail([c.id], 'outbound', ago(800 - k), `b${k}`, `tb${k}`)),
      mail([ended.id], 'outbound', ago(900), 'e1', 'te'),
      mail([none.id], 'outbound', ago(950), 'n1', 'tn'),
    ]);
    const names = async (limit: number) => (await reactivateList(db, now, 12, limit)).rows.map((r) => r.contact.displayName);
    expect(await names(5)).toEqual(['Band 29', 'Band 28', 'Band 27', 'Quiet period over', 'Band 26']);
    expect(await names(1)).toEqual(['Band 29']);
    expect((await names(40)).slice(-2)).toEqual(['Band 0', 'No revenue']);
  });
});

/** A notebook of varied contacts, interactions and follow-ups, from a fixed seed. */
async function seedVaried(count: number) {
  let seed = 7;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const contacts: Contact[] = [];
  for (let i = 0; i < count; i++) {
    contacts.push(
      await createContact(db, {
        displayName: `Person ${String(i).padStart(3, '0')}`,
        value: {
          ...(rand() < 0.5 ? { tier: pick(['A', 'B', 'C'] as const) } : {}),
          ...(rand() < 0.4 ? { yearlyRevenue: { amount: Math.floor(rand() * 3_000_000), currency: 'EUR' } } : {}),
          ...(rand() < 0.3 ? { loyalty: pick(['prospect', 'customer', 'repeat-customer', 'advocate', 'former'] as const) } : {}),
          ...(rand() < 0.2 ? { coverage: pick(['key-account', 'field-sales', 'inside-sales', 'digital-only'] as const) } : {}),
        },
        ...(rand() < 0.2 ? { keepInTouchDays: pick([14, 30, 90]) } : {}),
        preferences: {
          channels: [],
          topics: [],
          ...(rand() < 0.08 ? { doNotContact: { reason: 'x' } } : {}),
          ...(rand() < 0.08 ? { wants: 'left-alone' as const } : {}),
          ...(rand() < 0.08 ? { quietUntil: pick(['2026-01-01', '2027-03-01']) } : {}),
        },
      }),
    );
  }
  const inputs = [];
  for (const [n, c] of contacts.entries()) {
    if (rand() < 0.15) continue; // never contacted
    const k = 1 + Math.floor(rand() * 6);
    for (let j = 0; j < k; j++) {
      const kind = pick(['email', 'email', 'message', 'call', 'meeting', 'note'] as const);
      inputs.push({
        contactIds: [c.id],
        kind,
        channel: kind === 'email' ? ('email' as const) : kind === 'message' ? ('linkedin' as const) : ('other' as const),
        direction: kind === 'note' ? ('internal' as const) : pick(['inbound', 'outbound'] as const),
        occurredAt: ago(rand() * 1000),
        source: { site: 'gmail' as const, threadId: `t${n}`, messageId: `m${n}-${j}` },
      });
    }
    if (rand() < 0.2) await addFollowUp(db, { contactId: c.id, due: localDay(new Date(now.getTime() + (rand() * 60 - 40) * DAY)), what: 'Nachfassen' });
  }
  await captureInteractions(db, inputs);
}

describe('lists read by index give what a pass over everything gives', () => {
  it('priority, Today, Reactivate, Responsiveness and the counts', async () => {
    await seedVaried(160);
    await expectConsistent();
    const contacts = await db.contacts.toArray();
    const followUps = await db.followUps.toArray();
    const interactions = await db.interactions.toArray();
    const today = localDay(now);

    // Priority: every contact scored, best first.
    const overdue = (id: string) => followUps.filter((f) => f.contactId === id && !f.doneAt && f.due < today).length;
    const all = contacts
      .map((contact) => ({ contact, priority: priorityOf(contact, overdue(contact.id), now) }))
      .sort((x, y) => y.priority.score - x.priority.score || byPriority(x.contact, y.contact));
    expect(contacts.length).toBeLessThan(PRIORITY_CELL_CAP);
    for (const limit of [1, 7, 40, 500]) {
      expect((await segmentContacts(db, '', {}, limit, now)).map((r) => r.contact.id), `top ${limit}`).toEqual(all.slice(0, limit).map((r) => r.contact.id));
    }
    // When the overdue follow-ups arrive after the walk's reads (a slow disk), the same list.
    const slow = new RapportDB(db.name);
    slow.use({
      stack: 'dbcore',
      name: 'SlowFollowUps',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          if (name !== 'followUps') return table;
          // The answer is held back after the read (a wait inside would let the transaction commit).
          return { ...table, query: async (req) => { const res = await table.query(req); await new Promise((r) => setTimeout(r, 30)); return res; } };
        },
      }),
    });
    for (const limit of [1, 7, 40]) {
      expect((await segmentContacts(slow, '', {}, limit, now)).map((r) => r.contact.id), `top ${limit}, slow follow-ups`).toEqual(all.slice(0, limit).map((r) => r.contact.id));
    }
    slow.close();
    // A filter without an index of its own walks the same priority index.
    expect((await segmentContacts(db, '', { newsletter: 'no' }, 30, now)).map((r) => r.contact.id)).toEqual(all.slice(0, 30).map((r) => r.contact.id));

    // Reactivate: the domain rule over every contact.
    const quiet = reactivationList(contacts, now, 12);
    const listed = await reactivateList(db, now, 12, 1000);
    expect(listed.rows.map((r) => r.contact.id)).toEqual(quiet.rows.map((c) => c.id));
    // Any length: the boundary revenue band is ranked exactly, whichever band it falls in.
    for (const limit of [1, 2, 3, 5, 9, 17, 40]) {
      expect((await reactivateList(db, now, 12, limit)).rows.map((r) => r.contact.id), `top ${limit}`).toEqual(quiet.rows.slice(0, limit).map((c) => c.id));
    }
    expect(listed.leftOut).toEqual(quiet.leftOut);
    expect(listed.total).toBe(quiet.rows.length);
    // Counted like the navigation: at most the cap (the list then says "1000+"), rows unchanged.
    const bounded = await reactivateList(db, now, 12, 1000, 3);
    expect(bounded.total).toBe(3);
    expect(bounded.rows.map((r) => r.contact.id)).toEqual(listed.rows.map((r) => r.contact.id));
    expect(quiet.rows.length).toBeGreaterThan(5);
    expect(Object.values(quiet.leftOut).every((n) => n > 0)).toBe(true);
    expect(quiet.rows.every((c) => !outreachBlock(c, now))).toBe(true);

    // Responsiveness: the domain rule over every contact's messages, slowest first.
    const byContact = contacts
      .map((c) => ({ id: c.id, stats: responsiveness(interactions.filter((i) => i.contactIds.includes(c.id))) }))
      .filter((r) => r.stats.ourReplies + r.stats.theirReplies > 0)
      .sort((x, y) => bySlowestReply(x.stats, y.stats));
    const rows = await responsivenessList(db, 1000);
    expect(rows.map((r) => r.stats)).toEqual(byContact.map((r) => r.stats));
    expect(new Set(rows.map((r) => r.contact.id))).toEqual(new Set(byContact.map((r) => r.id)));

    // Today and the counts in the navigation.
    const list = await todayList(db, now, 10_000);
    expect(list.filter((r) => r.kind === 'awaiting').length).toBe(await countAwaitingReply(db, now));
    expect(await workspaceCounts(db, now)).toEqual({ today: list.length, reactivate: quiet.rows.length, responsiveness: byContact.length });
    expect(list.filter((r) => r.kind === 'followup').length).toBe(followUps.filter((f) => !f.doneAt && f.due <= today).length);
  });
});
