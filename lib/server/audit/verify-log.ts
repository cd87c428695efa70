import 'server-only';
import { db } from '@/lib/db';
import { authorize, type Ctx } from '@/lib/server/auth';
import { verifyAuditChain, type ChainReport } from './verify';

/** Admin: runs the chain check (as `npm run audit:verify`) on the app's database. */
export async function verifyAuditLog({ ctx }: { ctx: Ctx }): Promise<ChainReport> {
  authorize(ctx, ['admin']);
  return verifyAuditChain(db);
}

/** What the Admin › Audit "Verify chain" action answers (a value, never a throw). */
export type VerifyChainResult = { ok: true; report: ChainReport } | { ok: false; message: string };
