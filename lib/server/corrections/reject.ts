import 'server-only';
import type { z } from 'zod';
import type { Ctx } from '@/lib/server/auth';
import { decideCorrection, type DecideResult } from './decide';
import type { decideCorrectionInput } from './input';

/** An admin rejects someone else's pending correction, with a comment saying why. */
export function rejectCorrection({ ctx, input }: { ctx: Ctx; input: z.input<typeof decideCorrectionInput> }): Promise<DecideResult> {
  return decideCorrection(ctx, input, 'rejected');
}
