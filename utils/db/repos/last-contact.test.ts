import { describe, expect, it } from 'vitest';
import { emptyDecoded } from '../../transfer/model';
import type { ContactId, InteractionId } from '../../domain/common';
import { priorityOf } from '../../domain/priority';
import type { RapportDB } from '../db';
import { createContact, getContact } from './contacts';
import { applyImport } from './import-apply';
import { planImport } from './import-plan';
import { addInteraction, captureInteractions, deleteInteraction } from './interactions';
import { keepInTouchList, reactivateList } from './workspace';
import { freshNotebook } from '../../../tests/support/fresh-db';

/*
 * "Last contact means contact": a note, a saved page or a stage move is not a touchpoint with the
 * customer. Pinned for the card's last contact, the priority's recency, reactivation and keep-in-touch.
 */

let db: RapportDB;
freshNotebook((fresh) => (db = fresh));

const now = new Date('2026-11-30T12:00:00.000Z');
const CALL = '2024-06-01T10:00:00.000Z';
const note = (id: ContactId, occurredAt: string) => ({ contactIds: [id], kind: 'note' as const, channel: 'other' as const, direction: 'internal' as const, occurredAt, text: 'Notiz' });
const page = (id: ContactId, occurredAt: string) => ({ contactIds: [id], kind: 'page' as const, channel: 'web' as const, direction: 'internal' as const, occurredAt, text: 'Seite' });
const call = (id: ContactId, occurredAt: string) => ({ contactIds: [id], kind: 'call' as const, channel: 'phone' as const, direction: 'outbound' as const, occurredAt });

async function quietCustomer() {
  const c = await createContact(db, { displayName: 'Quiet', value: { tier: 'A' }, keepInTouchDays: 30 });
  await addInteraction(db, call(c.id, CALL));
  await addInteraction(db, note(c.id, '2026-11-29T10:00:00.000Z'));
  await captureInteractions(db, [page(c.id, '2026-11-29T11:00:00.000Z')]);
  return c;
}

describe('last contact means contact', () => {
  it('card: a note or a saved page leaves the last contact at the last call', async () => {
    const c = await quietCustomer();
    expect(await getContact(db, c.id)).toMatchObject({ lastInteractionAt: CALL, lastInteractionChannel: 'phone' });
    const fresh = await createContact(db, { displayName: 'Fresh' });
    await addInteraction(db, note(fresh.id, '2026-11-29T10:00:00.000Z'));
    expect((await getContact(db, fresh.id))?.lastInteractionAt).toBeUndefined();
  });

  it('card: deleting the last call falls back to the previous real touchpoint, past newer notes', async () => {
    const c = await createContact(db, { displayName: 'A' });
    await addInteraction(db, call(c.id, '2024-01-01T10:00:00.000Z'));
    const late = await addInteraction(db, call(c.id, '2026-01-01T10:00:00.000Z'));
    for (let i = 0; i < 60; i++) await addInteraction(db, note(c.id, `2025-0${1 + (i % 9)}-1${i % 10}T10:00:00.000Z`));
    await deleteInteraction(db, late.id as InteractionId);
    expect((await getContact(db, c.id))?.lastInteractionAt).toBe('2024-01-01T10:00:00.000Z');
  });

  it('card: an imported note does not move the last contact', async () => {
    const c = await quietCustomer();
    const decoded = emptyDecoded('rapport-json', 'utf-8');
    decoded.interactions.push({ where: 'interactions[0]', value: note(c.id, '2026-11-30T09:00:00.000Z') });
    await applyImport(db, await planImport(db, decoded));
    expect((await getContact(db, c.id))?.lastInteractionAt).toBe(CALL);
  });

  it('priority: recency counts from the last call, not from the newer note', async () => {
    const c = (await getContact(db, (await quietCustomer()).id))!;
    const silence = priorityOf(c, 0, now).reasons.find((r) => r.kind === 'silence');
    expect(silence).toMatchObject({ days: 912 });
  });

  it('reactivation: a note written yesterday does not take a customer silent since 2024 off the list', async () => {
    const c = await quietCustomer();
    expect((await reactivateList(db, now, 12)).rows.map((r) => r.contact.id)).toEqual([c.id]);
    await addInteraction(db, call(c.id, '2026-11-29T12:00:00.000Z'));
    expect((await reactivateList(db, now, 12)).rows).toEqual([]);
  });

  it('keep-in-touch: a note does not reset the cadence; a call does', async () => {
    const c = await quietCustomer();
    expect((await keepInTouchList(db, now)).map((r) => r.contact.id)).toEqual([c.id]);
    await addInteraction(db, call(c.id, '2026-11-29T12:00:00.000Z'));
    expect(await keepInTouchList(db, now)).toEqual([]);
  });
});
