import { z } from 'zod';
import { areaRoles } from '@/lib/server/auth';
import { route } from '@/lib/server/http/route';
import { rollbackRuleset } from '@/lib/server/rulesets/rollback';

// POST: make an earlier ruleset version the published one again.
export const POST = route({ roles: areaRoles.sandbox, input: z.object({ version: z.unknown(), reason: z.unknown() }) }, ({ ctx, input }) =>
  rollbackRuleset({ ctx, input: input as never }),
);
