import 'server-only';
import type { z } from 'zod';
import { db } from '@/lib/db';
import { areaRoles, authorize, type Ctx } from '@/lib/server/auth';
import { csvLine } from './csv';
import { buildCorrectionWhere, statusWhere } from './filters';
import { correctionFilters } from './input';
import { summarize } from './summary';

/** Exports stop here; the file says so in its last line rather than silently truncating. */
const MAX_ROWS = 50_000;

const HEADER = [
  'id', 'tenant', 'status', 'scope_kind', 'scope', 'require_auth', 'auth_guard_reason', 'expires_at', 'reason', 'ticket',
  'origin_message_id', 'created_by', 'created_at', 'decided_by', 'decided_at', 'decision_comment', 'revoked_by', 'revoked_at',
  'revoke_reason', 'preview_released', 'preview_malicious', 'warnings',
];

/** The corrections table under the same filters as listCorrections, as CSV (newest first). */
export async function exportCorrectionsCsv({ ctx, input }: { ctx: Ctx; input: z.input<typeof correctionFilters> }): Promise<{ filename: string; csv: string }> {
  authorize(ctx, areaRoles.corrections);
  const q = correctionFilters.parse(input);
  const now = new Date();
  const base = await buildCorrectionWhere(ctx, q);
  const where = q.status ? { AND: [base, statusWhere(q.status, now)] } : base;
  const rows = await db.correction.findMany({ where, orderBy: { id: 'desc' }, take: MAX_ROWS + 1, include: { tenant: { select: { slug: true, name: true } } } });
  const items = await summarize(rows.slice(0, MAX_ROWS), now);
  const lines = [csvLine(HEADER)];
  for (const c of items) {
    lines.push(csvLine([
      c.label, c.tenant?.slug ?? '*', c.status, c.scope.kind, c.scopeText, c.requireAuth, c.authGuardReason, c.expiresAt, c.reason, c.ticket,
      c.originMessageId, c.createdBy.email ?? c.createdBy.id, c.createdAt, c.decidedBy ? (c.decidedBy.email ?? c.decidedBy.id) : '', c.decidedAt,
      c.decisionComment, c.revokedBy ? (c.revokedBy.email ?? c.revokedBy.id) : '', c.revokedAt, c.revokeReason, c.preview.released,
      c.preview.malicious, c.preview.warnings.join(' '),
    ]));
  }
  if (rows.length > MAX_ROWS) lines.push(csvLine([`truncated: only the newest ${MAX_ROWS} rows are included; narrow the filters`]));
  const stamp = now.toISOString().slice(0, 10);
  return { filename: `corrections-${q.tenant && q.tenant !== '*' ? `${q.tenant}-` : ''}${stamp}.csv`, csv: `${lines.join('\r\n')}\r\n` };
}
