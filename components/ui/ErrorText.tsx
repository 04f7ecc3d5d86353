import { isQuotaError } from '../../utils/db/repos/quota';
import { t } from '../../utils/i18n';

/** The readable message of anything thrown; a full disk says what to do about it. */
export function errorMessage(error: unknown): string {
  if (isQuotaError(error)) return t('diskFull');
  return error instanceof Error ? error.message : String(error);
}

/** An error shown as text and announced to screen readers; nothing when there is none. */
export function ErrorText({ message }: { message: string | undefined }) {
  if (!message) return null;
  return (
    <p className="error" role="alert">
      {message}
    </p>
  );
}
