import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDemoTenant } from '../../demo/tenants';
import { compileDefaultPlan } from '../index';
import type { Verdict } from '../types';
import { scoreMessage } from './score-message';

// Golden tests on real corpus messages: expected verdict and rules that must appear in the
// attribution. Messages are read as bytes only; nothing in them is opened or fetched.
const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');

type Golden = { file: string; verdict: Verdict; rules: string[] };

const GOLDEN: Golden[] = [
  { file: 'phish-0142f1c6c39884c0.eml', verdict: 'attack', rules: ['brand_display_name_unauthenticated', 'credential_lure', 'account_lock_lure'] },
  { file: 'phish-0292e19acdaa9629.eml', verdict: 'attack', rules: ['hidden_text', 'shortener_link'] },
  { file: 'phish-0118e30b87192b9e.eml', verdict: 'attack', rules: ['dmarc_fail', 'html_only_foreign_links'] },
  { file: 'phish-016f5818c3ac0a8e.eml', verdict: 'attack', rules: ['crypto_lure'] },
  { file: 'phish-002b80b12dc60023.eml', verdict: 'attack', rules: ['prize_scam', 'shortener_link'] },
  { file: 'spam-0041efbc4d54831b.eml', verdict: 'spam', rules: ['prize_scam'] },
  { file: 'spam-00ac7b197c596abb.eml', verdict: 'spam', rules: ['free_mail_html_only'] },
  // No rule fires: the content model's words decide (its evidence is checked below).
  { file: 'spam-012a9866daceedb1.eml', verdict: 'spam', rules: [] },
  { file: 'ham-004e35023ede07db.eml', verdict: 'safe', rules: [] },
  { file: 'ham-00203c557e748595.eml', verdict: 'safe', rules: [] },
  { file: 'ham-002477c02eea2866.eml', verdict: 'safe', rules: [] },
];

// Known misses, each with the reason; revisit when signals or the ruleset change.
const SKIP: Record<string, string> = {
  'phish-0299665cf52a5dd8.eml': 'reply-chain scam: flagged as spam by its words, but no lure phrase, link or auth signal marks it as an attack',
};

const manifest = existsSync(join(CORPUS, 'manifest.jsonl'))
  ? new Map(readFileSync(join(CORPUS, 'manifest.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { path: string; tenant: string; recipient: string }).map((e) => [e.path.replace('messages/', ''), e]))
  : null;

describe.skipIf(!manifest)('golden corpus messages', () => {
  const plan = compileDefaultPlan();
  for (const g of GOLDEN) {
    it.skipIf(g.file in SKIP)(`${g.file} → ${g.verdict}`, async () => {
      const entry = manifest!.get(g.file)!;
      const tenant = findDemoTenant(entry.tenant)!;
      const raw = new Uint8Array(readFileSync(join(CORPUS, 'messages', g.file)));
      const result = await scoreMessage(raw, { tenant, recipient: entry.recipient, sender: null, recipientStats: null }, plan);
      if (!result.ok) throw new Error(result.error.message);
      expect(result.decision.verdict).toBe(g.verdict);
      const fired = result.decision.attribution.flatMap((a) => (a.kind === 'rule' ? [a.ruleId] : []));
      for (const r of g.rules) expect(fired).toContain(r);
      const withEvidence = result.decision.attribution.filter((a) => a.kind === 'rule' && a.evidence.length > 0);
      if (g.rules.length > 0) expect(withEvidence.length).toBeGreaterThan(0);
      if (g.verdict !== 'safe' && g.rules.length === 0) {
        const content = result.decision.attribution.flatMap((a) => (a.kind === 'model' && a.feature === 'message.content_score' ? [a] : []));
        expect(content[0]?.contribution).toBeGreaterThan(0);
        expect(content[0]?.evidence.length).toBeGreaterThan(0);
      }
    });
  }
  it('skip list entries each say why', () => {
    for (const reason of Object.values(SKIP)) expect(reason.length).toBeGreaterThan(10);
  });
});
