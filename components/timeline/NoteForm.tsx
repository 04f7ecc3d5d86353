import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { addInteraction } from '../../utils/db/repos/interactions';
import { getLoggingSettings } from '../../utils/db/repos/logging-settings';
import type { Channel, ContactId, Department } from '../../utils/domain/common';
import { ChannelOptions, DepartmentOptions } from './ChannelOptions';
import { t } from '../../utils/i18n';
import { enumKey } from '../../utils/i18n/keys';
import { ErrorText, errorMessage } from '../ui/ErrorText';

const KINDS = ['note', 'call', 'meeting', 'message'] as const;
type QuickKind = (typeof KINDS)[number];

/** The channel a kind usually happens on; the form lets the user pick another (a video call, WhatsApp, a trade fair). */
const DEFAULT_CHANNEL: Record<QuickKind, Channel> = { note: 'other', call: 'phone', meeting: 'in-person', message: 'whatsapp' };

/**
 * Quick note: text, kind (note, call, meeting, message), channel, direction (a call they made to
 * us is inbound), department (the user's own by default), date (default now).
 */
export function NoteForm({ db, contactId }: { db: RapportDB; contactId: ContactId }) {
  const settings = useLiveQuery(() => getLoggingSettings(db), [db]);
  const [text, setText] = useState('');
  const [kind, setKind] = useState<QuickKind>('note');
  const [channel, setChannel] = useState<Channel>();
  const [direction, setDirection] = useState<'inbound' | 'outbound'>('outbound');
  const [picked, setDepartment] = useState<Department>();
  const department = picked ?? settings?.department ?? 'sales';
  const [when, setWhen] = useState('');
  const [error, setError] = useState<string>();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) return;
    try {
      setError(undefined);
      const occurredAt = when ? new Date(when).toISOString() : new Date().toISOString();
      await addInteraction(db, {
        contactIds: [contactId],
        kind,
        channel: kind === 'note' ? 'other' : (channel ?? DEFAULT_CHANNEL[kind]),
        direction: kind === 'note' ? 'internal' : direction,
        department,
        occurredAt,
        text: text.trim(),
        source: { site: 'manual' },
      });
      setText('');
      setWhen('');
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <form className="form note-form" onSubmit={submit}>
      <label className="sr-only" htmlFor="note-input">
        {t('noteText')}
      </label>
      <textarea
        id="note-input"
        data-testid="note-input"
        value={text}
        placeholder={t('notePlaceholder')}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
        }}
        rows={3}
        maxLength={200_000}
      />
      <div className="form__row">
        <label>
          {t('noteKind')}
          <select
            data-testid="note-kind"
            value={kind}
            onChange={(e) => {
              setKind(e.target.value as QuickKind);
              setChannel(undefined);
            }}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(enumKey('kind', k))}
              </option>
            ))}
          </select>
        </label>
        {kind !== 'note' && (
          <>
            <label>
              {t('noteChannel')}
              <select data-testid="note-channel" value={channel ?? DEFAULT_CHANNEL[kind]} onChange={(e) => setChannel(e.target.value as Channel)}>
                <ChannelOptions />
              </select>
            </label>
            <label>
              {t('noteDirection')}
              <select
                data-testid="note-direction"
                value={direction}
                onChange={(e) => setDirection(e.target.value === 'inbound' ? 'inbound' : 'outbound')}
              >
                <option value="outbound">{t('direction_outbound')}</option>
                <option value="inbound">{t('direction_inbound')}</option>
              </select>
            </label>
          </>
        )}
        <label>
          {t('noteDepartment')}
          <select data-testid="note-department" value={department} onChange={(e) => setDepartment(e.target.value as Department)}>
            <DepartmentOptions />
          </select>
        </label>
        <label>
          {t('noteDate')}
          <input
            type="datetime-local"
            value={when}
            onChange={(e) => setWhen(e.target.value)}
          />
        </label>
      </div>
      <ErrorText message={error} />
      <button type="submit" className="button" data-testid="note-save" disabled={!text.trim()}>
        {t('noteSave')}
      </button>
    </form>
  );
}
