import { afterEach, describe, expect, it, vi } from 'vitest';
import { db, type Prisma } from '@/lib/db';
import { DEFAULT_RULESET, evaluate, type RulesetSource } from '@/lib/engine';
import { failure } from '@/lib/server/corrections/test-support';
import { listRulesetVersions } from './list';
import { publishRuleset } from './publish';
import { loadPublishedRuleset, publishedPlan } from './published';
import { rollbackRuleset } from './rollback';
import { makeCtx, note, shippedDraft, signalsWith, withRule, withRulesetsDatabase } from './test-support';

// Rolling back: to an earlier version, to the shipped one (stored on the way when an earlier build
// never stored it), the refusals, the history list, and a stored version that stopped compiling.
// Tests run in order on one private database.

withRulesetsDatabase();
afterEach(() => vi.restoreAllMocks());

const reason = 'The new score quarantined vendor invoices';
const shipped = DEFAULT_RULESET.version;
const lookalike = signalsWith({ 'message.lookalike_from_domain': true });
const lookalikePoints = async () => evaluate(await publishedPlan(), lookalike).attribution.find((a) => a.kind === 'rule' && a.ruleId === 'lookalike_from_domain')?.contribution;

/** A version activated outside publishRuleset: what an earlier build of the app left behind. */
async function activateDirectly(source: RulesetSource) {
  const row = await db.rulesetVersion.create({ data: { version: source.version, source: source as unknown as Prisma.InputJsonObject, note: 'left by an earlier build' } });
  await db.rulesetActivation.create({ data: { versionId: row.id, kind: 'publish', reason: 'left by an earlier build' } });
}

