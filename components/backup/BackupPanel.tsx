import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { FREQUENCIES, KEEP_MAX, KEEP_MIN, isBackupStale, type Frequency } from '../../utils/backup/schedule';
import type { RapportDB } from '../../utils/db/db';
import { readBackupState, saveBackupSettings } from '../../utils/db/repos/backup-state';
import { formatDate, t } from '../../utils/i18n';
import { routeHash } from '../workspace/route';
import { ErrorText, errorMessage } from '../ui/ErrorText';

/** Tells the background to make a backup now (injected: the workspace passes the messaging client). */
export type BackupNow = () => Promise<void>;

/**
 * Automatic backups: when the last one was made (a warning past 30 days), the schedule, how many
 * files to keep, and "Back up now". The background makes the files; this panel reads and writes
 * the schedule in the database, so it updates as soon as a backup is recorded.
 */
export function BackupPanel({ db, backupNow }: { db: RapportDB; backupNow: BackupNow }) {
  const state = useLiveQuery(() => readBackupState(db), [db]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  if (!state) return null;
  const stale = isBackupStale(state.lastAt, new Date());

  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await backupNow();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const save = (settings: { frequency?: Frequency; keep?: number }) => {
    saveBackupSettings(db, settings).catch((e: unknown) => setError(errorMessage(e)));
  };

  return (
    <section className="transfer transfer--backup" aria-labelledby="backup-title" data-testid="backup-panel">
      <h2 id="backup-title" className="section-title">
        {t('backup_title')}
      </h2>
      <p className="muted">{t('backup_hint')}</p>
      <p data-testid="backup-status" data-last={state.lastAt ?? ''} data-stale={String(stale)} data-files={state.files.length}>
        {state.lastAt ? t('backup_last', formatDate(state.lastAt, true)) : t('backup_never')}
        {state.files.length > 0 ? ` ${t('backup_files', state.files.length)}` : ''}
      </p>
      {state.lastError && <ErrorText message={t('backup_failed', formatDate(state.lastError.at, true), state.lastError.message)} />}
      <label className="transfer__field">
        {t('backup_frequency')}{' '}
        <select data-testid="backup-frequency" value={state.frequency} onChange={(e) => save({ frequency: e.target.value as Frequency })}>
          {FREQUENCIES.map((f) => (
            <option key={f} value={f}>
              {t(`backup_${f}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="transfer__field">
        {t('backup_keep')}{' '}
        <input
          type="number"
          data-testid="backup-keep"
          min={KEEP_MIN}
          max={KEEP_MAX}
          value={state.keep}
          onChange={(e) => {
            const keep = Number(e.target.value);
            if (Number.isInteger(keep) && keep >= KEEP_MIN && keep <= KEEP_MAX) save({ keep });
          }}
        />
      </label>
      <div className="transfer__actions">
        <button type="button" className="button" data-testid="backup-now" disabled={busy} onClick={() => void run()}>
          {busy ? t('backup_running') : t('backup_now')}
        </button>
      </div>
      <ErrorText message={error} />
    </section>
  );
}

/**
 * The workspace-wide warning: shown on every view while the notebook holds contacts and the last
 * backup is missing or more than 30 days old.
 */
export function BackupWarning({ db }: { db: RapportDB }) {
  const state = useLiveQuery(() => readBackupState(db), [db]);
  const contacts = useLiveQuery(() => db.contacts.count(), [db]);
  if (!state || !contacts || !isBackupStale(state.lastAt, new Date())) return null;
  return (
    <p className="guard__warning" role="alert" data-testid="backup-warning" data-last={state.lastAt ?? ''}>
      {state.lastAt ? t('backup_stale') : t('backup_never')} <a href={routeHash({ view: 'transfer' })}>{t('backup_now')}</a>
    </p>
  );
}
