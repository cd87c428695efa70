import 'server-only';
import { AppError } from '@/lib/errors';
import type { ParseError } from '@/lib/engine';

// lib/errors.ts has no 413 code yet (requested from its owner). Until then an oversize message is
// a `bad_request` AppError whose status is overridden to 413; the wire body still names the cause.

export class TooLargeError extends AppError {
  readonly limit: number;
  constructor(limit: number, message?: string) {
    super('bad_request', { userMessage: `The message is larger than the ${limit}-byte limit.`, message });
    this.limit = limit;
  }
  override get status(): number {
    return 413;
  }
}

/** A parse failure as the API answers it: 413 for too_large, otherwise 422 naming the parse code. */
export function parseFailure(error: ParseError, limit: number): AppError {
  if (error.code === 'too_large') return new TooLargeError(limit, error.message);
  return new AppError('invalid_input', {
    userMessage: 'The message could not be parsed.',
    message: error.message,
    issues: [{ path: 'raw', message: `${error.code}: ${error.message}` }],
  });
}
