import { describe, expect, it } from 'vitest';
import type { PipelineId } from '../../domain/common';
import type { RapportDB } from '../db';
import { createContact, getContact } from './contacts';
import { duplicatePairs } from './duplicates';
import { openExportSource } from './export-source';
import { addFollowUp, followUpsFor, snoozeFollowUp } from './followups';
import { addInteraction, captureInteractions, timeline } from './interactions';
import { listPipelines } from './pipelines';
import { bulkApply, deleteSavedSegment, listSavedSegments, saveSegment } from './segments';
import { boardOf, editStages, moveToStage } from './stages';
import { reactivateList, responsivenessList, segmentAll, segmentContacts, todayList } from './workspace';
import { freshNotebook } from '../../../tests/support/fresh-db';

let db: RapportDB;
freshNotebook((fresh) => (db = fresh));

const now = new Date('2026-11-30T12:00:00.000Z');
const SALES = 'sales' as PipelineId;

describe('Today', () => {
  it('lists overdue and due follow-ups, keep-in-touch due and awaiting our reply, oldest first; snooze moves a follow-up off', async () => {
    const a = await createContact(db, { displayName: 'Follow' });
    const b = await createContact(db, { displayName: 'Cadence', keepInTouchDays: 30 });
    const c = await createContact(db, { displayName: 'Waiting' });
    const d = await createContact(db, { displayName: 'Answered' });
    const overdue = await addFollowUp(db, { contactId: a.id, due: '2026-11-20', what: 'Angebot nachfassen' });
    await addFollowUp(db, { contactId: a.id, due: '2026-11-30', what: 'Heute anrufen' });
    await addFollowUp(db, { contactId: a.id, due: '2026-12-05', what: 'Später' });
    await addInteraction(db, { contactIds: [b.id], kind: 'call', channel: 'phone', direction: 'outbound', occurredAt: '2026-10-01T10:00:00.000Z' });
    await captureInteractions(db, [{ contactIds: [c.id], kind: 'email', channel: 'email', direction: 'inbound', occurredAt: '2026-11-25T10:00:00.000Z', source: { site: 'gmail', messageId: 'w1' } }]);
    await captureInteractions(db, [
      { contactIds: [d.id], kind: 'email', channel: 'email', direction: 'inbound', occurredAt: '2026-11-25T10:00:00.000Z', source: { site: 'gmail', messageId: 'd1' } },
      { contactIds: [d.id], kind: 'email', channel: 'email', direction: 'outbound', occurredAt: '2026-11-26T10:00:00.000Z', source: { site: 'gmail', messageId: 'd2' } },
    ]);
    const rows = await todayList(db, now);
    expect(rows.map((r) => [r.kind, r.contact.displayName, r.since.slice(0, 10)])).toEqual([
      ['followup', 'Follow', '2026-11-20'],
      ['awaiting', 'Waiting', '2026-11-25'],
      ['followup', 'Follow', '2026-11-30'],
      ['keep-in-touch', 'Cadence', '2026-10-31'],
    ].sort((x, y) => x[2]!.localeCompare(y[2]!)));
    await snoozeFollowUp(db, overdue.id, '2026-12-01');
    expect((await todayList(db, now)).filter((r) => r.kind === 'followup')).toHaveLength(1);
    expect((await followUpsFor(db, a.id)).find((f) => f.id === overdue.id)?.due).toBe('2026-12-01');
  });
});

describe('Reactivate and Responsiveness', () => {
  it('ranks quiet customers by value with the last touchpoint and what was agreed; bans are counted apart', async () => {
    const small = await createContact(db, { displayName: 'Small', value: { tier: 'C' } });
    const big = await createContact(db, { displayName: 'Big', value: { tier: 'A' } });
    const banned = await createContact(db, { displayName: 'Banned', value: { tier: 'A' }, preferences: { channels: [], topics: [], doNotContact: { reason: 'Rechtsstreit' } } });
    for (const c of [small, big, banned]) {
      await addInteraction(db, { contactIds: [c.id], kind: 'meeting', channel: 'in-person', direction: 'outbound', occurredAt: '2024-05-01T10:00:00.000Z', subject: 'Messe' });
    }
    await addFollowUp(db, { contactId: big.id, due: '2024-06-01', what: 'Muster schicken' });
    const result = await reactivateList(db, now, 12);
    expect(result.rows.map((r) => r.contact.displayName)).toEqual(['Big', 'Small']);
    expect(result.rows[0]).toMatchObject({ last: { subject: 'Messe' }, agreed: { what: 'Muster schicken' } });
    expect(result.leftOut).toEqual({ 'do-not-contact': 1, quiet: 0, 'left-alone': 0 });
    expect((await reactivateList(db, now, 36)).rows).toEqual([]);
  });

  it('lists median reply times per contact, the slowest answered first', async () => {
    const fast = await createContact(db, { displayName: 'Fast' });
    const slow = await createContact(db, { displayName: 'Slow' });
    const msg = (id: typeof fast.id, key: string, direction: 'inbound' | 'outbound', occurredAt: string) => ({
      contactIds: [id], kind: 'email' as const, channel: 'email' as const, direction, occurredAt, source: { site: 'gmail' as const, threadId: `t-${id}`, messageId: key },
    });
    await captureInteractions(db, [
      msg(fast.id, 'f1', 'inbound', '2026-11-01T10:00:00.000Z'),
      msg(fast.id, 'f2', 'outbound', '2026-11-01T11:00:00.000Z'),
      msg(slow.id, 's1', 'inbound', '2026-11-01T10:00:00.000Z'),
      msg(slow.id, 's2', 'outbound', '2026-11-04T10:00:00.000Z'),
      msg(slow.id, 's3', 'inbound', '2026-11-04T12:00:00.000Z'),
    ]);
    const rows = await responsivenessList(db);
    expect(rows.map((r) => [r.contact.displayName, r.stats.oursMinutes, r.stats.theirsMinutes])).toEqual([
      ['Slow', 3 * 24 * 60, 120],
      ['Fast', 60, undefined],
    ]);
  });
});

