import { areaRoles } from '@/lib/server/auth';
import { route } from '@/lib/server/http/route';
import { rollbackRulesetInput } from '@/lib/server/rulesets/change-input';
import { rollbackRuleset } from '@/lib/server/rulesets/rollback';

// POST: make an earlier ruleset version the published one again.
export const POST = route({ roles: areaRoles.sandbox, input: rollbackRulesetInput }, ({ ctx, input }) => rollbackRuleset({ ctx, input }));
