import { areaRoles } from '@/lib/server/auth';
import { route } from '@/lib/server/http/route';
import { publishRulesetInput } from '@/lib/server/rulesets/change-input';
import { publishRuleset } from '@/lib/server/rulesets/publish';

// POST: publish a draft as the new ruleset version for every tenant.
export const POST = route({ roles: areaRoles.sandbox, input: publishRulesetInput }, ({ ctx, input }) => publishRuleset({ ctx, input }));
