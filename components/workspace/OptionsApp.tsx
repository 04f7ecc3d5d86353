import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb } from '../../utils/db/db';
import { searchContacts } from '../../utils/db/repos/contacts';
import { t } from '../../utils/i18n';
import { appVersion } from '../../utils/messaging/client';
import { ExportPanel } from '../transfer/ExportPanel';
import { ImportPanel } from '../transfer/ImportPanel';

/** The workspace: search contacts; import and export. */
export function OptionsApp() {
  const db = getDb();
  const [query, setQuery] = useState('');
  const results = useLiveQuery(() => searchContacts(db, query, 100), [db, query]);
  return (
    <main className="workspace">
      <h1 className="sidebar__title">{t('optionsTitle')}</h1>
      <section className="workspace__search" aria-label={t('search')}>
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
              <span className="person__name" dir="auto">
                {c.displayName}
              </span>
              <span className="person__meta">{[c.company, c.emails[0]].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      </section>
      <section className="workspace__transfer">
        <ImportPanel db={db} />
        <ExportPanel db={db} appVersion={appVersion()} />
      </section>
    </main>
  );
}
