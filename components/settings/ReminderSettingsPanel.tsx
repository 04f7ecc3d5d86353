import { useEffect, useState } from 'react';
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from '../../utils/domain/reminders';
import { t } from '../../utils/i18n';
import { loadReminderSettings, onReminderSettingsChanged, saveReminderSettings } from '../../utils/messaging/reminder-store';
import { ErrorText, errorMessage } from '../ui/ErrorText';

type Flag = 'followUps' | 'keepInTouch' | 'awaitingReply';
const KINDS: [Flag, string][] = [
  ['followUps', 'rem_settingFollowUps'],
  ['keepInTouch', 'rem_settingKeepInTouch'],
  ['awaitingReply', 'rem_settingAwaiting'],
];

/**
 * Reminder settings (issue 11): which reminders, the time of day, quiet hours, weekends and the
 * reply target. Each change is saved at once; the background hears it and recounts the badge.
 */
export function ReminderSettingsPanel() {
  const [settings, setSettings] = useState<ReminderSettings>();
  const [replyTarget, setReplyTarget] = useState('');
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let live = true;
    const take = (next: ReminderSettings) => {
      if (!live) return;
      setSettings(next);
      setReplyTarget(String(next.replyTargetDays));
    };
    void loadReminderSettings().then(take, () => take(DEFAULT_REMINDER_SETTINGS));
    const stop = onReminderSettingsChanged(take);
    return () => {
      live = false;
      stop();
    };
  }, []);

  if (!settings) return null;

  const save = (patch: Partial<ReminderSettings>) => {
    const next = { ...settings, ...patch };
    setSettings(next);
    setSaved(false);
    saveReminderSettings(next).then(
      () => {
        setError(undefined);
        setSaved(true);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  };
  const clock = (field: 'timeOfDay' | 'quietFrom' | 'quietTo') => (e: React.ChangeEvent<HTMLInputElement>) => {
    if (/^\d\d:\d\d$/.test(e.target.value)) save({ [field]: e.target.value });
  };

  return (
    <section className="card" data-testid="reminder-settings" aria-labelledby="rem-settings">
      <h2 id="rem-settings" className="section-title">
        {t('rem_settingsTitle')}
      </h2>
      <p className="muted">{t('rem_settingsIntro')}</p>
      <div className="form">
        {KINDS.map(([field, label]) => (
          <label key={field} className="prefs__check">
            <input type="checkbox" name={field} checked={settings[field]} onChange={(e) => save({ [field]: e.target.checked })} /> {t(label)}
          </label>
        ))}
        <label>
          {t('rem_settingTimeOfDay')}
          <input type="time" name="timeOfDay" value={settings.timeOfDay} onChange={clock('timeOfDay')} />
        </label>
        <fieldset>
          <legend>
            <label>
              <input type="checkbox" name="quietHours" checked={settings.quietHours} onChange={(e) => save({ quietHours: e.target.checked })} /> {t('rem_settingQuiet')}
            </label>
          </legend>
          <label>
            {t('rem_settingQuietFrom')} <input type="time" name="quietFrom" value={settings.quietFrom} disabled={!settings.quietHours} onChange={clock('quietFrom')} />
          </label>{' '}
          <label>
            {t('rem_settingQuietTo')} <input type="time" name="quietTo" value={settings.quietTo} disabled={!settings.quietHours} onChange={clock('quietTo')} />
          </label>
        </fieldset>
        <label className="prefs__check">
          <input type="checkbox" name="weekendsOff" checked={settings.weekendsOff} onChange={(e) => save({ weekendsOff: e.target.checked })} /> {t('rem_settingWeekends')}
        </label>
        <label>
          {t('rem_settingReplyTarget')}
          <input
            type="number"
            name="replyTargetDays"
            className="prefs__number"
            min={1}
            max={30}
            step={1}
            value={replyTarget}
            onChange={(e) => {
              setReplyTarget(e.target.value);
              const days = Number(e.target.value);
              if (Number.isInteger(days) && days >= 1 && days <= 30) save({ replyTargetDays: days });
              else setError(t('rem_err_replyTarget'));
            }}
          />
        </label>
        <ErrorText message={error} />
        {saved && !error && (
          <p className="muted" role="status" data-testid="reminder-settings-saved">
            {t('rem_settingsSaved')}
          </p>
        )}
      </div>
    </section>
  );
}
