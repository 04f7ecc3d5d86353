import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { createContact, editContact, type PersonMatch } from '../../utils/db/repos/contacts';
import { timeline } from '../../utils/db/repos/interactions';
import { getLoggingSettings } from '../../utils/db/repos/logging-settings';
import { neverLogMatcher } from '../../utils/domain/logging';
import type { Channel } from '../../utils/domain/common';
import { guardWarnings } from '../../utils/domain/guard';
import { warningText } from '../preferences/GuardBanner';
import type { Contact } from '../../utils/domain/contact';
import { canonicalLinkedInUrl, normalizeEmail } from '../../utils/domain/normalize';
import { t } from '../../utils/i18n';
import type { Person } from '../../utils/sites/types';
import { ErrorText, errorMessage } from '../ui/ErrorText';

/** A contact prefilled from what the page shows of a person. */
export function contactFromPerson(person: Person) {
  const email = person.email ? normalizeEmail(person.email) : '';
  const linkedinUrl = person.linkedinUrl ? canonicalLinkedInUrl(person.linkedinUrl) : '';
  const displayName = person.name.trim() || email || linkedinUrl || '?';
  return {
    displayName: displayName.slice(0, 1000),
    emails: email ? [email] : [],
    ...(linkedinUrl ? { linkedinUrl } : {}),
    ...(person.title ? { title: person.title.slice(0, 1000) } : {}),
    ...(person.company ? { company: person.company.slice(0, 1000) } : {}),
    ...(person.location ? { location: person.location.slice(0, 1000) } : {}),
  };
}

interface Props {
  db: RapportDB;
  person: Person;
  match: PersonMatch | undefined;
  /** The channel on screen, for the "don't annoy" check of every known person (reply-all included). */
  channel?: Channel | undefined;
  selected: boolean;
  onSelect(contact: Contact | undefined): void;
}

/** One person on screen: known (matched to a contact) or new with one-click add. */
export function PersonRow({ db, person, match, channel, selected, onSelect }: Props) {
  const [error, setError] = useState<string>();
  const contact = match?.contact;
  // Private contacts and colleagues on the never-log list are not offered as new contacts.
  const neverLog = useLiveQuery(
    async () => Boolean(person.email) && neverLogMatcher((await getLoggingSettings(db)).neverLog)(person.email),
    [db, person.email],
  );
  const warnings = useLiveQuery(
    async () =>
      contact
        ? guardWarnings({ preferences: contact.preferences, recentInteractions: await timeline(db, contact.id, { limit: 200 }), channel, now: new Date() })
        : [],
    [db, contact, channel],
  );

  const add = async () => {
    try {
      setError(undefined);
      onSelect(await createContact(db, contactFromPerson(person)));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  /** Confirmed "is this …?": the on-screen identity joins the existing contact. */
  const link = async (existing: Contact) => {
    try {
      const from = contactFromPerson(person);
      onSelect(
        await editContact(db, existing, {
          emails: [...existing.emails, ...from.emails],
          linkedinUrl: existing.linkedinUrl ?? from.linkedinUrl,
        }),
      );
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <li
      className={`person${selected ? ' person--selected' : ''}`}
      data-testid="person"
      data-name={person.name}
      data-email={person.email ?? ''}
      data-linkedin={person.linkedinUrl ? canonicalLinkedInUrl(person.linkedinUrl) : ''}
      data-role={person.role}
      data-known={contact ? 'true' : 'false'}
    >
      <button type="button" className="person__main" onClick={() => onSelect(contact)} aria-pressed={selected}>
        <span className="person__name" title={person.name} dir="auto">
          {person.name || person.email}
        </span>
        <span className="person__meta" title={person.email ?? person.headline ?? ''}>
          {t(`role_${person.role}`)} · {person.email ?? person.headline ?? person.company ?? ''}
        </span>
      </button>
      {contact ? (
        <span className="person__badges">
          {warnings && warnings.length > 0 && (
            <span
              className="badge badge--warn"
              data-testid="person-warning"
              data-reasons={warnings.map((w) => w.reason).join(' ')}
              title={warnings.map(warningText).join('\n')}
              role="img"
              aria-label={warnings.map(warningText).join('. ')}
            >
              !
            </span>
          )}
          <span className="badge badge--known">{t('known')}</span>
        </span>
      ) : match && neverLog ? (
        <span className="badge" data-testid="never-log">
          {t('neverLogged')}
        </span>
      ) : match && neverLog === false ? (
        <button
          type="button"
          className="button button--small"
          data-testid="add-contact"
          onClick={add}
          aria-label={t('addContactFor', person.name)}
        >
          {t('addContact')}
        </button>
      ) : null}
      {match && !contact && match.suggestions.length > 0 && (
        <div className="person__suggestions">
          {match.suggestions.slice(0, 3).map((s) => (
            <div key={s.id} className="suggestion" data-testid="match-suggestion">
              <span>{t('isThis', `${s.displayName}${s.company ? `, ${s.company}` : ''}`)}</span>
              <button type="button" className="button button--small" onClick={() => link(s)}>
                {t('linkYes')}
              </button>
            </div>
          ))}
        </div>
      )}
      <ErrorText message={error && t('errorGeneric', error)} />
    </li>
  );
}
