import 'server-only';
import { authorize, type Ctx } from '@/lib/server/auth';
import { scopesOverlap } from '@/lib/server/corrections/overlap';
import { hygieneInput, type HygieneInput } from './input';
import { activeAt, loadCorrections, tenantFilter, type HygieneCorrection } from './load';

export type OverlappingPair = { a: HygieneCorrection; b: HygieneCorrection };

/**
 * Admin: pairs of live corrections (pending, or active and unexpired) that can match the same
 * message in the same tenant (an all-tenant correction meets every tenant's). The overlap rule is
 * the corrections backend's (scopesOverlap), so this agrees with the filing form's guardrail.
 */
export async function listOverlappingCorrections({ ctx, input = {}, now = new Date() }: { ctx: Ctx; input?: HygieneInput; now?: Date }): Promise<OverlappingPair[]> {
  authorize(ctx, ['admin']);
  const { tenant } = hygieneInput.parse(input);
  const { where } = await tenantFilter(ctx, tenant);
  const live = await loadCorrections({ AND: [where, { OR: [{ status: 'pending' }, activeAt(now)] }] });
  return findOverlaps(live);
}

/**
 * Bucketed by host so this stays near-linear: a scope can only overlap scopes keyed on its own
 * host or one of its parent domains (domains cover their subdomains), or on the same fingerprint.
 */
export function findOverlaps(live: HygieneCorrection[]): OverlappingPair[] {
  const byKey = new Map<string, HygieneCorrection[]>();
  for (const c of live) {
    const key = keyOf(c);
    byKey.set(key, [...(byKey.get(key) ?? []), c]);
  }
  const pairs: OverlappingPair[] = [];
  const seen = new Set<string>();
  for (const c of live) {
    for (const key of relatedKeys(keyOf(c))) {
      for (const other of byKey.get(key) ?? []) {
        if (other.id === c.id) continue;
        const [a, b] = c.id < other.id ? [c, other] : [other, c];
        const id = `${a.id}:${b.id}`;
        if (seen.has(id)) continue;
        if (a.tenantId && b.tenantId && a.tenantId !== b.tenantId) continue;
        if (!scopesOverlap(a.scope, b.scope)) continue;
        seen.add(id);
        pairs.push({ a, b });
      }
    }
  }
  return pairs.sort((x, y) => x.a.id - y.a.id || x.b.id - y.b.id);
}

function keyOf(c: HygieneCorrection): string {
  const s = c.scope;
  if (s.kind === 'message') return `fp:${s.fingerprint.toLowerCase()}`;
  const host = 'address' in s ? s.address.slice(s.address.lastIndexOf('@') + 1) : s.domain;
  return `host:${host.toLowerCase()}`;
}

/** The key itself and, for hosts, every parent domain (a.b.example → b.example → example). */
function relatedKeys(key: string): string[] {
  if (!key.startsWith('host:')) return [key];
  const labels = key.slice(5).split('.');
  return labels.map((_, i) => `host:${labels.slice(i).join('.')}`);
}