describe('Pipeline board', () => {
  it('moves a contact between stages with a dated stage entry on the timeline; a removed stage must be empty', async () => {
    const c = await createContact(db, { displayName: 'Deal' });
    await moveToStage(db, c.id, SALES, 'lead', new Date('2026-11-01T09:00:00.000Z'));
    await moveToStage(db, c.id, SALES, 'proposal', new Date('2026-11-10T09:00:00.000Z'));
    await moveToStage(db, c.id, SALES, 'proposal', new Date('2026-11-11T09:00:00.000Z'));
    expect((await getContact(db, c.id))?.pipeline).toEqual({ pipelineId: SALES, stage: 'proposal' });
    expect((await timeline(db, c.id)).map((i) => [i.kind, i.occurredAt, i.subject])).toEqual([
      ['stage', '2026-11-10T09:00:00.000Z', 'Sales: lead → proposal'],
      ['stage', '2026-11-01T09:00:00.000Z', 'Sales: – → lead'],
    ]);
    expect((await getContact(db, c.id))?.lastInteractionAt).toBeUndefined();
    const sales = (await listPipelines(db)).find((p) => p.id === SALES)!;
    expect([...(await boardOf(db, sales)).entries()].filter(([, cs]) => cs.length).map(([s, cs]) => [s, cs.map((x) => x.id)])).toEqual([['proposal', [c.id]]]);
    await expect(editStages(db, SALES, ['lead', 'won'])).rejects.toThrow(/proposal/);
    await editStages(db, SALES, ['lead', 'proposal', 'negotiation', 'won']);
    expect((await listPipelines(db)).find((p) => p.id === SALES)?.stages).toEqual(['lead', 'proposal', 'negotiation', 'won']);
    await expect(moveToStage(db, c.id, SALES, 'lost')).rejects.toThrow(/not a stage/);
  });
});

describe('Segments', () => {
  it('saves named segments, applies bulk actions, lists by score and exports a hand-picked list', async () => {
    const a = await createContact(db, { displayName: 'A', tags: ['messe'], value: { tier: 'A' } });
    const b = await createContact(db, { displayName: 'B', tags: ['messe'] });
    await createContact(db, { displayName: 'C' });
    await saveSegment(db, { name: 'Messe', segment: { tag: 'messe' } });
    await saveSegment(db, { name: 'A-Kunden', segment: { tier: 'A' } });
    expect((await listSavedSegments(db)).map((s) => s.name)).toEqual(['A-Kunden', 'Messe']);
    await deleteSavedSegment(db, 'A-Kunden');
    expect(await listSavedSegments(db)).toEqual([{ name: 'Messe', segment: { tag: 'messe' } }]);

    const ids = (await segmentAll(db, { tag: 'messe' })).map((c) => c.id);
    expect(await bulkApply(db, ids, { kind: 'add-tag', tag: 'q1' })).toBe(2);
    expect(await bulkApply(db, ids, { kind: 'set-owner', owner: 'Jana' })).toBe(2);
    expect(await bulkApply(db, [a.id], { kind: 'set-stage', pipelineId: SALES, stage: 'qualified' })).toBe(1);
    expect(await bulkApply(db, [b.id], { kind: 'remove-tag', tag: 'messe' })).toBe(1);
    expect((await segmentAll(db, { owner: 'jana', tag: 'q1' })).map((c) => c.displayName).sort()).toEqual(['A', 'B']);
    expect((await segmentAll(db, { stage: 'sales::qualified' })).map((c) => c.id)).toEqual([a.id]);
    expect((await timeline(db, a.id))[0]?.kind).toBe('stage');

    const rows = await segmentContacts(db, '', {}, 10, now);
    expect(rows[0]?.contact.id).toBe(a.id);
    expect(rows[0]?.priority.reasons[0]).toMatchObject({ kind: 'tier', tier: 'A' });

    const source = await openExportSource(db, { kind: 'contacts', contactIds: [b.id] });
    const exported: string[] = [];
    for await (const page of source.contacts()) exported.push(...page.map((c) => c.id));
    expect(exported).toEqual([b.id]);
  });

  it('proposes duplicates without merging them', async () => {
    await createContact(db, { displayName: 'Carla Díaz', company: 'Nordlicht GmbH' });
    await createContact(db, { displayName: 'Carla Diaz', company: 'Nordlicht' });
    expect((await duplicatePairs(db)).map((p) => p.reason)).toEqual(['name-company']);
    expect(await db.contacts.count()).toBe(2);
  });
});
