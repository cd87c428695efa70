import { z } from 'zod';
import { areaRoles } from '@/lib/server/auth';
import { route } from '@/lib/server/http/route';
import { checkDraft } from '@/lib/server/sandbox/check';

// POST: compile a draft ruleset and, given a message id, score that stored message with it. Read-only.
export const POST = route({ roles: areaRoles.sandbox, input: z.object({ draft: z.unknown(), messageId: z.unknown().optional() }) }, ({ ctx, input, params }) =>
  checkDraft({ ctx, input: { tenant: String(params.tenant), draft: input.draft as never, messageId: input.messageId as never } }),
);
