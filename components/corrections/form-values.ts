import { correctionDraft, type CorrectionDraft, type ScopeKind } from '@/lib/server/corrections/input';

// The form keeps flat string/boolean values (what inputs hold) and turns them into the shared
// zod draft only to validate and send. Field errors are keyed by the form's own field names.

export type ExpiryChoice = '7' | '30' | '90' | 'date' | 'never';

export type FormValues = {
  scopeKind: ScopeKind;
  address: string;
  domain: string;
  ruleId: string;
  fingerprint: string;
  allTenants: boolean;
  requireAuth: boolean;
  authGuardReason: string;
  expiry: ExpiryChoice;
  expiryDate: string;
  reason: string;
  ticket: string;
};

export type FieldName = keyof FormValues | 'form';

/** The origin message, as much of it as the form needs. */
export type OriginMessage = {
  id: string;
  subject: string;
  fromAddress: string;
  fromDomain: string;
  fingerprint: string;
  verdict: string;
  receivedAt: string;
  /** Authentication results as stored (pass / fail / none …); the guard depends on them. */
  auth: { spf: string | null; dkim: string | null; dmarc: string | null };
  /** Rules that raised the score on this message, largest contribution first. */
  firedRules: { id: string; title: string; contribution: number }[];
};

export function initialValues(message: OriginMessage): FormValues {
  return {
    scopeKind: 'sender',
    address: message.fromAddress,
    domain: message.fromDomain,
    ruleId: message.firedRules[0]?.id ?? '',
    fingerprint: message.fingerprint,
    allTenants: false,
    requireAuth: true,
    authGuardReason: '',
    expiry: '30',
    expiryDate: '',
    reason: '',
    ticket: '',
  };
}

function scopeOf(v: FormValues): CorrectionDraft['scope'] {
  switch (v.scopeKind) {
    case 'sender':
      return { kind: 'sender', address: v.address };
    case 'domain':
      return { kind: 'domain', domain: v.domain };
    case 'rule_sender':
      return { kind: 'rule_sender', ruleId: v.ruleId, address: v.address };
    case 'rule_domain':
      return { kind: 'rule_domain', ruleId: v.ruleId, domain: v.domain };
    case 'message':
      return { kind: 'message', fingerprint: v.fingerprint };
  }
}

function expiryOf(v: FormValues): CorrectionDraft['expiry'] {
  if (v.expiry === 'never') return { kind: 'never' };
  // A bare date means the end of that day in UTC: "until 31 Dec" includes 31 Dec.
  if (v.expiry === 'date') return { kind: 'date', date: v.expiryDate ? `${v.expiryDate}T23:59:59.999Z` : '' };
  return { kind: 'days', days: Number(v.expiry) as 7 | 30 | 90 };
}

/** The shared draft for these values (what preview and create send). */
export function toDraft(v: FormValues, tenant: string, originMessageId: string): CorrectionDraft {
  return {
    tenant,
    scope: scopeOf(v),
    allTenants: v.allTenants,
    requireAuth: v.requireAuth,
    authGuardReason: v.requireAuth ? undefined : v.authGuardReason,
    expiry: expiryOf(v),
    reason: v.reason,
    ticket: v.ticket.trim() ? v.ticket : undefined,
    originMessageId,
  };
}

/** Maps a draft issue path ("scope.address", "expiry.date") to the field that shows it. */
export function fieldForPath(path: string): FieldName {
  const [head, sub] = path.split('.');
  if (head === 'scope') {
    if (sub === 'address') return 'address';
    if (sub === 'domain') return 'domain';
    if (sub === 'ruleId') return 'ruleId';
    if (sub === 'fingerprint') return 'fingerprint';
    return 'scopeKind';
  }
  if (head === 'expiry') return sub === 'date' ? 'expiryDate' : 'expiry';
  if (head && head in FIELD_NAMES) return head as FieldName;
  return 'form';
}

const FIELD_NAMES: Record<keyof FormValues, true> = {
  scopeKind: true,
  address: true,
  domain: true,
  ruleId: true,
  fingerprint: true,
  allTenants: true,
  requireAuth: true,
  authGuardReason: true,
  expiry: true,
  expiryDate: true,
  reason: true,
  ticket: true,
};

export type FieldErrors = Partial<Record<FieldName, string>>;

/** Issues (from zod here or from the server) → one message per field, first wins. */
export function toFieldErrors(issues: { path: string; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) out[fieldForPath(issue.path)] ??= issue.message;
  return out;
}

/** Client-side check with the same schema the server uses; the server stays the authority. */
export function validate(v: FormValues, tenant: string, originMessageId: string): FieldErrors {
  const result = correctionDraft.safeParse(toDraft(v, tenant, originMessageId));
  if (result.success) return {};
  return toFieldErrors(result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
}
