import { ZodError } from 'zod';

// One error taxonomy for the whole app. Server operations throw AppError; the HTTP adapter
// (lib/server/http) and page helpers map it to a status and the wire format below. Anything
// that is not an AppError or ZodError is a bug: it is logged and answered generically.

/** Every error code the app can answer with, and the HTTP status each maps to. */
export const errorStatus = {
  /** Input failed validation (zod); `issues` lists what. */
  invalid_input: 422,
  /** Malformed request the client should not retry as-is (bad JSON, wrong content type). */
  bad_request: 400,
  /** No valid session (or it expired). */
  unauthenticated: 401,
  /** Signed in, but the role may not use this operation. */
  forbidden: 403,
  /** State-changing request from another origin. */
  cross_origin: 403,
  /** Missing resource, or a tenant the user was not granted (never 403: no enumeration). */
  not_found: 404,
  /** Wrong email or password, or a disabled account (deliberately indistinguishable). */
  invalid_credentials: 401,
  /** The request body (a raw message) is over the size limit. */
  payload_too_large: 413,
  /** Too many failed sign-ins; `retryAfterSeconds` says when to try again. */
  rate_limited: 429,
  /** Write conflicts with current state (duplicate, stale version). */
  conflict: 409,
  /** A dependency (the database) is unreachable. */
  unavailable: 503,
  /** Unexpected failure; details are only in the server log. */
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type Issue = { path: string; message: string };

/** The only shape errors take on the wire. */
export type ErrorBody = { error: { code: ErrorCode; message: string; issues?: Issue[]; retryAfterSeconds?: number } };

type AppErrorOptions = {
  /** For logs and developers; may name internals. */
  message?: string;
  /** Safe to show a user verbatim; becomes the wire `message`. */
  userMessage?: string;
  issues?: Issue[];
  retryAfterSeconds?: number;
  cause?: unknown;
};

const defaultUserMessage: Record<ErrorCode, string> = {
  invalid_input: 'Some fields are not valid.',
  bad_request: 'The request could not be understood.',
  unauthenticated: 'Sign in to continue.',
  forbidden: 'Your role does not allow this.',
  cross_origin: 'Cross-origin requests are not allowed. Reload the page and try again.',
  not_found: 'Not found.',
  invalid_credentials: 'Email or password is incorrect.',
  payload_too_large: 'The request is larger than the size limit.',
  rate_limited: 'Too many attempts. Try again later.',
  conflict: 'This conflicts with a recent change. Reload and try again.',
  unavailable: 'The service is temporarily unavailable.',
  internal: 'Something went wrong on our side. Try again; if it keeps happening, contact support.',
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;
  readonly issues?: Issue[];
  readonly retryAfterSeconds?: number;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.message ?? options.userMessage ?? defaultUserMessage[code], { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = options.userMessage ?? defaultUserMessage[code];
    this.issues = options.issues;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** zod issues flattened to dotted paths for the wire. */
export function issuesFromZod(error: ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}

/**
 * Any thrown value → AppError. Unknown errors are logged here (the one place) and become
 * `internal` so no stack, SQL or file path ever reaches a client.
 */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return new AppError('invalid_input', { issues: issuesFromZod(error), cause: error });
  console.error('[triage] unexpected error', error);
  return new AppError('internal', { cause: error });
}

/** The wire body for an error (see ErrorBody). */
export function toErrorBody(error: AppError): ErrorBody {
  const body: ErrorBody = { error: { code: error.code, message: error.userMessage } };
  if (error.issues?.length) body.error.issues = error.issues;
  if (error.retryAfterSeconds !== undefined) body.error.retryAfterSeconds = error.retryAfterSeconds;
  return body;
}
