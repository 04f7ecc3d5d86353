import type { ContactId, InteractionId } from './common';
import type { Contact } from './contact';
import type { Interaction } from './interaction';
import { emptyPreferences, type Preferences } from './preferences';

/*
 * Test-only (imported by *.test.ts files, never by the app). Small builders for rule tests: valid records with fixed bookkeeping dates, so a test states
 * only what matters to it.
 */

const STAMP = '2026-01-01T00:00:00.000Z';
let counter = 0;

/** An interaction of the contact `ct_1`, outbound email unless told otherwise. */
export function interaction(patch: Partial<Interaction> & Pick<Interaction, 'occurredAt'>): Interaction {
  counter += 1;
  return {
    id: `ix_${counter}` as InteractionId,
    contactIds: ['ct_1' as ContactId],
    kind: 'email',
    channel: 'email',
    direction: 'outbound',
    department: 'sales',
    text: '',
    createdAt: STAMP,
    updatedAt: STAMP,
    ...patch,
  };
}

export function preferences(patch: Partial<Preferences> = {}): Preferences {
  return { ...emptyPreferences(), ...patch };
}

export function contact(patch: Partial<Contact> = {}): Contact {
  return {
    id: 'ct_1' as ContactId,
    displayName: 'Anna Weiß',
    emails: [],
    phones: [],
    tags: [],
    value: {},
    preferences: emptyPreferences(),
    createdAt: STAMP,
    updatedAt: STAMP,
    ...patch,
  };
}
