import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb } from '../../utils/db/db';
import { searchContacts } from '../../utils/db/repos/contacts';
import { t } from '../../utils/i18n';

/** The workspace: search contacts and notes; import and export (see the transfer panels). */
export function OptionsApp() {
  const db = getDb();
  const [query, setQuery] = useState('');
  const results = useLiveQuery(() => searchContacts(db, query, 100), [db, query]);
  return (
    <main className="workspace sidebar">
      <h1 className="sidebar__title">{t('optionsTitle')}</h1>
      <input
        type="search"
        data-testid="search-input"
        aria-label={t('search')}
        placeholder={t('search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ul className="people">
        {results?.map((c) => (
          <li key={c.id} className="person" data-testid="search-result" data-contact-id={c.id}>
            <span className="person__name">{c.displayName}</span>
            <span className="person__meta">{[c.company, c.emails[0]].filter(Boolean).join(' · ')}</span>
          </li>
        ))}
      </ul>
    </main>
  );
}
