import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { getContact, searchContacts } from '../../utils/db/repos/contacts';
import { eraseContact } from '../../utils/db/repos/erase';
import type { Contact } from '../../utils/domain/contact';
import { t } from '../../utils/i18n';
import { contactErased } from '../../utils/messaging/client';
import { ContactCard } from '../contact/ContactCard';
import { ContactTabs } from '../sidebar/ContactTabs';
import { ErrorText, errorMessage } from '../ui/ErrorText';
import { MergePreview } from './MergePreview';
import { routeHash } from './route';

/** One contact in full, with the sidebar's own components, plus erase and merge. */
export function ContactDetail({ db, id }: { db: RapportDB; id: string }) {
  const contact = useLiveQuery(async () => (await getContact(db, id)) ?? null, [db, id]);
  const [erasing, setErasing] = useState(false);
  const [merging, setMerging] = useState(false);
  const [error, setError] = useState<string>();
  if (contact === undefined) return <p className="muted">{t('loading')}</p>;
  if (contact === null) {
    return (
      <section className="card" data-testid="contact-missing">
        <p>{t('ws_contactGone')}</p>
        <a href={routeHash({ view: 'contacts' })}>{t('ws_backToContacts')}</a>
      </section>
    );
  }
  const erase = async () => {
    try {
      await eraseContact(db, contact.id);
      await contactErased({
        contactId: contact.id,
        emails: contact.emails,
        names: [contact.displayName, [contact.givenName, contact.familyName].filter(Boolean).join(' ')].filter((n) => n.trim().length > 0),
        linkedin: contact.linkedinUrl ? [contact.linkedinUrl] : [],
      });
      location.hash = routeHash({ view: 'contacts' });
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <div className="workspace__detail" data-testid="contact-detail">
      <ContactCard db={db} contact={contact} contactHref={(other) => routeHash({ view: 'contact', arg: other })} />
      <div className="form__actions">
        <button type="button" className="button button--small button--ghost" data-testid="merge-contacts" onClick={() => setMerging((m) => !m)}>
          {t('ws_merge')}
        </button>
        <button type="button" className="button button--small button--danger" data-testid="erase-contact" onClick={() => setErasing(true)}>
          {t('ws_erase')}
        </button>
      </div>
      {erasing && (
        <div className="card" role="alertdialog" aria-labelledby="erase-q">
          <p id="erase-q">{t('ws_eraseConfirm', contact.displayName)}</p>
          <div className="form__actions">
            <button type="button" className="button button--danger" data-testid="erase-confirm" onClick={() => void erase()}>
              {t('ws_eraseYes')}
            </button>
            <button type="button" className="button button--ghost" onClick={() => setErasing(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      )}
      {merging && <MergePicker db={db} keep={contact} onDone={() => setMerging(false)} />}
      <ErrorText message={error} />
      <ContactTabs db={db} contact={contact} />
    </div>
  );
}

/** Pick the other contact by search, see the preview, then merge it into this one. */
function MergePicker({ db, keep, onDone }: { db: RapportDB; keep: Contact; onDone: () => void }) {
  const [query, setQuery] = useState('');
  const [other, setOther] = useState<Contact>();
  const candidates = useLiveQuery(async () => (query.trim() ? (await searchContacts(db, query, 10)).filter((c) => c.id !== keep.id) : []), [db, query, keep.id]);
  return (
    <section className="card" data-testid="merge-picker" aria-label={t('ws_merge')}>
      <input type="search" data-testid="merge-search" aria-label={t('ws_mergeSearch')} placeholder={t('ws_mergeSearch')} value={query} onChange={(e) => setQuery(e.target.value)} />
      <ul className="people">
        {candidates?.map((c) => (
          <li key={c.id} className="person">
            <button type="button" className="button button--small button--ghost" data-testid="merge-candidate" data-contact-id={c.id} onClick={() => setOther(c)}>
              {c.displayName} {c.company ? `· ${c.company}` : ''} {c.emails[0] ? `· ${c.emails[0]}` : ''}
            </button>
          </li>
        ))}
      </ul>
      {other && <MergePreview db={db} keep={keep} drop={other} onDone={onDone} />}
    </section>
  );
}

