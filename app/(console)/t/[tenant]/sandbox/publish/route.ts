import { z } from 'zod';
import { areaRoles } from '@/lib/server/auth';
import { route } from '@/lib/server/http/route';
import { publishRuleset } from '@/lib/server/rulesets/publish';

// POST: publish a draft as the new ruleset version for every tenant (the operation validates it).
export const POST = route({ roles: areaRoles.sandbox, input: z.object({ draft: z.unknown(), baseVersion: z.unknown(), note: z.unknown() }) }, ({ ctx, input }) =>
  publishRuleset({ ctx, input: input as never }),
);
