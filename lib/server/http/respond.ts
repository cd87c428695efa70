import 'server-only';
import { toAppError, toErrorBody, type AppError } from '@/lib/errors';

/** The one place an error becomes an HTTP response (wire format in lib/errors.ts). */
export function errorResponse(error: unknown): Response {
  const appError: AppError = toAppError(error);
  const headers = new Headers({ 'cache-control': 'no-store' });
  if (appError.retryAfterSeconds !== undefined) headers.set('retry-after', String(appError.retryAfterSeconds));
  return Response.json(toErrorBody(appError), { status: appError.status, headers });
}
