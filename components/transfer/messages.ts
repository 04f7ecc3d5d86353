import { t as appT } from '../../utils/i18n';
import type transfer from '../../utils/i18n/catalog/transfer';

export type TransferMessageKey = keyof typeof transfer;

/** A transfer UI string (typed keys over the app catalog, utils/i18n/catalog/transfer.ts). */
export function t(key: TransferMessageKey, ...substitutions: (string | number)[]): string {
  return appT(key, ...substitutions);
}
