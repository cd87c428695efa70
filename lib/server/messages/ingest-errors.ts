import 'server-only';
import { AppError } from '@/lib/errors';
import type { ParseError } from '@/lib/engine';

export class TooLargeError extends AppError {
  readonly limit: number;
  constructor(limit: number, message?: string) {
    super('payload_too_large', { userMessage: `The message is larger than the ${limit}-byte limit.`, message });
    this.limit = limit;
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
