import { z } from 'zod';

// The correction form's schema, shared by the form (client-side messages) and the server
// operations (the authority). Plain zod, no server imports, so client components can use it.

export const EXPIRY_DAYS = [7, 30, 90] as const;
export const SCOPE_KINDS = ['sender', 'domain', 'rule_sender', 'rule_domain', 'message'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

const address = z
  .string()
  .trim()
  .toLowerCase()
  .max(320)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'Enter one email address, like name@example.com');
const domain = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'Enter a domain name, like example.com');
const ruleId = z.string().trim().min(1, 'Pick the rule to suppress').max(200);

export const correctionScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('sender'), address }),
  z.object({ kind: z.literal('domain'), domain }),
  z.object({ kind: z.literal('rule_sender'), ruleId, address }),
  z.object({ kind: z.literal('rule_domain'), ruleId, domain }),
  z.object({ kind: z.literal('message'), fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'Not a message fingerprint') }),
]);

export const correctionExpiry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('days'), days: z.literal(EXPIRY_DAYS, { error: 'Pick 7, 30 or 90 days' }) }),
  z.object({ kind: z.literal('date'), date: z.coerce.date({ error: 'Enter a valid date' }) }),
  z.object({ kind: z.literal('never') }),
]);

/** What support fills in. Rules that depend on the role or on now (admin-only, past dates) are checked by the server. */
export const correctionDraft = z
  .object({
    tenant: z.string().min(1),
    scope: correctionScope,
    /** Admins only: the correction applies to every tenant. */
    allTenants: z.boolean().default(false),
    /** Applies only when SPF/DKIM/DMARC pass and align with the From domain. */
    requireAuth: z.boolean().default(true),
    authGuardReason: z.string().trim().max(1000).optional(),
    expiry: correctionExpiry.default({ kind: 'days', days: 30 }),
    reason: z.string().trim().min(10, 'Say why, in at least 10 characters').max(2000),
    ticket: z.string().trim().max(100).optional(),
    originMessageId: z.uuid().optional(),
  })
  .superRefine((d, ctx) => {
    if (!d.requireAuth && !d.authGuardReason?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['authGuardReason'], message: 'Turning the authentication guard off needs a reason' });
    }
  });

export type CorrectionDraft = z.input<typeof correctionDraft>;

/** Creating also carries the guardrail warnings the user acknowledged after the preview. */
export const createCorrectionInput = correctionDraft.and(z.object({ acknowledgedWarnings: z.array(z.string()).max(20).default([]) }));

/** Every state change names the version it saw: a stale version answers 409 "changed by someone else". */
export const decideCorrectionInput = z.object({
  id: z.coerce.number().int().positive(),
  version: z.coerce.number().int().min(1),
  comment: z.string().trim().max(2000).optional(),
});
export const revokeCorrectionInput = z.object({
  id: z.coerce.number().int().positive(),
  version: z.coerce.number().int().min(1),
  reason: z.string().trim().min(5, 'Say why, in at least 5 characters').max(2000),
});

// ---- Added by the corrections backend (compatible extensions) ----

export const CORRECTION_STATUSES = ['pending', 'active', 'rejected', 'revoked', 'expired'] as const;
export type CorrectionStatus = (typeof CORRECTION_STATUSES)[number];

/** Guardrail warning codes; creating needs each one present in `acknowledgedWarnings`. */
export const WARNING_CODES = [
  'free_mail', 'dmarc_fail', 'lookalike', 'broader_than_evidence', 'guard_off', 'duplicate', 'overlap', 'releases_malicious',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/** Reason, ticket and expiry can change later; the scope never does (file a new correction). */
export const editCorrectionInput = z
  .object({
    id: z.coerce.number().int().positive(),
    version: z.coerce.number().int().min(1),
    reason: z.string().trim().min(10, 'Say why, in at least 10 characters').max(2000).optional(),
    ticket: z.string().trim().max(100).nullable().optional(),
    expiry: correctionExpiry.optional(),
  })
  .refine((d) => d.reason !== undefined || d.ticket !== undefined || d.expiry !== undefined, { message: 'Nothing to change' });

const optionalDate = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.date({ error: 'Enter a valid date' }).optional());
const optionalText = (max: number) => z.preprocess((v) => (v === '' || v === null ? undefined : v), z.string().trim().max(max).optional());

/** Filters shared by the corrections table, its counts and the CSV export (URL search params). */
export const correctionFilters = z.object({
  /** A tenant slug; omitted = every tenant the caller may see (all-tenant corrections included). */
  tenant: optionalText(63),
  status: z.preprocess((v) => (v === '' ? undefined : v), z.enum(CORRECTION_STATUSES).optional()),
  scope: z.preprocess((v) => (v === '' ? undefined : v), z.enum(SCOPE_KINDS).optional()),
  /** Author / approver: a user id or (part of) an email. */
  author: optionalText(320),
  approver: optionalText(320),
  createdFrom: optionalDate,
  createdTo: optionalDate,
  expiresFrom: optionalDate,
  expiresTo: optionalDate,
  /** Matches reason, ticket, scope values and "#N". */
  q: optionalText(200),
});

export const listCorrectionsInput = correctionFilters.extend({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type CorrectionFilters = z.input<typeof correctionFilters>;
