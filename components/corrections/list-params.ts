import type { CorrectionFilters } from '@/lib/server/corrections/input';

// The corrections page keeps every filter in the URL (linkable, back-button friendly). This maps
// those search params to the backend's filters, for the page and the CSV export alike.

export const HYGIENE_VIEWS = ['never-matched', 'released-malicious', 'expiring', 'overlapping'] as const;
export type HygieneView = (typeof HYGIENE_VIEWS)[number];
export type View = 'list' | HygieneView;

/** Admin tenant choices besides a slug: every tenant, or only corrections filed for all tenants. */
export const EVERY_TENANT = 'any';
export const ALL_TENANT_ONLY = '*';

const FILTER_KEYS = ['status', 'scope', 'author', 'approver', 'createdFrom', 'createdTo', 'expiresFrom', 'expiresTo', 'q'] as const;

export type RawParams = Record<string, string | string[] | undefined>;

export function first(params: RawParams, key: string): string {
  const v = params[key];
  return (Array.isArray(v) ? v[0] : v)?.trim() ?? '';
}

export function viewOf(params: RawParams, isAdmin: boolean): View {
  const v = first(params, 'view');
  return isAdmin && (HYGIENE_VIEWS as readonly string[]).includes(v) ? (v as HygieneView) : 'list';
}

/**
 * The tenant the view is about: non-admins always see the tenant in the path (its corrections
 * plus all-tenant ones); admins may widen to every tenant or narrow to all-tenant corrections.
 */
export function tenantFilterOf(params: RawParams, routeTenant: string, isAdmin: boolean): string | undefined {
  const chosen = first(params, 'tenant');
  if (!isAdmin || !chosen) return routeTenant;
  if (chosen === EVERY_TENANT) return undefined;
  return chosen;
}

/** Search params → the backend's filters (unknown values are left for its zod schema to refuse). */
export function toFilters(params: RawParams, routeTenant: string, isAdmin: boolean): CorrectionFilters {
  const out: Record<string, string | undefined> = { tenant: tenantFilterOf(params, routeTenant, isAdmin) };
  for (const key of FILTER_KEYS) {
    const v = first(params, key);
    if (v) out[key] = v;
  }
  return out as CorrectionFilters;
}

/** True when any filter besides the default tenant is set. */
export function hasFilters(params: RawParams): boolean {
  return FILTER_KEYS.some((k) => first(params, k) !== '') || first(params, 'tenant') !== '';
}

/** A URL for the same page with some params replaced (empty string removes one). Page resets unless given. */
export function hrefWith(base: string, params: RawParams, patch: Record<string, string>): string {
  const next = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (value && k !== 'page') next.set(k, value);
  }
  for (const [k, v] of Object.entries(patch)) {
    if (v) next.set(k, v);
    else next.delete(k);
  }
  const qs = next.toString();
  return qs ? `${base}?${qs}` : base;
}

/** A view's data, or why the filters in the URL could not be applied. */
export type FilterResult<T> = { ok: true; data: T } | { ok: false; message: string };
