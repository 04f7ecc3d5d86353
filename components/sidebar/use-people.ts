import { useLiveQuery } from 'dexie-react-hooks';
import type { RapportDB } from '../../utils/db/db';
import { matchPerson, type PersonMatch } from '../../utils/db/repos/contacts';
import type { Person, Role } from '../../utils/sites/types';

/** Who the sidebar should show first: the profile, then whoever wrote, then the rest. */
const PRIORITY: Role[] = ['profile', 'sender', 'participant', 'recipient', 'cc', 'result'];

/** Matches every person on screen against the store, kept live as contacts change. */
export function usePeopleMatches(db: RapportDB, people: readonly Person[]): PersonMatch[] | undefined {
  const key = people.map((p) => `${p.role}|${p.email ?? ''}|${p.linkedinUrl ?? ''}|${p.name}|${p.company ?? ''}`).join('\n');
  const result = useLiveQuery(
    async () => ({
      key,
      matches: await Promise.all(
        people.map((p) => matchPerson(db, { name: p.name, email: p.email, linkedinUrl: p.linkedinUrl, company: p.company })),
      ),
    }),
    // `key` stands for `people`: a new array with the same people must not re-query.
    [db, key],
  );
  // While the new people are matched, the hook still holds the previous page's matches: index by
  // index they belong to other people (and an empty list read as "nobody known"). Not matched yet.
  return result?.key === key ? result.matches : undefined;
}

/** The index of the person to focus on by default: the first known one by role priority. */
export function defaultFocus(people: readonly Person[], matches: readonly PersonMatch[] | undefined): number {
  if (!matches) return -1;
  for (const role of PRIORITY) {
    const index = people.findIndex((p, i) => p.role === role && matches[i]?.contact);
    if (index >= 0) return index;
  }
  return -1;
}
