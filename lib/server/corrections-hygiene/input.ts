import { z } from 'zod';

/** Hygiene views: optionally one tenant (its own corrections plus all-tenant ones). */
export const hygieneInput = z.object({
  tenant: z.string().min(1).optional(),
  /** "About to expire" horizon in days. */
  days: z.coerce.number().int().min(1).max(90).default(7),
});

export type HygieneInput = z.input<typeof hygieneInput>;
