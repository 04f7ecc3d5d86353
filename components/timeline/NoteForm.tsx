import { useState, type FormEvent } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { addInteraction } from '../../utils/db/repos/interactions';
import { DepartmentSchema, type ContactId, type Department } from '../../utils/domain/common';
import { t } from '../../utils/i18n';
import { enumKey } from '../../utils/i18n/keys';
import { ErrorText, errorMessage } from '../ui/ErrorText';

const KINDS = ['note', 'call', 'meeting'] as const;
type QuickKind = (typeof KINDS)[number];

/** Quick note: text, kind (note, call, meeting), department, date (default now). */
export function NoteForm({ db, contactId }: { db: RapportDB; contactId: ContactId }) {
  const [text, setText] = useState('');
  const [kind, setKind] = useState<QuickKind>('note');
  const [department, setDepartment] = useState<Department>('sales');
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
        channel: kind === 'call' ? 'phone' : kind === 'meeting' ? 'in-person' : 'other',
        direction: kind === 'note' ? 'internal' : 'outbound',
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
          <select data-testid="note-kind" value={kind} onChange={(e) => setKind(e.target.value as QuickKind)}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(enumKey('kind', k))}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('noteDepartment')}
          <select value={department} onChange={(e) => setDepartment(e.target.value as Department)}>
            {DepartmentSchema.options.map((d) => (
              <option key={d} value={d}>
                {t(enumKey('department', d))}
              </option>
            ))}
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
