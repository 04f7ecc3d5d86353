import { describe, expect, it } from 'vitest';
import type { ContactId } from './common';
import { findDuplicates, mergePreview } from './duplicates';
import { contact } from './test-factories';

const c = (id: string, patch: Parameters<typeof contact>[0]) => contact({ id: id as ContactId, ...patch });

describe('duplicates finder', () => {
  it('pairs the same email, the same LinkedIn URL, or the same name at the same company; nothing else', () => {
    const pairs = findDuplicates([
      c('a1', { displayName: 'Anna Weiß', emails: ['anna@x.example'] }),
      c('a2', { displayName: 'A. Weiss', emails: ['anna@x.example'] }),
      c('b1', { displayName: 'Bernd', linkedinUrl: 'https://www.linkedin.com/in/bernd/' }),
      c('b2', { displayName: 'Bernd K.', linkedinUrl: 'https://www.linkedin.com/in/bernd/' }),
      c('c1', { displayName: 'Carla Díaz', company: 'Nordlicht GmbH' }),
      c('c2', { displayName: 'carla diaz', company: 'Nordlicht' }),
      c('c3', { displayName: 'Carla Díaz', company: 'Südwind AG' }),
      c('d1', { displayName: 'Dora' }),
      c('d2', { displayName: 'Dora' }),
    ]);
    expect(pairs.map((p) => [p.a.id, p.b.id, p.reason])).toEqual([
      ['a1', 'a2', 'email'],
      ['b1', 'b2', 'linkedin'],
      ['c1', 'c2', 'name-company'],
    ]);
  });
  it('previews which value wins per field the way the merge takes it', () => {
    const rows = mergePreview(
      c('k', { displayName: 'Anna', company: 'Nordlicht', tags: ['a'], value: { tier: 'A' } }),
      c('d', { displayName: 'Anna W.', title: 'CFO', tags: ['b'], value: { tier: 'B', loyalty: 'customer' } }),
    );
    expect(Object.fromEntries(rows.map((r) => [r.field, r.wins]))).toEqual({
      displayName: 'keep',
      company: 'keep',
      title: 'drop',
      tags: 'both',
      'value.tier': 'keep',
      'value.loyalty': 'drop',
    });
  });
});
