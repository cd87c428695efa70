import { queryOptions } from '@tanstack/react-query';
import type { UserRow } from '@/lib/server/users/list';
import type { CorrectionDetail } from '@/lib/server/corrections/get';
import type { RulesetDraft } from '@/lib/server/rulesets/input';
import type { BacktestResult } from '@/lib/server/sandbox/backtest';
import type { CheckResult } from '@/lib/server/sandbox/check';
import { fetchJson } from './make-query-client';

// Query keys are built only here: components and invalidations use these factories, never
// hand-written arrays. Add one factory per resource; nest keys under the tenant they belong to.

export const queryKeys = {
  admin: ['admin'] as const,
  tenant: (slug: string) => ['tenant', slug] as const,
};

/** Admin's users table (GET /api/admin/users; admins only). */
export function adminUsersQuery() {
  return queryOptions({
    queryKey: [...queryKeys.admin, 'users'] as const,
    queryFn: () => fetchJson<UserRow[]>('/api/admin/users'),
  });
}

/** One stored message (the message page is server-rendered; its re-score mutation is keyed here). */
export const messageKeys = {
  rescore: (tenant: string, id: string) => [...queryKeys.tenant(tenant), 'message', id, 'rescore'] as const,
};

// ---- Corrections (components/corrections) ----

/** What JSON makes of a server type: dates arrive as ISO strings. */
export type Jsonified<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Jsonified<U>[]
    : T extends object
      ? { [K in keyof T]: Jsonified<T[K]> }
      : T;

/**
 * One correction with its timeline and re-score runs (GET /t/{tenant}/corrections/{id}/state).
 * The page polls it while a re-score run is queued or running.
 */
export function correctionQuery(tenant: string, id: number) {
  return queryOptions({
    queryKey: [...queryKeys.tenant(tenant), 'corrections', id] as const,
    // A redirect means the session cookie is gone (proxy sends pages to sign-in): fail, don't parse HTML.
    queryFn: () => fetchJson<Jsonified<CorrectionDetail>>(`/t/${encodeURIComponent(tenant)}/corrections/${id}/state`, { redirect: 'error' }),
  });
}

// ---- Sandbox (components/sandbox) ----

const postJson = <T,>(url: string, body: unknown) =>
  fetchJson<T>(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), redirect: 'error' });

export const sandboxKeys = {
  all: (tenant: string) => [...queryKeys.tenant(tenant), 'sandbox'] as const,
  backtest: (tenant: string) => [...sandboxKeys.all(tenant), 'backtest'] as const,
  publish: (tenant: string) => [...sandboxKeys.all(tenant), 'publish'] as const,
};

/**
 * The live check of a draft: compile diagnostics and, with a message id, the draft's decision for
 * it. Keyed by the draft itself, so undoing an edit finds the earlier answer in the cache.
 */
export function sandboxCheckQuery(tenant: string, draft: RulesetDraft, messageId: string | null) {
  return queryOptions({
    queryKey: [...sandboxKeys.all(tenant), 'check', messageId, draft] as const,
    queryFn: () => postJson<Jsonified<CheckResult>>(`/t/${encodeURIComponent(tenant)}/sandbox/check`, { draft, messageId: messageId ?? undefined }),
    staleTime: Infinity,
  });
}

/** Backtest, publish and roll back: mutations, posted to the sandbox's routes. */
export const sandboxRequests = {
  backtest: (tenant: string, draft: RulesetDraft) => postJson<Jsonified<BacktestResult>>(`/t/${encodeURIComponent(tenant)}/sandbox/backtest`, { draft }),
  publish: (tenant: string, input: { draft: RulesetDraft; baseVersion: string; note: string }) =>
    postJson<{ version: string }>(`/t/${encodeURIComponent(tenant)}/sandbox/publish`, input),
  rollback: (tenant: string, input: { version: string; reason: string }) => postJson<unknown>(`/t/${encodeURIComponent(tenant)}/sandbox/rollback`, input),
};
