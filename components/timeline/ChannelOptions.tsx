import { ChannelSchema, MESSENGER_CHANNELS } from '../../utils/domain/common';
import { t } from '../../utils/i18n';
import { enumKey } from '../../utils/i18n/keys';

/** Every channel as `<option>`s, the messengers (WhatsApp, Signal, SMS, Teams chat) in one group. */
export function ChannelOptions() {
  const plain = ChannelSchema.options.filter((c) => !MESSENGER_CHANNELS.includes(c));
  return (
    <>
      {plain.map((c) => (
        <option key={c} value={c}>
          {t(enumKey('channel', c))}
        </option>
      ))}
      <optgroup label={t('channelGroupMessenger')}>
        {MESSENGER_CHANNELS.map((c) => (
          <option key={c} value={c}>
            {t(enumKey('channel', c))}
          </option>
        ))}
      </optgroup>
    </>
  );
}
