import { z } from 'zod';

// Query-string friendly: every field also accepts its string form (routes pass searchParams).

const bool = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

export const listMessagesInput = z.object({
  tenant: z.string().min(1),
  verdict: z.enum(['attack', 'spam', 'graymail', 'safe']).optional(),
  flagged: bool.optional(),
  rule: z.string().min(1).max(200).optional(),
  sender: z.string().min(1).max(320).optional(),
  senderDomain: z.string().min(1).max(255).optional(),
  recipient: z.string().min(1).max(320).optional(),
  subject: z.string().min(1).max(200).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  hasLabel: bool.optional(),
  sort: z.enum(['received_desc', 'received_asc', 'score_desc']).default('received_desc'),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type ListMessagesInput = z.input<typeof listMessagesInput>;
