import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { compileDefaultPlan, DEFAULT_RULESET, evaluate } from '@/lib/engine';
import { failure, makeWorld } from '@/lib/server/corrections/test-support';
import { listRulesetVersions } from './list';
import { publishRuleset } from './publish';
import { loadPublishedRuleset, publishedPlan } from './published';
import { makeCtx, note, shippedDraft, signalsWith, withRule, withRulesetsDatabase } from './test-support';

// Publishing: numbering, the shipped row, the audit row, refusals, and the race between two
// engineers publishing from the same version. Tests run in order on one private database.

withRulesetsDatabase();

const november = new Date('2026-11-24T10:00:00Z');
const lookalike = signalsWith({ 'message.lookalike_from_domain': true });
const contribution = (d: ReturnType<typeof evaluate>, ruleId: string) => d.attribution.find((a) => a.kind === 'rule' && a.ruleId === ruleId)?.contribution;

describe('publishRuleset', () => {
  it('stores the shipped ruleset first, numbers the new version after it, audits it and scores with it', async () => {
    const engineer = await makeCtx('engineer');
    expect(await loadPublishedRuleset()).toMatchObject({ version: '2026.11.3', shipped: true, activatedAt: null, error: null });
    expect((await listRulesetVersions({ ctx: engineer })).versions).toEqual([expect.objectContaining({ version: '2026.11.3', active: true, createdAt: null, ruleCount: DEFAULT_RULESET.rules.length })]);

    const draft = withRule(shippedDraft(), 'lookalike_from_domain', { score: 9 });
    expect(await publishRuleset({ ctx: engineer, input: { draft, baseVersion: '2026.11.3', note }, now: november })).toEqual({ version: '2026.11.4' });

    const versions = await db.rulesetVersion.findMany({ orderBy: { id: 'asc' } });
    expect(versions.map((v) => [v.version, v.note, v.createdBy, v.basedOn])).toEqual([
      ['2026.11.3', 'Shipped with the app', null, null],
      ['2026.11.4', note, engineer.user.id, '2026.11.3'],
    ]);
    expect(versions[0].source).toEqual(DEFAULT_RULESET);
    expect(versions[1].source).toMatchObject({ version: '2026.11.4', model: DEFAULT_RULESET.model, thresholds: DEFAULT_RULESET.thresholds });
    expect(await db.rulesetActivation.findMany({ select: { versionId: true, kind: true, reason: true, activatedBy: true, activatedByEmail: true } })).toEqual([
      { versionId: versions[1].id, kind: 'publish', reason: note, activatedBy: engineer.user.id, activatedByEmail: engineer.user.email },
    ]);
    const audit = await db.auditLog.findMany({ where: { entity: 'ruleset' } });
    expect(audit).toEqual([expect.objectContaining({
      action: 'publish', entityId: '2026.11.4', tenantId: null, actorId: engineer.user.id, actorEmail: engineer.user.email,
      data: { version: '2026.11.4', basedOn: '2026.11.3', note, rulesChanged: ['lookalike_from_domain'], thresholdsChanged: false },
    })]);

    const published = await loadPublishedRuleset();
    expect(published).toMatchObject({ version: '2026.11.4', shipped: false, activatedBy: engineer.user.email, error: null, scoringVersion: '2026.11.4' });
    expect(published.activatedAt).toBeInstanceOf(Date);
    const plan = await publishedPlan();
    expect(plan.version).toBe('2026.11.4');
    expect(await publishedPlan()).toBe(plan);
    expect(contribution(evaluate(compileDefaultPlan(), lookalike), 'lookalike_from_domain')).toBe(6);
    expect(contribution(evaluate(plan, lookalike), 'lookalike_from_domain')).toBe(9);

    // Ingest scores new mail with it.
    const world = await makeWorld();
    const message = await world.ingest(`a@${world.tenant.domains[0]}`, 'pass', 'ham');
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).rulesetVersion).toBe('2026.11.4');
  });

  it('numbers on within the month and starts again at 1 in the next', async () => {
    const engineer = await makeCtx('engineer');
    const publish = (score: number, baseVersion: string, now: Date) =>
      publishRuleset({ ctx: engineer, input: { draft: withRule(shippedDraft(), 'lookalike_from_domain', { score }), baseVersion, note }, now });
    expect(await publish(10, '2026.11.4', november)).toEqual({ version: '2026.11.5' });
    expect(await publish(11, '2026.11.5', new Date('2026-12-01T00:00:00Z'))).toEqual({ version: '2026.12.1' });
    expect(await publish(12, '2026.12.1', new Date('2026-12-31T23:59:59Z'))).toEqual({ version: '2026.12.2' });
    expect(await publish(13, '2026.12.2', new Date('2027-01-01T00:00:00Z'))).toEqual({ version: '2027.01.1' });
    const { versions } = await listRulesetVersions({ ctx: engineer });
    expect(versions.map((v) => [v.version, v.active])).toEqual([
      ['2027.01.1', true], ['2026.12.2', false], ['2026.12.1', false], ['2026.11.5', false], ['2026.11.4', false], ['2026.11.3', false],
    ]);
    expect(versions[0]).toMatchObject({ basedOn: '2026.12.2', createdBy: engineer.user.email, note });
  });

  it('answers a draft that does not compile with one positioned issue per problem, and stores nothing', async () => {
    const engineer = await makeCtx('engineer');
    const { version } = await loadPublishedRuleset();
    const before = await db.rulesetVersion.count();
    let draft = withRule(shippedDraft(), 'lookalike_from_domain', { expression: 'message.lookalike_from_domain &&\n  message.no_such_signal' });
    draft = withRule(draft, 'credential_lure', { expression: 'message.link_count >= ' });
    const refused = await failure(publishRuleset({ ctx: engineer, input: { draft, baseVersion: version, note } }));
    expect(refused).toMatchObject({
      code: 'invalid_input',
      issues: [
        { path: 'rules.lookalike_from_domain.expression', message: expect.stringMatching(/^line 2, column 11: .*no_such_signal/) },
        { path: 'rules.credential_lure.expression', message: expect.stringMatching(/^line 1, column 23: syntax error/) },
      ],
    });
    expect(await db.rulesetVersion.count()).toBe(before);
    expect((await loadPublishedRuleset()).version).toBe(version);
  });

  it('refuses a stale base version, an unchanged draft, a short note and the support role', async () => {
    const engineer = await makeCtx('engineer');
    const { version, source } = await loadPublishedRuleset();
    const changed = withRule(shippedDraft(), 'lookalike_from_domain', { score: 1 });
    expect(await failure(publishRuleset({ ctx: engineer, input: { draft: changed, baseVersion: '2026.11.4', note } }))).toMatchObject({
      code: 'conflict', message: expect.stringContaining(`Version ${version} was published since you started editing`),
    });
    const same = { thresholds: source.thresholds, rules: source.rules };
    expect(await failure(publishRuleset({ ctx: engineer, input: { draft: same, baseVersion: version, note } }))).toMatchObject({ code: 'conflict', message: expect.stringContaining('same as the published version') });
    // Only the order changed: no decision can differ, so nothing to publish either.
    const reordered = { ...same, rules: [...source.rules].reverse() };
    expect(await failure(publishRuleset({ ctx: engineer, input: { draft: reordered, baseVersion: version, note } }))).toMatchObject({ code: 'conflict' });
    expect(await failure(publishRuleset({ ctx: engineer, input: { draft: changed, baseVersion: version, note: '   too short   ' } }))).toMatchObject({ name: 'ZodError' });
    expect(await failure(publishRuleset({ ctx: await makeCtx('support'), input: { draft: changed, baseVersion: version, note } }))).toMatchObject({ code: 'forbidden' });
    expect((await loadPublishedRuleset()).version).toBe(version);
    // Admins may publish too.
    expect(await publishRuleset({ ctx: await makeCtx('admin'), input: { draft: changed, baseVersion: version, note } })).toEqual({ version: expect.any(String) });
  });

  it('lets exactly one of two publishes from the same base win; the other is told to reload', async () => {
    const [alice, bob] = [await makeCtx('engineer'), await makeCtx('engineer')];
    for (let round = 0; round < 3; round++) {
      const { version } = await loadPublishedRuleset();
      const activations = await db.rulesetActivation.count();
      const results = await Promise.allSettled([
        publishRuleset({ ctx: alice, input: { draft: withRule(shippedDraft(), 'lookalike_from_domain', { score: 20 + round }), baseVersion: version, note } }),
        publishRuleset({ ctx: bob, input: { draft: withRule(shippedDraft(), 'lookalike_from_domain', { score: 30 + round }), baseVersion: version, note } }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      expect(won).toHaveLength(1);
      const lost = results.find((r) => r.status === 'rejected')!;
      expect(await failure(Promise.reject(lost.reason))).toMatchObject({ code: 'conflict' });
      expect(await db.rulesetActivation.count()).toBe(activations + 1);
      expect((await loadPublishedRuleset()).version).toBe(won[0].value.version);
    }
  });
});
