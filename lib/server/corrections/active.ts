import 'server-only';
import { db } from '@/lib/db';
import type { Correction } from '@/lib/engine';
import type { Sql } from '@/lib/server/messages/sql';
import { toEngineCorrection, type ScopeColumns } from './scope';

// "Active" is decided in one place so scoring, re-score runs, the API and the message page agree:
// approved (status 'active'), not revoked, and not expired at `at` (expires_at is exclusive: at
// the expiry instant the correction no longer applies) nor marked expired by the sweeper.
const ACTIVE_SQL = `
  SELECT id, require_auth, scope_kind, scope_address, scope_domain, scope_rule_id, scope_fingerprint
    FROM corrections
   WHERE status = 'active'
     AND (tenant_id = $1::uuid OR tenant_id IS NULL)
     AND (expires_at IS NULL OR expires_at > $2::timestamptz)
     AND expired_at IS NULL
   ORDER BY id`;

type ActiveRow = ScopeColumns & { id: number; require_auth: boolean };

/** Active corrections for a tenant (its own and all-tenant ones) at `at`, in the engine's shape, oldest first. */
export async function loadActiveCorrections(tenantId: string, at: Date = new Date()): Promise<Correction[]> {
  const rows = await db.$queryRawUnsafe<ActiveRow[]>(ACTIVE_SQL, tenantId, at);
  return rows.map(toEngineCorrection);
}

/** The same, on any connection (ingest runs on a pg pool in the CLI and inside transactions). */
export async function loadActiveCorrectionsWith(sql: Sql, tenantId: string, at: Date = new Date()): Promise<Correction[]> {
  const rows = await sql<ActiveRow>(ACTIVE_SQL, [tenantId, at]);
  return rows.map(toEngineCorrection);
}
