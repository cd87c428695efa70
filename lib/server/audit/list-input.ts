import { z } from 'zod';

// Shared by the Admin › Audit page (which parses its URL with it) and listAuditLog.

export const auditEntities = ['correction', 'grant', 'message', 'ruleset', 'token', 'user'] as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-23.')// Round-trips, so 2026-02-31 (which Date would roll into March) is refused.
  .refine((s) => { const d = new Date(`${s}T00:00:00Z`); return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s); }, 'Not a real date.');
const cursor = z.string().regex(/^\d{1,19}$/, 'Not a row id.');
const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const listAuditInput = z
  .object({
    entity: optional(z.enum(auditEntities, { error: 'Pick one of the listed entities.' })),
    action: optional(z.string().max(50).regex(/^[a-z_.:-]+$/i, 'Actions are single words like create or approve.')),
    actor: optional(z.string().max(200)),
    tenant: optional(z.string().max(100)),
    from: optional(day),
    to: optional(day),
    before: optional(cursor),
    after: optional(cursor),
  })
  .refine((f) => !(f.from && f.to) || f.from <= f.to, { path: ['to'], message: 'The end date is before the start date.' });

export type ListAuditInput = z.input<typeof listAuditInput>;
export type AuditFilters = z.output<typeof listAuditInput>;
