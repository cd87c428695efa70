import { areaRoles } from '@/lib/server/auth';
import { route } from '@/lib/server/http/route';
import { backtestDraft, backtestDraftInput } from '@/lib/server/sandbox/backtest';

// POST: replay the tenant's stored history through the published ruleset and the draft. Read-only.
export const POST = route({ roles: areaRoles.sandbox, input: backtestDraftInput.omit({ tenant: true }) }, ({ ctx, input, params }) =>
  backtestDraft({ ctx, input: { ...input, tenant: String(params.tenant) } }),
);
