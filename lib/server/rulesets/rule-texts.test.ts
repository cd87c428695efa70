import { describe, expect, it } from 'vitest';
import { makeWorld } from '@/lib/server/corrections/test-support';
import { getMessageDetail } from '@/lib/server/messages/detail/get-detail';
import { listRuleChoices } from '@/lib/server/messages/list';
import { publishRuleset } from './publish';
import { note, shippedDraft, withRule, withRulesetsDatabase } from './test-support';

// A decision is explained with the rule texts of the version that made it, before and after a
// publish; the message list's rule filter offers the published rules. Private database: publishing
// is global.

withRulesetsDatabase();

const firedRules = (view: Awaited<ReturnType<typeof getMessageDetail>>) => view.why!.contributions.flatMap((c) => (c.kind === 'rule' ? [c] : []));

describe('rule texts follow the deciding version', () => {
  it('keeps old decisions on their texts and explains new ones with the published texts', async () => {
    const w = await makeWorld();
    const before = await w.ingest('it@lure.example', 'fail', 'attack');
    const oldView = await getMessageDetail({ ctx: w.support, input: { tenant: w.tenant.slug, id: before.id } });
    const rule = firedRules(oldView)[0];
    expect(rule).toBeDefined();
    expect(oldView.why).toMatchObject({ rulesetVersion: '2026.11.3', currentRulesetVersion: '2026.11.3' });

    const draft = withRule(shippedDraft(), rule.ruleId, { title: 'Renamed in the next version' });
    await publishRuleset({ ctx: w.engineer, input: { draft, baseVersion: '2026.11.3', note } });

    const after = await w.ingest('it@lure.example', 'fail', 'attack');
    const newView = await getMessageDetail({ ctx: w.support, input: { tenant: w.tenant.slug, id: after.id } });
    expect(newView.why).toMatchObject({ rulesetVersion: expect.stringMatching(/^\d{4}\.\d{2}\.\d+$/) });
    expect(newView.why!.rulesetVersion).not.toBe('2026.11.3');
    expect(newView.why!.currentRulesetVersion).toBe(newView.why!.rulesetVersion);
    expect(firedRules(newView).find((c) => c.ruleId === rule.ruleId)?.title).toBe('Renamed in the next version');

    // The earlier decision still reads as its own version wrote it.
    const again = await getMessageDetail({ ctx: w.support, input: { tenant: w.tenant.slug, id: before.id } });
    expect(firedRules(again).find((c) => c.ruleId === rule.ruleId)?.title).toBe(rule.title);
    expect(again.why!.currentRulesetVersion).toBe('2026.11.3');

    expect((await listRuleChoices()).find((r) => r.id === rule.ruleId)?.title).toBe('Renamed in the next version');
  });
});
