import 'server-only';
import type { z } from 'zod';
import { db, type Prisma } from '@/lib/db';
import { DEFAULT_RULESET } from '@/lib/engine';
import { AppError } from '@/lib/errors';
import { writeAudit } from '@/lib/server/audit/write';
import { areaRoles, authorize, type Ctx } from '@/lib/server/auth';
import { prismaSql } from '@/lib/server/messages/sql';
import { readActiveVersion } from './active';
import { insertActivation, lockRulesets, storeShippedVersion } from './activate';
import { publishRulesetInput } from './change-input';
import { compileSource } from './compiled';
import { changedRuleIds, diffRulesets, isEmptyDiff } from './diff';
import { draftSource } from './draft-source';
import { diagnosticIssues } from './issues';
import { loadPublishedRuleset } from './published';
import { nextVersion, versionPrefix } from './version-number';

/**
 * Publishes a sandbox draft as the next version for every tenant (engineers and admins). The draft
 * must compile (diagnostics answer 422 with one positioned issue each), differ from the active
 * version, and start from it: when someone published since `baseVersion`, the answer is 409.
 * The model binding is the active version's. Messages arriving from now on are scored with it;
 * stored decisions keep the version they were made with.
 */
export async function publishRuleset({ ctx, input, now = new Date() }: { ctx: Ctx; input: z.input<typeof publishRulesetInput>; now?: Date }): Promise<{ version: string }> {
  authorize(ctx, areaRoles.sandbox);
  const q = publishRulesetInput.parse(input);
  // Checked here for a quick answer, and again under the lock, where it counts.
  const active = await loadPublishedRuleset();
  if (active.version !== q.baseVersion) throw publishedSince(active.version);
  const diff = diffRulesets(active.source, q.draft);
  if (isEmptyDiff(diff)) {
    throw new AppError('conflict', { userMessage: `Nothing to publish: the draft is the same as the published version ${active.version}.` });
  }
  const source = draftSource(q.draft, active.source);
  const compiled = compileSource(source);
  if (!compiled.ok) {
    throw new AppError('invalid_input', {
      message: `draft does not compile: ${compiled.diagnostics.length} diagnostics`,
      userMessage: 'Fix the rule errors before publishing.',
      issues: diagnosticIssues(compiled.diagnostics),
    });
  }

  const version = await db.$transaction(async (tx) => {
    await lockRulesets(tx);
    const current = (await readActiveVersion(prismaSql(tx)))?.version ?? DEFAULT_RULESET.version;
    if (current !== q.baseVersion) throw publishedSince(current);
    // Taken after the lock, so activations and versions are ordered as they commit.
    const at = new Date();
    await storeShippedVersion(tx, at);
    const sameMonth = await tx.rulesetVersion.findMany({ where: { version: { startsWith: versionPrefix(now) } }, select: { version: true } });
    const version = nextVersion(now, [DEFAULT_RULESET.version, ...sameMonth.map((v) => v.version)]);
    const row = await tx.rulesetVersion.create({
      data: { version, source: { ...source, version } as unknown as Prisma.InputJsonObject, note: q.note, createdBy: ctx.user.id, createdByEmail: ctx.user.email, createdAt: at, basedOn: current },
      select: { id: true },
    });
    await insertActivation(tx, { versionId: row.id, kind: 'publish', reason: q.note, ctx, at });
    await writeAudit(tx, {
      actorId: ctx.user.id, action: 'publish', entity: 'ruleset', entityId: version, tenantId: null,
      data: { version, basedOn: current, note: q.note, rulesChanged: changedRuleIds(diff), thresholdsChanged: diff.thresholds },
    });
    return version;
  });
  return { version };
}

function publishedSince(current: string): AppError {
  return new AppError('conflict', {
    message: `base version is stale; ${current} is active`,
    userMessage: `Version ${current} was published since you started editing; reload it and apply your changes on top.`,
  });
}
