import type { LeftOutReason } from '../../utils/domain/reactivation';
import type { PriorityReason } from '../../utils/domain/priority';
import type { ExportBlock } from '../../utils/domain/segment';
import { formatNumber, t } from '../../utils/i18n';
import { enumKey } from '../../utils/i18n/keys';

/** One priority reason in words ("tier A", "silent for 14 months", "2 overdue follow-ups"). */
export function reasonText(reason: PriorityReason): string {
  switch (reason.kind) {
    case 'tier':
      return t('why_tier', t(enumKey('tier', reason.tier)));
    case 'revenue':
      return t('why_revenue', formatNumber(reason.amount, reason.currency));
    case 'loyalty':
      return t('why_loyalty', t(enumKey('loyalty', reason.stage)));
    case 'silence':
      return reason.days === undefined ? t('why_never') : t('why_silence', Math.floor(reason.days / 30));
    case 'overdue':
      return t('why_overdue', reason.count);
  }
}

/** "Why first?": every reason, largest first, with the score. */
export function whyText(reasons: readonly PriorityReason[], score: number): string {
  return t('why_text', score, reasons.map(reasonText).join(', ') || t('none'));
}

/** "3 left out because: contact ban 2, quiet period 1". Empty when nobody was left out. */
export function leftOutText(leftOut: Partial<Record<LeftOutReason | ExportBlock, number>>): string {
  const parts = Object.entries(leftOut)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([reason, n]) => `${t(enumKey('reason', reason))} ${n}`);
  const total = Object.values(leftOut).reduce((sum: number, n) => sum + (n ?? 0), 0);
  return total ? t('ws_leftOut', total, parts.join(', ')) : '';
}

/** A duration in minutes as the largest sensible unit ("3 h", "2 d"). */
export function durationText(minutes: number | undefined): string {
  if (minutes === undefined) return t('none');
  if (minutes < 60) return t('dur_minutes', Math.round(minutes));
  if (minutes < 48 * 60) return t('dur_hours', Math.round(minutes / 60));
  return t('dur_days', Math.round(minutes / 1440));
}
