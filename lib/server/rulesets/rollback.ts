import 'server-only';
import type { z } from 'zod';
import { db } from '@/lib/db';
import { DEFAULT_RULESET, type RulesetSource } from '@/lib/engine';
import { AppError } from '@/lib/errors';
import { writeAudit } from '@/lib/server/audit/write';
import { areaRoles, authorize, type Ctx } from '@/lib/server/auth';
import { prismaSql } from '@/lib/server/messages/sql';
import { readActiveVersion } from './active';
import { insertActivation, lockRulesets, storeShippedVersion } from './activate';
import { rollbackRulesetInput } from './change-input';
import { compileSource, describeDiagnostics } from './compiled';
import { diagnosticIssues } from './issues';

/**
 * Makes an earlier stored version (or the shipped one, stored on the way) active again for every
 * tenant (engineers and admins). Refused when it is already active (409), unknown (404), or no
 * longer compiles with this build (409): activating it would silently score with the shipped
 * ruleset instead.
 */
export async function rollbackRuleset({ ctx, input }: { ctx: Ctx; input: z.input<typeof rollbackRulesetInput> }): Promise<{ version: string; previous: string }> {
  authorize(ctx, areaRoles.sandbox);
  const q = rollbackRulesetInput.parse(input);
  return db.$transaction(async (tx) => {
    await lockRulesets(tx);
    const current = (await readActiveVersion(prismaSql(tx)))?.version ?? DEFAULT_RULESET.version;
    if (q.version === current) throw new AppError('conflict', { userMessage: `Version ${q.version} is already the published one.` });
    const at = new Date();
    const stored = await tx.rulesetVersion.findUnique({ where: { version: q.version }, select: { id: true, source: true } });
    const target = stored ?? (q.version === DEFAULT_RULESET.version ? { ...(await storeShippedVersion(tx, at)), source: DEFAULT_RULESET } : null);
    if (!target) throw new AppError('not_found', { message: `no ruleset version ${q.version}`, userMessage: `There is no ruleset version ${q.version}.` });
    const compiled = compileSource(target.source as unknown as RulesetSource);
    if (!compiled.ok) {
      throw new AppError('conflict', {
        message: `ruleset ${q.version} does not compile: ${describeDiagnostics(compiled.diagnostics)}`,
        userMessage: `Version ${q.version} no longer compiles with this version of the app, so it cannot be made active again. Publish a fixed copy instead.`,
        issues: diagnosticIssues(compiled.diagnostics),
      });
    }
    await insertActivation(tx, { versionId: target.id, kind: 'rollback', reason: q.reason, ctx, at });
    await writeAudit(tx, { actorId: ctx.user.id, action: 'rollback', entity: 'ruleset', entityId: q.version, tenantId: null, data: { version: q.version, previous: current, reason: q.reason } });
    return { version: q.version, previous: current };
  });
}
