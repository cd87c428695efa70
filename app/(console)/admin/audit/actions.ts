'use server';

import { isAppError } from '@/lib/errors';
import { verifyAuditLog, type VerifyChainResult } from '@/lib/server/audit/verify-log';
import { areaRoles, requireUser } from '@/lib/server/auth';

// Answers with a value: a thrown error reaches the browser as a bare digest in production.
export async function verifyAuditChainAction(): Promise<VerifyChainResult> {
  try {
    const ctx = await requireUser(areaRoles.admin);
    return { ok: true, report: await verifyAuditLog({ ctx }) };
  } catch (error) {
    if (isAppError(error)) return { ok: false, message: error.userMessage };
    console.error('audit chain verification failed', error);
    return { ok: false, message: 'The check could not run. Try again; if it keeps failing, run `npm run audit:verify` on the server.' };
  }
}
