import 'server-only';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { areaRoles, authorize, type Ctx } from '@/lib/server/auth';
import { loadVisibleCorrection } from './load';

/** Throws not_found unless the correction exists and the caller may see it; a malformed id is just a missing one. */
export async function requireCorrection({ ctx, input }: { ctx: Ctx; input: { id: string } }): Promise<void> {
  authorize(ctx, areaRoles.corrections);
  const id = z.coerce.number().int().positive().max(2_147_483_647).safeParse(input.id);
  if (!/^\d{1,10}$/.test(input.id) || !id.success) throw new AppError('not_found', { message: `bad correction id ${input.id}` });
  await loadVisibleCorrection(ctx, id.data);
}
