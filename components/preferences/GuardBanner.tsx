import { useLiveQuery } from 'dexie-react-hooks';
import type { RapportDB } from '../../utils/db/db';
import { getContact } from '../../utils/db/repos/contacts';
import { timeline } from '../../utils/db/repos/interactions';
import type { Channel } from '../../utils/domain/common';
import type { Contact } from '../../utils/domain/contact';
import { addressHint, guardWarnings, hasAddressHint, type AddressHint, type GuardWarning } from '../../utils/domain/guard';
import { locale, t } from '../../utils/i18n';
import { enumKey } from '../../utils/i18n/keys';
import { formatDay, languageName } from '../ui/format-day';

/** A channel's name in the UI language. */
export function channelName(channel: Channel): string {
  return t(enumKey('pref_channel', channel));
}

/** The readable sentence for one warning, in the UI language. */
export function warningText(warning: GuardWarning): string {
  switch (warning.reason) {
    case 'do-not-contact':
      return warning.text ? t('guard_doNotContact', warning.text) : t('guard_doNotContactNoReason');
    case 'quiet':
      return t('guard_quiet', formatDay(warning.until));
    case 'left-alone':
      return t('guard_leftAlone');
    case 'frequency':
      return warning.count === 1
        ? t('guard_frequencyOnce', warning.days, warning.max)
        : t('guard_frequency', warning.count, warning.days, warning.max);
    case 'channel':
      return t('guard_channel', warning.preferred.map(channelName).join(', '), channelName(warning.channel));
  }
}

/** "Sie · Deutsch · Sehr geehrte Frau Dr. Weiß" (without the label). */
export function addressHintText(hint: AddressHint): string {
  const parts: string[] = [];
  if (hint.address) parts.push(t(`pref_address_${hint.address}`));
  if (hint.language) parts.push(languageName(hint.language, locale()));
  if (hint.salutation) parts.push(hint.salutation);
  return parts.join(' · ');
}

interface Props {
  db: RapportDB;
  contact: Contact;
  /** The channel on screen: `email` in Gmail or Outlook, `linkedin` on LinkedIn. */
  channel?: Channel | undefined;
}

/**
 * The "don't annoy" guard before reaching out: one prominent alert per warning, most severe first,
 * and how to address the person. Renders nothing when there is neither.
 */
export function GuardBanner({ db, contact, channel }: Props) {
  const state = useLiveQuery(async () => {
    const [current, items] = await Promise.all([getContact(db, contact.id), timeline(db, contact.id)]);
    const preferences = (current ?? contact).preferences;
    return {
      hint: addressHint(preferences),
      warnings: guardWarnings({ preferences, recentInteractions: items, channel, now: new Date() }),
    };
  }, [db, contact, channel]);

  if (!state) return null;
  const { warnings, hint } = state;
  if (warnings.length === 0 && !hasAddressHint(hint)) return null;

  return (
    <section className="guard" aria-label={t('guard_region')}>
      {warnings.map((warning) => (
        <div
          key={warning.reason}
          role="alert"
          className={`guard__warning guard__warning--${warning.reason}`}
          data-testid="preference-warning"
          data-reason={warning.reason}
        >
          <span className="guard__icon" aria-hidden="true">
            !
          </span>
          <span className="guard__text">{warningText(warning)}</span>
        </div>
      ))}
      {hasAddressHint(hint) && (
        <p className="guard__address" data-testid="address-hint">
          {t('guard_address', addressHintText(hint))}
        </p>
      )}
    </section>
  );
}
