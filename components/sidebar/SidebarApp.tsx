import { useState } from 'react';
import { getDb } from '../../utils/db/db';
import type { Contact } from '../../utils/domain/contact';
import { t } from '../../utils/i18n';
import { PersonRow } from '../contact/PersonRow';
import { useTabContext } from './use-tab-context';

/** The sidebar: who is on screen and what we know of them. One app in the frame and the side panel. */
export function SidebarApp({ search }: { search: string }) {
  const db = getDb();
  const state = useTabContext(search);
  const [focus, setFocus] = useState<Contact>();

  const context = state.status === 'ready' ? state.context : null;
  const dataState = state.status === 'loading' ? 'loading' : context && context.people.length > 0 ? 'ready' : 'no-context';

  return (
    <main className="sidebar" data-testid="sidebar" data-state={dataState} data-site={context?.site ?? ''}>
      <header className="sidebar__header">
        <h1 className="sidebar__title">{t('sidebarTitle')}</h1>
        {context && <span className="sidebar__site">{t('onSite', t(`site_${context.site}`))}</span>}
      </header>
      {state.status === 'loading' && <p className="muted">{t('loading')}</p>}
      {state.status === 'error' && (
        <p className="error" role="alert">
          {t('errorGeneric', state.error)}
        </p>
      )}
      {dataState === 'no-context' && state.status !== 'error' && <p className="muted">{t('noContext')}</p>}
      {context && context.people.length > 0 && (
        <section aria-labelledby="people-heading">
          <h2 id="people-heading" className="section-title">
            {t('peopleOnScreen')}
          </h2>
          <ul className="people">
            {context.people.map((person, index) => (
              <PersonRow
                key={`${context.url}|${person.email ?? person.linkedinUrl ?? person.name}|${index}`}
                db={db}
                person={person}
                selected={Boolean(focus && person.email && focus.emails.includes(person.email))}
                onSelect={setFocus}
              />
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
