import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { getContact, updateContact } from '../../utils/db/repos/contacts';
import { ChannelSchema, nowIso } from '../../utils/domain/common';
import type { Contact } from '../../utils/domain/contact';
import { AddressFormSchema, WantsSchema } from '../../utils/domain/preferences';
import { locale, t } from '../../utils/i18n';
import { enumKey } from '../../utils/i18n/keys';
import { languageName } from '../ui/format-day';
import { channelName } from './GuardBanner';
import { fromDraft, toDraft, type DraftError, type PreferencesDraft } from './preferences-form';
import { errorMessage } from '../ui/ErrorText';

/** Languages offered first; any other stored code is kept and shown too. */
const COMMON_LANGUAGES = ['de', 'en', 'fr', 'it', 'es', 'nl', 'pl', 'pt', 'tr'];

function errorText(error: DraftError): string {
  return t(error.key, ...(error.labels ?? []).map((label) => t(label)));
}

/**
 * Every contact preference, editable in seconds: choices save at once, text and numbers save on
 * leaving the field or on Enter. Validation problems are shown as text; nothing invalid is stored.
 */
export function PreferencesPanel({ db, contact }: { db: RapportDB; contact: Contact }) {
  const id = useId();
  const live = useLiveQuery(() => getContact(db, contact.id), [db, contact.id]) ?? contact;
  const liveJson = JSON.stringify(live.preferences);

  const [synced, setSynced] = useState(liveJson);
  const [draft, setDraft] = useState<PreferencesDraft>(() => toDraft(live.preferences));
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState('');

  // Stored preferences changed (our save, another view, an import): show them.
  if (synced !== liveJson) {
    setSynced(liveJson);
    setDraft(toDraft(live.preferences));
  }

  const commit = async (next: PreferencesDraft) => {
    setDraft(next);
    setStatus('');
    const result = fromDraft(next);
    if (!result.ok) {
      setErrors(result.errors.map(errorText));
      return;
    }
    if (JSON.stringify(result.preferences) === liveJson) {
      setErrors([]);
      return;
    }
    // Our own save coming back through the live query must not reset fields typed meanwhile.
    setSynced(JSON.stringify(result.preferences));
    try {
      await updateContact(db, contact.id, { preferences: result.preferences });
      setErrors([]);
      setStatus(t('pref_saved'));
    } catch (e) {
      setErrors([t('pref_err_save', errorMessage(e))]);
    }
  };

  /** Text and number fields: edit freely, save on blur or Enter. */
  const edit = (patch: Partial<PreferencesDraft>) => setDraft({ ...draft, ...patch });
  const saveOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void commit(draft);
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void commit(draft);
  };

  const languages = [...COMMON_LANGUAGES];
  if (draft.language && !languages.includes(draft.language)) languages.push(draft.language);
  const ui = locale();

  return (
    <form className="form prefs" aria-labelledby={`${id}-title`} onSubmit={onSubmit} noValidate>
      <h2 id={`${id}-title`} className="section-title">
        {t('pref_title')}
      </h2>

      <label>
        {t('pref_wants')}
        <select value={draft.wants} onChange={(e) => void commit({ ...draft, wants: e.target.value as PreferencesDraft['wants'] })}>
          <option value="">{t('pref_wants_unset')}</option>
          {WantsSchema.options.map((wants) => (
            <option key={wants} value={wants}>
              {t(enumKey('pref_wants', wants))}
            </option>
          ))}
        </select>
      </label>

      <fieldset className="prefs__group">
        <legend>{t('pref_channels')}</legend>
        <div className="chip-toggles">
          {ChannelSchema.options.map((channel) => {
            const on = draft.channels.includes(channel);
            return (
              <button
                key={channel}
                type="button"
                className="chip-toggle"
                aria-pressed={on}
                onClick={() =>
                  void commit({
                    ...draft,
                    channels: on ? draft.channels.filter((c) => c !== channel) : [...draft.channels, channel],
                  })
                }
              >
                {channelName(channel)}
              </button>
            );
          })}
        </div>
      </fieldset>

      <fieldset className="prefs__group">
        <legend>{t('pref_maxFrequency')}</legend>
        <div className="prefs__inline">
          <span>{t('pref_freq_atMost')}</span>
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={100}
            className="prefs__number"
            aria-label={t('pref_freq_countAria')}
            value={draft.freqCount}
            onChange={(e) => edit({ freqCount: e.target.value })}
            onBlur={() => void commit(draft)}
            onKeyDown={saveOnEnter}
          />
          <span>{t('pref_freq_contactsIn')}</span>
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={3650}
            className="prefs__number"
            aria-label={t('pref_freq_daysAria')}
            value={draft.freqDays}
            onChange={(e) => edit({ freqDays: e.target.value })}
            onBlur={() => void commit(draft)}
            onKeyDown={saveOnEnter}
          />
          <span>{t('pref_freq_days')}</span>
        </div>
      </fieldset>

      <div className="form__row">
        <label>
          {t('pref_quietUntil')}
          <input
            type="date"
            value={draft.quietUntil}
            onChange={(e) => void commit({ ...draft, quietUntil: e.target.value })}
          />
        </label>
        <label>
          {t('pref_bestTime')}
          <input
            type="text"
            maxLength={1000}
            placeholder={t('pref_bestTimeExample')}
            value={draft.bestTime}
            onChange={(e) => edit({ bestTime: e.target.value })}
            onBlur={() => void commit(draft)}
            onKeyDown={saveOnEnter}
          />
        </label>
      </div>

      <div className="form__row">
        <label>
          {t('pref_address')}
          <select value={draft.address} onChange={(e) => void commit({ ...draft, address: e.target.value as PreferencesDraft['address'] })}>
            <option value="">{t('pref_unknown')}</option>
            {AddressFormSchema.options.map((form) => (
              <option key={form} value={form}>
                {t(`pref_address_${form}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('pref_language')}
          <select value={draft.language} onChange={(e) => void commit({ ...draft, language: e.target.value })}>
            <option value="">{t('pref_unknown')}</option>
            {languages.map((code) => (
              <option key={code} value={code}>
                {languageName(code, ui)}
              </option>
            ))}
          </select>
        </label>
      </div>

      <label>
        {t('pref_salutation')}
        <input
          type="text"
          maxLength={1000}
          placeholder={t('pref_salutationExample')}
          value={draft.salutation}
          onChange={(e) => edit({ salutation: e.target.value })}
          onBlur={() => void commit(draft)}
          onKeyDown={saveOnEnter}
        />
      </label>

      <label>
        {t('pref_topics')}
        <input
          type="text"
          aria-describedby={`${id}-topics-hint`}
          value={draft.topics}
          onChange={(e) => edit({ topics: e.target.value })}
          onBlur={() => void commit(draft)}
          onKeyDown={saveOnEnter}
        />
        <span id={`${id}-topics-hint`} className="prefs__hint">
          {t('pref_topicsHint')}
        </span>
      </label>

      <label>
        {t('pref_newsletter')}
        <select
          value={draft.newsletter}
          onChange={(e) =>
            void commit({ ...draft, newsletter: e.target.value as PreferencesDraft['newsletter'], newsletterAt: nowIso() })
          }
        >
          <option value="">{t('pref_unknown')}</option>
          <option value="granted">{t('pref_newsletter_granted')}</option>
          <option value="refused">{t('pref_newsletter_refused')}</option>
        </select>
      </label>

      <fieldset className={`prefs__group${draft.doNotContact ? ' prefs__group--danger' : ''}`}>
        <legend className="sr-only">{t('pref_doNotContact')}</legend>
        <label className="prefs__check">
          <input
            type="checkbox"
            checked={draft.doNotContact}
            onChange={(e) =>
              void commit({
                ...draft,
                doNotContact: e.target.checked,
                doNotContactSince: e.target.checked ? nowIso() : undefined,
              })
            }
          />
          {t('pref_doNotContact')}
        </label>
        <label>
          {t('pref_doNotContactReason')}
          <input
            type="text"
            maxLength={1000}
            disabled={!draft.doNotContact}
            value={draft.doNotContactReason}
            onChange={(e) => edit({ doNotContactReason: e.target.value })}
            onBlur={() => void commit(draft)}
            onKeyDown={saveOnEnter}
          />
        </label>
      </fieldset>

      {errors.map((error) => (
        <p key={error} className="error" role="alert">
          {error}
        </p>
      ))}
      <p className="prefs__status muted" aria-live="polite">
        {status}
      </p>
    </form>
  );
}
