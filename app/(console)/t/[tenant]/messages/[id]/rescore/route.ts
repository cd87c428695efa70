import { areaRoles } from '@/lib/server/auth';
import { route } from '@/lib/server/http/route';
import { rescoreMessage } from '@/lib/server/messages/rescore';

// POST: re-score the stored message with the published ruleset and active corrections.
export const POST = route({ roles: areaRoles.messages }, ({ ctx, params }) =>
  rescoreMessage({ ctx, input: { tenant: String(params.tenant), id: String(params.id) } }),
);
