import { areaRoles } from '@/lib/server/auth';
import { route } from '@/lib/server/http/route';
import { checkDraft, checkDraftInput } from '@/lib/server/sandbox/check';

// POST: compile a draft ruleset and, given a message id, score that stored message with it. Read-only.
export const POST = route({ roles: areaRoles.sandbox, input: checkDraftInput.omit({ tenant: true }) }, ({ ctx, input, params }) =>
  checkDraft({ ctx, input: { ...input, tenant: String(params.tenant) } }),
);