describe('rollbackRuleset', () => {
  it('refuses the active version, unknown versions, short reasons and the support role', async () => {
    const engineer = await makeCtx('engineer');
    expect(await failure(rollbackRuleset({ ctx: engineer, input: { version: shipped, reason } }))).toMatchObject({ code: 'conflict', message: expect.stringContaining('already the published one') });
    expect(await failure(rollbackRuleset({ ctx: engineer, input: { version: '2026.11.99', reason } }))).toMatchObject({ code: 'not_found' });
    expect(await failure(rollbackRuleset({ ctx: engineer, input: { version: shipped, reason: 'because' } }))).toMatchObject({ name: 'ZodError' });
    expect(await failure(rollbackRuleset({ ctx: await makeCtx('support'), input: { version: shipped, reason } }))).toMatchObject({ code: 'forbidden' });
    expect(await failure(listRulesetVersions({ ctx: await makeCtx('support') }))).toMatchObject({ code: 'forbidden' });
    // The refusals stored nothing, not even the shipped version.
    expect(await db.rulesetVersion.count()).toBe(0);
  });

  it('rolls back to the shipped version when it was never stored, storing it then', async () => {
    const engineer = await makeCtx('engineer');
    await activateDirectly({ ...withRule(shippedDraft(), 'lookalike_from_domain', { score: 2 }), version: '2026.10.7', model: DEFAULT_RULESET.model });
    expect(await lookalikePoints()).toBe(2);
    const before = await listRulesetVersions({ ctx: engineer });
    expect(before.versions.map((v) => [v.version, v.active, v.createdAt === null])).toEqual([[shipped, false, true], ['2026.10.7', true, false]]);

    expect(await rollbackRuleset({ ctx: engineer, input: { version: shipped, reason } })).toEqual({ version: shipped, previous: '2026.10.7' });
    expect(await db.rulesetVersion.findUniqueOrThrow({ where: { version: shipped } })).toMatchObject({ note: 'Shipped with the app', createdBy: null, source: DEFAULT_RULESET });
    expect(await loadPublishedRuleset()).toMatchObject({ version: shipped, shipped: true, activatedBy: engineer.user.email, error: null });
    expect((await publishedPlan()).version).toBe(shipped);
    expect(await lookalikePoints()).toBe(6);
    const audit = await db.auditLog.findMany({ where: { entity: 'ruleset' } });
    expect(audit).toEqual([expect.objectContaining({ action: 'rollback', entityId: shipped, tenantId: null, actorId: engineer.user.id, data: { version: shipped, previous: '2026.10.7', reason } })]);
  });

  it('makes an earlier published version active again and lists the history newest first', async () => {
    const engineer = await makeCtx('engineer');
    const admin = await makeCtx('admin');
    const a = await publishRuleset({ ctx: engineer, input: { draft: withRule(shippedDraft(), 'lookalike_from_domain', { score: 8 }), baseVersion: shipped, note } });
    const b = await publishRuleset({ ctx: engineer, input: { draft: withRule(shippedDraft(), 'lookalike_from_domain', { score: 9 }), baseVersion: a.version, note } });
    expect(await lookalikePoints()).toBe(9);

    expect(await rollbackRuleset({ ctx: admin, input: { version: a.version, reason } })).toEqual({ version: a.version, previous: b.version });
    expect((await publishedPlan()).version).toBe(a.version);
    expect(await lookalikePoints()).toBe(8);
    expect(await loadPublishedRuleset()).toMatchObject({ version: a.version, activatedBy: admin.user.email, shipped: false });
    expect(await failure(rollbackRuleset({ ctx: admin, input: { version: a.version, reason } }))).toMatchObject({ code: 'conflict' });
    // Publishing continues from the rolled-back version.
    expect(await failure(publishRuleset({ ctx: engineer, input: { draft: withRule(shippedDraft(), 'lookalike_from_domain', { score: 7 }), baseVersion: b.version, note } }))).toMatchObject({ code: 'conflict' });

    const list = await listRulesetVersions({ ctx: engineer });
    expect(list.versions.map((v) => [v.version, v.active])).toEqual([[b.version, false], [a.version, true], [shipped, false], ['2026.10.7', false]]);
    const [activeEntry] = list.versions.filter((v) => v.active);
    expect(activeEntry.lastActivatedAt!.getTime()).toBe(list.activations[0].activatedAt.getTime());
    expect(list.activations.map((x) => [x.version, x.kind, x.activatedBy])).toEqual([
      [a.version, 'rollback', admin.user.email], [b.version, 'publish', engineer.user.email], [a.version, 'publish', engineer.user.email],
      [shipped, 'rollback', expect.any(String)], ['2026.10.7', 'publish', null],
    ]);
  });

  it('scores with the shipped ruleset, says so and logs once when the active version stopped compiling', async () => {
    const engineer = await makeCtx('engineer');
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { version: good } = await loadPublishedRuleset();
    await activateDirectly({ ...withRule(shippedDraft(), 'lookalike_from_domain', { expression: 'message.retired_signal' }), version: '2026.11.90', model: DEFAULT_RULESET.model });

    expect((await publishedPlan()).version).toBe(shipped);
    expect((await publishedPlan()).version).toBe(shipped);
    expect(await lookalikePoints()).toBe(6);
    const published = await loadPublishedRuleset();
    expect(published).toMatchObject({ version: '2026.11.90', scoringVersion: shipped, error: expect.stringContaining('retired_signal') });
    expect(errors).toHaveBeenCalledTimes(1);

    // It cannot be made active again once left, and leaving it works as usual.
    expect(await rollbackRuleset({ ctx: engineer, input: { version: good, reason } })).toMatchObject({ version: good });
    expect(await loadPublishedRuleset()).toMatchObject({ version: good, error: null, scoringVersion: good });
    expect(await failure(rollbackRuleset({ ctx: engineer, input: { version: '2026.11.90', reason } }))).toMatchObject({
      code: 'conflict', issues: [{ path: 'rules.lookalike_from_domain.expression', message: 'line 1, column 9: type error: No such key: retired_signal' }],
    });
  });
});
