// @vitest-environment happy-dom
import { act } from 'react';
import { expect, it } from 'vitest';
import { withTestRoot } from '../../tests/support/react-root';
import type { RapportDB } from '../../utils/db/db';
import { freshNotebook } from '../../tests/support/fresh-db';
import { createContact } from '../../utils/db/repos/contacts';
import type { Person } from '../../utils/sites/types';
import { usePeopleMatches } from './use-people';

/* On a new page the sidebar must not show the previous page's matches against the new people. */

const view = withTestRoot();
let db: RapportDB;
freshNotebook((fresh) => (db = fresh));

const person = (email: string): Person => ({ role: 'sender', name: email.split('@')[0]!, email }) as Person;
const seen: { page: string; known: string[] | undefined }[] = [];
function Probe({ page, people }: { page: string; people: Person[] }) {
  const matches = usePeopleMatches(db, people);
  seen.push({ page, known: matches?.map((m) => m.contact?.displayName ?? '-') });
  return null;
}
const settle = () => act(() => new Promise((r) => setTimeout(r, 100)));

it('reads "not matched yet" while the new people are matched, never the previous page\'s matches', async () => {
  await createContact(db, { displayName: 'Anna', emails: ['anna@example.com'] });
  seen.length = 0;
  act(() => view.root.render(<Probe page="none" people={[]} />));
  await settle();
  act(() => view.root.render(<Probe page="anna" people={[person('anna@example.com')]} />));
  await settle();
  act(() => view.root.render(<Probe page="ben" people={[person('ben@example.com')]} />));
  await settle();
  // Each page shows undefined until its own matches arrive, then exactly those.
  expect(seen.filter((s) => s.page === 'none' && s.known).at(-1)?.known).toEqual([]);
  expect(seen.filter((s) => s.page === 'anna' && s.known).map((s) => s.known)).toEqual(expect.arrayContaining([['Anna']]));
  expect(seen.filter((s) => s.page === 'anna' && s.known).every((s) => s.known!.length === 1 && s.known![0] === 'Anna')).toBe(true);
  expect(seen.filter((s) => s.page === 'ben' && s.known).every((s) => s.known!.length === 1 && s.known![0] === '-')).toBe(true);
  expect(seen.some((s) => s.page === 'ben' && s.known)).toBe(true);
});
