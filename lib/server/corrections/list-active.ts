import 'server-only';
import { z } from 'zod';
import type { Correction } from '@/lib/engine';
import { AppError } from '@/lib/errors';
import { areaRoles, authorize, requireTenant, type Ctx } from '@/lib/server/auth';
import { verifyIngestToken } from '@/lib/server/tokens/verify';
import { loadActiveCorrections } from './active';

export const listActiveInput = z.object({ tenant: z.string().min(1).max(63) });

export type ActiveCorrections = { tenant: string; at: string; corrections: Correction[] };

/** Who may read a tenant's active corrections: a session with access to it, or that tenant's ingest token. */
export type ActiveAuth = { ctx: Ctx } | { token: string | null };

/**
 * The tenant's active corrections in the engine's shape, for an external scoring pipeline. A
 * token works for its own tenant only (any other slug, real or not, is 403 — the same answer as
 * ingest, so a token cannot probe which tenants exist); a session gets 404 for tenants it lacks.
 */
export async function listActiveCorrections(args: ActiveAuth & z.input<typeof listActiveInput>): Promise<ActiveCorrections> {
  let tenantId: string;
  let slug: string;
  if ('ctx' in args) {
    authorize(args.ctx, areaRoles.corrections);
    const q = listActiveInput.parse(args);
    const tenant = await requireTenant(args.ctx, q.tenant);
    tenantId = tenant.id;
    slug = tenant.slug;
  } else {
    const principal = await verifyIngestToken(args.token);
    const q = listActiveInput.parse(args);
    if (principal.tenantSlug !== q.tenant) throw new AppError('forbidden', { userMessage: 'This token is not valid for that tenant.' });
    tenantId = principal.tenantId;
    slug = principal.tenantSlug;
  }
  const at = new Date();
  return { tenant: slug, at: at.toISOString(), corrections: await loadActiveCorrections(tenantId, at) };
}
