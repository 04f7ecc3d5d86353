import type { $ZodError } from 'zod/v4/core';

/** A write refused because the data is not valid: carries a message a user can read. */
export class ValidationError extends Error {
  constructor(
    message: string,
    readonly issues: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ValidationError';
  }

  static fromZod(what: string, error: $ZodError): ValidationError {
    const issues = error.issues.map((issue) => `${issue.path.join('.') || what}: ${issue.message}`);
    return new ValidationError(`Invalid ${what}: ${issues.slice(0, 3).join('; ')}`, issues);
  }
}

/** A referenced record does not exist. */
export class NotFoundError extends Error {
  constructor(what: string, id: string) {
    super(`${what} ${id} not found`);
    this.name = 'NotFoundError';
  }
}
