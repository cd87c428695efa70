import 'server-only';
import { createHash } from 'node:crypto';
import type { CorrectionScope } from '@/lib/engine';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/server/auth';
import type { z } from 'zod';
import type { correctionExpiry } from './input';

// The rules a correction's shape must follow, beyond what zod can check without the caller and
// the clock: who may file what, when it expires, and whether it waits for an admin.

const DAY_MS = 86_400_000;
/** Non-admins may pick a date up to a year ahead; anything longer is a decision for an admin. */
const MAX_DATE_DAYS_NON_ADMIN = 366;

/** The expiry instant (null = never). Past dates and role violations throw with a field issue. */
export function resolveExpiry(expiry: z.output<typeof correctionExpiry>, role: Role, now: Date): Date | null {
  if (expiry.kind === 'never') {
    if (role !== 'admin') throw fieldError('forbidden', 'expiry', 'Only admins can file a correction that never expires.');
    return null;
  }
  if (expiry.kind === 'days') return new Date(now.getTime() + expiry.days * DAY_MS);
  if (expiry.date.getTime() <= now.getTime()) throw fieldError('invalid_input', 'expiry.date', 'The expiry date must be in the future.');
  if (role !== 'admin' && expiry.date.getTime() > now.getTime() + MAX_DATE_DAYS_NON_ADMIN * DAY_MS) {
    throw fieldError('forbidden', 'expiry.date', 'Only admins can set an expiry more than a year ahead.');
  }
  return expiry.date;
}

/** Sender- and message-scoped corrections take effect at once; anything broader waits for an admin. */
export function needsApproval(scope: CorrectionScope, allTenants: boolean): boolean {
  return allTenants || !(scope.kind === 'sender' || scope.kind === 'message');
}

/**
 * Same tenant, same scope, same guard → same key. Kept only while the correction is live
 * (pending/active), so a second identical request returns the first instead of making another.
 */
export function dedupeKeyOf(tenantId: string | null, scope: CorrectionScope, requireAuth: boolean): string {
  const parts = [tenantId ?? '*', scope.kind, 'ruleId' in scope ? scope.ruleId : '', 'address' in scope ? scope.address : '',
    'domain' in scope ? scope.domain : '', 'fingerprint' in scope ? scope.fingerprint : '', requireAuth ? 'auth' : 'noauth'];
  return createHash('sha256').update(parts.map((p) => p.toLowerCase()).join('\n')).digest('hex');
}

export function fieldError(code: 'invalid_input' | 'forbidden', path: string, message: string): AppError {
  return new AppError(code, { userMessage: message, issues: [{ path, message }] });
}

/** The stored status plus the derived "expired". */
export function effectiveStatus(row: { status: string; expiresAt: Date | null; expiredAt: Date | null }, now: Date = new Date()): 'pending' | 'active' | 'rejected' | 'revoked' | 'expired' {
  const live = row.status === 'pending' || row.status === 'active';
  if (live && (row.expiredAt || (row.expiresAt && row.expiresAt.getTime() <= now.getTime()))) return 'expired';
  return row.status as 'pending' | 'active' | 'rejected' | 'revoked';
}
