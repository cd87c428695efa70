import { QueryClient, isServer } from '@tanstack/react-query';
import type { ErrorBody } from '@/lib/errors';

/** The one QueryClient factory. Server: one per request. Browser: one per tab (see getQueryClient). */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Server-prefetched data is fresh on arrival; without this the client refetches at once.
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // 4xx answers are final (auth, validation, not found); only retry server hiccups.
        retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      },
    },
  });
}

let browserClient: QueryClient | undefined;

export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}

/** A non-2xx API answer, carrying the wire error (lib/errors.ts). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody['error'],
  ) {
    super(body.message);
    this.name = 'ApiError';
  }
}

/** fetch → JSON, throwing ApiError with the server's user-facing message on failure. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (body as ErrorBody | null)?.error ?? { code: 'internal', message: `Request failed (${response.status}).` };
    throw new ApiError(response.status, error as ErrorBody['error']);
  }
  return body as T;
}
