import { areaRoles } from '@/lib/server/auth';
import { getCorrection } from '@/lib/server/corrections/get';
import { route } from '@/lib/server/http/route';

// The correction page polls this while a re-score run is in progress (see correctionQuery).
export const GET = route({ roles: areaRoles.corrections }, ({ ctx, params }) => getCorrection({ ctx, input: { id: String(params.id) } }));
