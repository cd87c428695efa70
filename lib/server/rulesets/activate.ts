import 'server-only';
import type { Prisma } from '@/lib/db';
import { DEFAULT_RULESET } from '@/lib/engine';
import type { Ctx } from '@/lib/server/auth';

// The writes publish and rollback share. Both run inside one transaction that holds the rulesets
// lock from its first statement, so "read the active version, check, activate" cannot interleave
// with another publish or rollback, and activation ids follow commit order (active.ts relies on it).

type Tx = Prisma.TransactionClient;

// Arbitrary; distinct from the migration runner's (72707369), the seed's (…70) and the audit log's (…71).
const RULESETS_LOCK_KEY = 72707372;

export const SHIPPED_NOTE = 'Shipped with the app';

/** Takes the transaction-scoped rulesets lock; released at commit or rollback. Call first. */
export async function lockRulesets(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${RULESETS_LOCK_KEY}::bigint)`;
}

/**
 * The shipped ruleset as a stored version (inserted on first need, by nobody), so the history
 * and rollback can reach it. A stored row with the shipped version string is left as it is.
 */
export async function storeShippedVersion(tx: Tx, at: Date): Promise<{ id: number; version: string }> {
  const existing = await tx.rulesetVersion.findUnique({ where: { version: DEFAULT_RULESET.version }, select: { id: true, version: true } });
  if (existing) return existing;
  return tx.rulesetVersion.create({
    data: { version: DEFAULT_RULESET.version, source: DEFAULT_RULESET as unknown as Prisma.InputJsonObject, note: SHIPPED_NOTE, createdAt: at },
    select: { id: true, version: true },
  });
}

/** Makes a stored version the active one. */
export async function insertActivation(tx: Tx, a: { versionId: number; kind: 'publish' | 'rollback'; reason: string; ctx: Ctx; at: Date }): Promise<void> {
  await tx.rulesetActivation.create({
    data: { versionId: a.versionId, kind: a.kind, reason: a.reason, activatedBy: a.ctx.user.id, activatedByEmail: a.ctx.user.email, activatedAt: a.at },
  });
}
