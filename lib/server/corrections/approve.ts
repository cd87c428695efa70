import 'server-only';
import type { z } from 'zod';
import type { Ctx } from '@/lib/server/auth';
import { decideCorrection, type DecideResult } from './decide';
import type { decideCorrectionInput } from './input';

/** An admin approves someone else's pending correction: it becomes active and the tenant's messages are re-scored. */
export function approveCorrection({ ctx, input }: { ctx: Ctx; input: z.input<typeof decideCorrectionInput> }): Promise<DecideResult> {
  return decideCorrection(ctx, input, 'approved');
}
