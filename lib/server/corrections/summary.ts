import 'server-only';
import { db } from '@/lib/db';
import type { CorrectionScope } from '@/lib/engine';
import { effectiveStatus } from './policy';
import { describeScope, scopeFromColumns } from './scope';

type CorrectionRecord = Awaited<ReturnType<typeof db.correction.findUniqueOrThrow>> & { tenant: { slug: string; name: string } | null };

/** Who did something; email/name are null when the account no longer exists. */
export type Person = { id: string; email: string | null; name: string | null };

/** What lists, pages and API answers show of one correction. */
export type CorrectionSummary = {
  id: number;
  /** "#12": how people refer to it. */
  label: string;
  /** null = applies to all tenants. */
  tenant: { slug: string; name: string } | null;
  scope: CorrectionScope;
  scopeText: string;
  status: 'pending' | 'active' | 'rejected' | 'revoked' | 'expired';
  requireAuth: boolean;
  authGuardReason: string | null;
  expiresAt: Date | null;
  reason: string;
  ticket: string | null;
  originMessageId: string | null;
  createdBy: Person;
  createdAt: Date;
  decidedBy: Person | null;
  decidedAt: Date | null;
  decisionComment: string | null;
  revokedBy: Person | null;
  revokedAt: Date | null;
  revokeReason: string | null;
  expiredAt: Date | null;
  version: number;
  /** The impact preview as computed when it was filed. */
  preview: { scanned: number | null; released: number | null; malicious: number | null; warnings: string[] };
};

/** Loads the people named by these ids (one query). */
export async function loadPeople(ids: (string | null | undefined)[]): Promise<Map<string, Person>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (!unique.length) return new Map();
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, email: true, name: true } });
  return new Map(users.map((u) => [u.id, u]));
}

const personOf = (people: Map<string, Person>, id: string) => people.get(id) ?? { id, email: null, name: null };

export function toCorrectionSummary(row: CorrectionRecord, people: Map<string, Person>, now: Date = new Date()): CorrectionSummary {
  const scope = scopeFromColumns({ scope_kind: row.scopeKind, scope_address: row.scopeAddress, scope_domain: row.scopeDomain, scope_rule_id: row.scopeRuleId, scope_fingerprint: row.scopeFingerprint });
  return {
    id: row.id, label: `#${row.id}`, tenant: row.tenant, scope, scopeText: describeScope(scope), status: effectiveStatus(row, now),
    requireAuth: row.requireAuth, authGuardReason: row.authGuardReason, expiresAt: row.expiresAt, reason: row.reason, ticket: row.ticket,
    originMessageId: row.originMessageId, createdBy: personOf(people, row.createdBy), createdAt: row.createdAt,
    decidedBy: row.decidedBy ? personOf(people, row.decidedBy) : null, decidedAt: row.decidedAt, decisionComment: row.decisionComment,
    revokedBy: row.revokedBy ? personOf(people, row.revokedBy) : null, revokedAt: row.revokedAt, revokeReason: row.revokeReason,
    expiredAt: row.expiredAt, version: row.version,
    preview: { scanned: row.previewScanned, released: row.previewReleased, malicious: row.previewMalicious, warnings: row.warnings ?? [] },
  };
}

/** Summaries for rows, loading the people they name. */
export async function summarize(rows: CorrectionRecord[], now: Date = new Date()): Promise<CorrectionSummary[]> {
  const people = await loadPeople(rows.flatMap((r) => [r.createdBy, r.decidedBy, r.revokedBy]));
  return rows.map((r) => toCorrectionSummary(r, people, now));
}

/** One correction's summary, re-read after a change. */
export async function readSummary(id: number): Promise<CorrectionSummary> {
  const row = await db.correction.findUniqueOrThrow({ where: { id }, include: { tenant: { select: { slug: true, name: true } } } });
  return (await summarize([row]))[0];
}
