import { z } from 'zod';
import { areaRoles } from '@/lib/server/auth';
import { route } from '@/lib/server/http/route';
import { backtestDraft } from '@/lib/server/sandbox/backtest';

// POST: replay the tenant's stored history through the published ruleset and the draft. Read-only.
export const POST = route({ roles: areaRoles.sandbox, input: z.object({ draft: z.unknown() }) }, ({ ctx, input, params }) =>
  backtestDraft({ ctx, input: { tenant: String(params.tenant), draft: input.draft as never } }),
);
