import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { searchContacts } from '../../utils/db/repos/contacts';
import type { Contact } from '../../utils/domain/contact';
import { t } from '../../utils/i18n';

/** Find any contact by name, company or address and bring them into focus (a call, a page, a memo). */
export function ContactPicker({ db, onPick }: { db: RapportDB; onPick(contact: Contact): void }) {
  const [query, setQuery] = useState('');
  const results = useLiveQuery(() => (query.trim() ? searchContacts(db, query, 8) : Promise.resolve([])), [db, query]);
  return (
    <section className="picker" aria-label={t('findContact')}>
      <input
        type="search"
        data-testid="contact-search"
        aria-label={t('findContact')}
        placeholder={t('findContact')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {results && results.length > 0 && (
        <ul className="people">
          {results.map((c) => (
            <li key={c.id} className="person">
              <button
                type="button"
                className="person__main"
                data-testid="contact-search-result"
                onClick={() => {
                  setQuery('');
                  onPick(c);
                }}
              >
                <span className="person__name" dir="auto">
                  {c.displayName}
                </span>
                <span className="person__meta">{[c.company, c.emails[0]].filter(Boolean).join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
