import 'server-only';
import { createHash } from 'node:crypto';

/** prev_hash of the first row: 64 zeros, so every row has a predecessor hash. */
export const GENESIS_HASH = '0'.repeat(64);

/** The hashed content of one audit row, exactly as stored. */
export type AuditContent = {
  id: bigint;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string;
  tenantId: string | null;
  data: unknown;
  prevHash: string;
};

/**
 * Canonical JSON: like JSON.stringify (no whitespace), but object keys sorted by UTF-16 code
 * unit order at every depth, `undefined` members dropped, bigints as decimal strings. jsonb keeps
 * neither key order nor duplicate keys, so hashing must not depend on them; values are
 * normalised through JSON before storing (toAuditJson) so what is hashed is what jsonb returns.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  if (typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** `data` as it will come back from jsonb: Dates → ISO strings, undefined dropped, bigints → strings. */
export function toAuditJson(data: unknown): unknown {
  if (data === undefined) return null;
  return JSON.parse(JSON.stringify(data, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))) as unknown;
}

/**
 * hash = hex SHA-256 of the UTF-8 canonical JSON of
 * `{ v: 1, id, at, actorId, actorEmail, action, entity, entityId, tenantId, data, prevHash }`
 * with id as a decimal string and at as ISO-8601 UTC with milliseconds (the column's precision).
 * Including prevHash links the row to its predecessor; including id pins its position.
 */
export function hashAuditRow(row: AuditContent): string {
  const payload = {
    v: 1,
    id: row.id.toString(),
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorEmail: row.actorEmail,
    action: row.action,
    entity: row.entity,
    entityId: row.entityId,
    tenantId: row.tenantId,
    data: row.data ?? null,
    prevHash: row.prevHash,
  };
  return createHash('sha256').update(canonicalJson(payload), 'utf8').digest('hex');
}
