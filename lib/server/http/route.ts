import 'server-only';
import type { z } from 'zod';
import { AppError } from '@/lib/errors';
import { requireUser, type Ctx, type Role } from '@/lib/server/auth';
import { errorResponse } from './respond';
import { isSameOrigin, isStateChanging } from './same-origin';

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

type Options<S extends z.ZodType | undefined> = {
  /** Roles allowed; omit to allow any signed-in user. The operation still authorizes itself. */
  roles?: readonly Role[];
  /** Validates the query string (GET/DELETE) or the JSON body (others) → 422 on failure. */
  input?: S;
};

type Args<S> = {
  ctx: Ctx;
  input: S extends z.ZodType ? z.output<S> : undefined;
  params: Record<string, string | string[] | undefined>;
  request: Request;
};

/**
 * Route-handler adapter: same-origin check → session (401) → role (403) → zod (422) →
 * handler → JSON. Every thrown error goes through errorResponse. A handler may return a
 * Response to take over the reply (e.g. downloads).
 *
 *   export const GET = route({ roles: ['admin'] }, ({ ctx }) => listUsers({ ctx }));
 */
export function route<S extends z.ZodType | undefined = undefined, R = unknown>(
  options: Options<S>,
  handler: (args: Args<S>) => Promise<R> | R,
) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    try {
      // proxy.ts checks this too; repeated here so a matcher change cannot drop CSRF cover.
      if (isStateChanging(request.method) && !isSameOrigin(request.headers)) throw new AppError('cross_origin');
      const ctx = await requireUser(options.roles);
      const input = (options.input ? options.input.parse(await readInput(request)) : undefined) as Args<S>['input'];
      const result = await handler({ ctx, input, params: (await context?.params) ?? {}, request });
      if (result instanceof Response) return result;
      return Response.json(result ?? null, { headers: { 'cache-control': 'no-store' } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** For the few public routes (health): error mapping only, no session. */
export function publicRoute(handler: (request: Request) => Promise<Response> | Response) {
  return async (request: Request): Promise<Response> => {
    try {
      return await handler(request);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

async function readInput(request: Request): Promise<unknown> {
  if (request.method === 'GET' || request.method === 'DELETE' || request.method === 'HEAD') {
    return Object.fromEntries(new URL(request.url).searchParams);
  }
  try {
    return await request.json();
  } catch {
    throw new AppError('bad_request', { userMessage: 'The request body must be JSON.' });
  }
}
