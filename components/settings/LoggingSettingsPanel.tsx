import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import type { RapportDB } from '../../utils/db/db';
import { getLoggingSettings, saveLoggingSettings } from '../../utils/db/repos/logging-settings';
import type { Department } from '../../utils/domain/common';
import { DepartmentOptions } from '../timeline/ChannelOptions';
import { parseNeverLogList, type LoggingSettings } from '../../utils/domain/logging';
import { t } from '../../utils/i18n';
import { ErrorText, errorMessage } from '../ui/ErrorText';

/**
 * Logging settings (issue 11): automatic logging on or off, keeping message text, the user's own
 * department, and the never-log list of addresses and domains.
 */
export function LoggingSettingsPanel({ db }: { db: RapportDB }) {
  const settings = useLiveQuery(() => getLoggingSettings(db), [db]);
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState<string>();
  if (!settings) return null;

  const save = async (patch: Partial<LoggingSettings>) => {
    try {
      setError(undefined);
      await saveLoggingSettings(db, patch);
      setStatus(t('set_saved'));
    } catch (e) {
      setStatus(undefined);
      setError(t('errorGeneric', errorMessage(e)));
    }
  };

  return (
    <section className="card settings" aria-labelledby="settings-logging" data-testid="settings-logging">
      <h2 id="settings-logging" className="section-title">
        {t('set_title')}
      </h2>
      <label className="settings__check">
        <input
          type="checkbox"
          data-testid="setting-autolog"
          checked={settings.autoLog}
          onChange={(e) => void save({ autoLog: e.target.checked })}
        />
        {t('set_autoLog')}
      </label>
      <p className="muted">{t('set_autoLogHelp')}</p>
      <label className="settings__check">
        <input
          type="checkbox"
          data-testid="setting-keep-text"
          checked={settings.keepText}
          onChange={(e) => void save({ keepText: e.target.checked })}
        />
        {t('set_keepText')}
      </label>
      <label>
        {t('set_department')}
        <select
          data-testid="setting-department"
          value={settings.department}
          onChange={(e) => void save({ department: e.target.value as Department })}
        >
          <DepartmentOptions />
        </select>
      </label>
      <NeverLogForm key={settings.neverLog.join('\n')} list={settings.neverLog} onSave={(neverLog) => save({ neverLog })} onInvalid={setError} />
      <ErrorText message={error} />
      {status && (
        <p className="muted" role="status" data-testid="settings-status">
          {status}
        </p>
      )}
    </section>
  );
}

function NeverLogForm({ list, onSave, onInvalid }: { list: readonly string[]; onSave(list: string[]): Promise<void>; onInvalid(message: string): void }) {
  const [text, setText] = useState(list.join('\n'));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { entries, invalid } = parseNeverLogList(text);
    if (invalid.length > 0) return onInvalid(t('set_neverLogInvalid', invalid.join(', ')));
    void onSave(entries);
  };
  return (
    <form className="form" onSubmit={submit}>
      <label>
        {t('set_neverLog')}
        <textarea data-testid="setting-never-log" rows={5} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <p className="muted">{t('set_neverLogHelp')}</p>
      <button type="submit" className="button button--small" data-testid="setting-never-log-save">
        {t('set_neverLogSave')}
      </button>
    </form>
  );
}
