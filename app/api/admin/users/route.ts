import { route } from '@/lib/server/http/route';
import { listUsers } from '@/lib/server/users/list';

export const GET = route({ roles: ['admin'] }, ({ ctx }) => listUsers({ ctx }));
