import { ChannelSchema, DepartmentSchema, MESSENGER_CHANNELS } from '../../utils/domain/common';
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

/** Every department (sales, marketing, support, …) as `<option>`s, in the UI language. */
export function DepartmentOptions() {
  return (
    <>
      {DepartmentSchema.options.map((d) => (
        <option key={d} value={d}>
          {t(enumKey('department', d))}
        </option>
      ))}
    </>
  );
}
