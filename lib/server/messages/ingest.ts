import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { DEFAULT_PARSE_LIMITS } from '@/lib/engine';
import { AppError } from '@/lib/errors';
import { authorize, requireTenant, type Ctx } from '@/lib/server/auth';
import { verifyIngestToken } from '@/lib/server/tokens/verify';
import { ingestBatch } from './ingest-batch';
import { parseFailure, TooLargeError } from './ingest-errors';
import { loadIngestTenant } from './load-tenant';
import { prismaDatabase } from './sql';

export const ingestInput = z.object({
  tenant: z.string().min(1),
  raw: z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'raw must be bytes'),
  receivedAt: z.date().optional(),
  label: z.enum(['phish', 'spam', 'ham']).nullable().optional(),
  recipient: z.string().max(320).optional(),
});

/** Who may ingest: a signed-in admin/engineer, or an ingest token (bound to one tenant). */
export type IngestAuth = { ctx: Ctx } | { token: string | null };

export type IngestResult = { id: string; verdict: string; flagged: boolean; score: number; created: boolean; tenant: string };

const INGEST_ROLES = ['engineer', 'admin'] as const;

/** Parses, scores and stores one raw message; the same bytes for the same tenant return the stored row. */
export async function ingestMessage(args: IngestAuth & z.input<typeof ingestInput>): Promise<IngestResult> {
  const tenantId = await authorizeIngest(args);
  const input = ingestInput.parse(args);
  if (input.raw.byteLength > DEFAULT_PARSE_LIMITS.maxBytes) throw new TooLargeError(DEFAULT_PARSE_LIMITS.maxBytes);
  const database = prismaDatabase(db);
  const tenant = await loadIngestTenant(database.query, { id: tenantId });
  if (!tenant) throw new AppError('not_found');
  const [result] = await ingestBatch(database, tenant, [
    { raw: input.raw, receivedAt: input.receivedAt ?? new Date(), label: input.label ?? null, recipient: input.recipient },
  ]);
  if (result.status === 'error') throw parseFailure(result, DEFAULT_PARSE_LIMITS.maxBytes);
  const { status, ...summary } = result;
  return { ...summary, created: status === 'created', tenant: tenant.slug };
}

async function authorizeIngest(args: IngestAuth & { tenant: string }): Promise<string> {
  if ('ctx' in args) {
    authorize(args.ctx, INGEST_ROLES);
    return (await requireTenant(args.ctx, args.tenant)).id;
  }
  const principal = await verifyIngestToken(args.token);
  // A token works for its own tenant only; any other slug — real or not — is 403, so a token
  // holder cannot tell which other tenants exist.
  if (principal.tenantSlug !== args.tenant) throw new AppError('forbidden', { userMessage: 'This token is not valid for that tenant.' });
  return principal.tenantId;
}
