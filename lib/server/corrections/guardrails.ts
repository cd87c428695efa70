import 'server-only';
import type { CorrectionScope } from '@/lib/engine';
import type { Sql } from '@/lib/server/messages/sql';
import { scopeCondition } from './candidates';
import { BRAND_DOMAINS, FREE_MAIL_DOMAINS } from './guardrail-data';
import type { WarningCode } from './input';
import { findLookalikeOf, registrableOf } from './lookalike';
import { scopesOverlap } from './overlap';
import { scopeFromColumns } from './scope';

// Guardrails: reasons a correction may let attacks through. Each is a warning the person filing
// must acknowledge explicitly (createCorrection refuses unacknowledged ones); none is a hard block,
// because a real business sometimes does send from gmail.com.

export type GuardrailWarning = { code: WarningCode; message: string; correctionIds?: number[] };

export type GuardrailInput = {
  sql: Sql;
  tenant: { id: string; domains: string[] };
  scope: CorrectionScope;
  requireAuth: boolean;
  allTenants: boolean;
  dedupeKey: string;
  now: Date;
  /** Distinct sender addresses of the messages the correction would release (or match, or the origin message). */
  evidenceAddresses: string[];
  releasedMalicious: number;
};

export async function checkGuardrails(g: GuardrailInput): Promise<GuardrailWarning[]> {
  const warnings: GuardrailWarning[] = [];
  const s = g.scope;
  const domain = 'domain' in s ? s.domain : 'address' in s ? s.address.slice(s.address.lastIndexOf('@') + 1) : null;
  const domainWide = s.kind === 'domain' || s.kind === 'rule_domain';

  if (domainWide && FREE_MAIL_DOMAINS.has(registrableOf(s.domain))) {
    warnings.push({ code: 'free_mail', message: `${s.domain} is a free-mail provider: anyone can get an address there. Allow the one sender instead.` });
  }
  if (domain) {
    const failing = await countDmarcFailures(g.sql, g.tenant.id, domain);
    if (failing > 0) warnings.push({ code: 'dmarc_fail', message: `${failing} message${failing === 1 ? '' : 's'} from ${domain} here failed DMARC: this domain's mail is spoofed or misconfigured.` });
    const imitated = findLookalikeOf(domain, [...g.tenant.domains, ...BRAND_DOMAINS]);
    if (imitated) warnings.push({ code: 'lookalike', message: `${domain} looks like ${imitated}. Check it is not an impersonation.` });
  }
  if (domainWide && g.evidenceAddresses.length === 1) {
    warnings.push({ code: 'broader_than_evidence', message: `All the evidence comes from one sender, ${g.evidenceAddresses[0]}; a sender correction would be enough.` });
  }
  if (!g.requireAuth) {
    warnings.push({ code: 'guard_off', message: 'Without the authentication guard, anyone who forges this sender is allowed too.' });
  }
  if (g.releasedMalicious > 0) {
    warnings.push({ code: 'releases_malicious', message: `${g.releasedMalicious} of the messages it would release are labelled malicious or were flagged as attack.` });
  }
  warnings.push(...(await checkOverlaps(g)));
  return warnings;
}

async function countDmarcFailures(sql: Sql, tenantId: string, domain: string): Promise<number> {
  const where = scopeCondition({ kind: 'domain', domain }, 2);
  const [row] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM messages m WHERE m.tenant_id = $1::uuid AND m.dmarc = 'fail' AND ${where.text}`, [tenantId, ...where.params]);
  return row?.n ?? 0;
}

type LiveRow = { id: number; dedupe_key: string | null; scope_kind: string; scope_address: string | null; scope_domain: string | null; scope_rule_id: string | null; scope_fingerprint: string | null };

/** Live (pending or active, unexpired) corrections that do the same thing or cover the same senders. */
async function checkOverlaps(g: GuardrailInput): Promise<GuardrailWarning[]> {
  const rows = await g.sql<LiveRow>(
    `SELECT id, dedupe_key, scope_kind, scope_address, scope_domain, scope_rule_id, scope_fingerprint FROM corrections
      WHERE status IN ('pending', 'active') AND expired_at IS NULL AND (expires_at IS NULL OR expires_at > $2::timestamptz)
        AND ($3::boolean OR tenant_id = $1::uuid OR tenant_id IS NULL) ORDER BY id`,
    [g.tenant.id, g.now, g.allTenants],
  );
  const duplicates = rows.filter((r) => r.dedupe_key === g.dedupeKey).map((r) => r.id);
  const overlapping = rows.filter((r) => r.dedupe_key !== g.dedupeKey && scopesOverlap(scopeFromColumns(r), g.scope)).map((r) => r.id);
  const out: GuardrailWarning[] = [];
  const list = (ids: number[]) => ids.map((id) => `#${id}`).join(', ');
  if (duplicates.length) out.push({ code: 'duplicate', message: `${list(duplicates)} already does exactly this; saving returns it instead of a new one.`, correctionIds: duplicates });
  if (overlapping.length) out.push({ code: 'overlap', message: `Overlaps live correction${overlapping.length === 1 ? '' : 's'} ${list(overlapping)}.`, correctionIds: overlapping });
  return out;
}
