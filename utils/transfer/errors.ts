/**
 * Why an import or export stopped. `code` is stable (the UI maps it to a translated message);
 * `message` is English for logs and tests; `line` is the 1-based line in the file, when known.
 */
export type TransferErrorCode =
  | 'empty'
  | 'too-large'
  | 'broken-quote'
  | 'csv-syntax'
  | 'csv-unknown-header'
  | 'nothing-readable'
  | 'vcard-no-end'
  | 'vcard-syntax'
  | 'json-syntax'
  | 'not-rapport'
  | 'future-version'
  | 'bad-envelope'
  | 'unknown-format'
  | 'zip-content'
  | 'changed'
  | 'write-failed'
  | 'not-empty'
  | 'disk-full'
  | 'cancelled';

/** A whole file refused (nothing is written), or an export cancelled. */
export class TransferError extends Error {
  constructor(
    readonly code: TransferErrorCode,
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `Line ${line}: ${message}`);
    this.name = 'TransferError';
  }
}

/** Throws the `cancelled` error when the signal is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new TransferError('cancelled', 'Cancelled');
}
