import { z } from 'zod';

// Query-string friendly: every field also accepts its string form (routes pass searchParams).
// Messages are written for the person who typed the value: the console shows them inline.

const bool = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')], {
  error: 'Use true or false.',
});

export const verdicts = ['attack', 'spam', 'graymail', 'safe'] as const;
export const listSorts = ['received_desc', 'received_asc', 'score_desc'] as const;
export type ListSort = (typeof listSorts)[number];

/** Shortest subject search the trigram index can serve (pg_trgm needs three characters). */
export const MIN_SUBJECT_SEARCH = 3;

const date = z.coerce.date({ error: 'Not a date.' });

export const listMessagesInput = z
  .object({
    tenant: z.string().min(1),
    verdict: z.enum(verdicts, { error: 'Choose attack, spam, graymail or safe.' }).optional(),
    flagged: bool.optional(),
    rule: z
      .string()
      .max(200)
      .regex(/^[A-Za-z0-9_.:-]+$/, 'Not a rule id.')
      .optional(),
    sender: z.string().trim().min(1).max(320).optional(),
    senderDomain: z.string().trim().min(1).max(255).optional(),
    recipient: z.string().trim().min(1).max(320).optional(),
    // Below three characters pg_trgm cannot use its index and every search would scan the tenant.
    subject: z
      .string()
      .trim()
      .min(MIN_SUBJECT_SEARCH, `Type at least ${MIN_SUBJECT_SEARCH} characters to search subjects.`)
      .max(200, 'Subject search is limited to 200 characters.')
      .optional(),
    messageId: z.string().trim().min(1).max(998).optional(),
    from: date.optional(),
    to: date.optional(),
    hasLabel: bool.optional(),
    sort: z.enum(listSorts, { error: 'Unknown sort.' }).default('received_desc'),
    cursor: z.string().max(500).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { path: ['to'], message: 'The end of the date range is before its start.' });

export type ListMessagesInput = z.input<typeof listMessagesInput>;
