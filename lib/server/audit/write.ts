import 'server-only';
import type { Prisma } from '@/lib/db';
import { GENESIS_HASH, hashAuditRow, toAuditJson } from './hash';

/** A Prisma interactive-transaction client (`db.$transaction(async (tx) => …)`). */
export type AuditTx = Prisma.TransactionClient;

export type AuditEntry = {
  /** The acting user, or null for the system (seed, CLI). */
  actorId: string | null;
  /** Verb, e.g. `create`, `approve`, `revoke`. */
  action: string;
  entity: 'correction' | 'ruleset' | 'user' | 'grant' | 'token' | (string & {});
  entityId: string;
  tenantId?: string | null;
  /** Any JSON-serialisable detail (stored as jsonb, hashed canonically). */
  data?: unknown;
  /**
   * Label snapshot for the actor. Defaults to the user's current email (looked up in the same
   * transaction), so the row stays readable after the account changes; system actors pass e.g.
   * `system:seed`.
   */
  actorEmail?: string | null;
};

// Arbitrary; distinct from the migration runner's and the seed's keys. Every append takes it.
const AUDIT_LOCK_KEY = 72707371;

/**
 * Appends one row to the hash-chained audit_log inside the caller's transaction.
 *
 * The transaction-scoped advisory lock serialises appends until the caller commits or rolls back,
 * so the next writer reads a committed tail and the chain cannot fork (a unique index on
 * prev_hash refuses a fork anyway). The tail must be read after the lock, which only works in
 * READ COMMITTED (an older snapshot would miss rows committed while we waited), so other levels
 * are refused. Must be called with a transaction client, never the pooled `db`. Call it last in
 * the transaction: every audited commit queues on the lock, and taking it early while still
 * waiting for row locks risks deadlocks with other audited writers.
 */
export async function writeAudit(tx: AuditTx, entry: AuditEntry): Promise<void> {
  const [lock] = await tx.$queryRaw<{ isolation: string }[]>`
    SELECT current_setting('transaction_isolation') AS isolation, pg_advisory_xact_lock(${AUDIT_LOCK_KEY}::bigint)::text AS locked`;
  if (lock.isolation !== 'read committed') {
    throw new Error(`writeAudit needs a READ COMMITTED transaction, got ${lock.isolation}`);
  }
  const [tail] = await tx.$queryRaw<{ hash: string }[]>`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`;
  const [{ id }] = await tx.$queryRaw<{ id: bigint }[]>`SELECT nextval('audit_log_id_seq') AS id`;
  let actorEmail = entry.actorEmail ?? null;
  if (entry.actorEmail === undefined && entry.actorId) {
    const [user] = await tx.$queryRaw<{ email: string }[]>`SELECT email FROM users WHERE id = ${entry.actorId}::uuid`;
    actorEmail = user?.email ?? null;
  }
  // Millisecond precision, the column's, so the hashed value equals the stored one.
  const at = new Date();
  const row = {
    id,
    at,
    actorId: entry.actorId,
    actorEmail,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    tenantId: entry.tenantId ?? null,
    data: toAuditJson(entry.data),
    prevHash: tail?.hash ?? GENESIS_HASH,
  };
  const hash = hashAuditRow(row);
  await tx.$executeRaw`
    INSERT INTO audit_log (id, at, actor_id, actor_email, action, entity, entity_id, tenant_id, data, prev_hash, hash)
    VALUES (${id}, ${at}, ${row.actorId}::uuid, ${actorEmail}, ${row.action}, ${row.entity}, ${row.entityId},
            ${row.tenantId}::uuid, ${JSON.stringify(row.data)}::jsonb, ${row.prevHash}, ${hash})`;
}
