import { useState, type FormEvent } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { createContact } from '../../utils/db/repos/contacts';
import { getLoggingSettings } from '../../utils/db/repos/logging-settings';
import { neverLogMatcher } from '../../utils/domain/logging';
import type { Contact } from '../../utils/domain/contact';
import { t } from '../../utils/i18n';
import { ErrorText, errorMessage } from '../ui/ErrorText';

/** The fallback when a page is not recognised: add a contact by hand. */
export function ManualAdd({ db, onAdded }: { db: RapportDB; onAdded(contact: Contact): void }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    try {
      setError(undefined);
      if (email && neverLogMatcher((await getLoggingSettings(db)).neverLog)(email)) return setError(t('neverLogRefused'));
      onAdded(await createContact(db, { displayName: String(form.get('name') ?? ''), emails: email ? [email] : [] }));
      setOpen(false);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  if (!open) {
    return (
      <button type="button" className="button button--ghost" onClick={() => setOpen(true)}>
        {t('addManually')}
      </button>
    );
  }
  return (
    <form className="form card" onSubmit={submit} aria-label={t('addManually')}>
      <label>
        {t('name')}
        <input name="name" required maxLength={1000} autoFocus />
      </label>
      <label>
        {t('email')}
        <input name="email" type="email" maxLength={320} />
      </label>
      <ErrorText message={error} />
      <div className="form__actions">
        <button type="submit" className="button">
          {t('addContact')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
