/*
 * A full disk. IndexedDB refuses a write with `QuotaExceededError` (Dexie keeps the name, and may
 * wrap it: an aborted transaction's `inner`, a bulk write's `failures`, a `cause`). The transaction
 * it happened in is rolled back, so nothing half-written stays; what is left is to say so clearly.
 */

/** What to do about it, said the same way everywhere. */
export const QUOTA_ADVICE =
  'Free some disk space (empty the trash, remove large downloads) or clear other sites’ data in the browser’s settings, then try again. Nothing was half-written.';

/** Is this error (or one it wraps) the browser's "disk full"? */
export function isQuotaError(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
  if (e.name === 'QuotaExceededError') return true;
  if (isQuotaError(e.inner, depth + 1) || isQuotaError(e.cause, depth + 1)) return true;
  return Array.isArray(e.failures) && e.failures.some((f) => isQuotaError(f, depth + 1));
}

/** The error a use case throws when the disk is full (its message says what to do). */
export class DiskFullError extends Error {
  constructor(what: string) {
    super(`Could not save ${what}: the disk is full. ${QUOTA_ADVICE}`);
    this.name = 'DiskFullError';
  }
}
