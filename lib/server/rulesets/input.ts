import { z } from 'zod';

// A ruleset draft as the sandbox edits it and publish stores it. Plain zod, no server imports, so
// client components can use it. Shape only: whether expressions type-check is the engine's call
// (compileRuleset), answered as positioned diagnostics rather than zod issues.

export const RULE_CATEGORIES = ['attack', 'spam', 'graymail'] as const;

/** Rule ids are referenced by corrections (rule_sender / rule_domain scopes) and stored fired lists. */
export const ruleIdPattern = /^[a-z][a-z0-9_]{1,79}$/;

export const ruleDraft = z.object({
  id: z.string().regex(ruleIdPattern, 'Use 2–80 lower-case letters, digits or _, starting with a letter'),
  title: z.string().trim().min(1, 'Give the rule a title').max(200),
  description: z.string().trim().max(2000).default(''),
  expression: z.string().max(4000, 'Keep expressions under 4,000 characters'),
  // Attack scores reach the hundreds (the model's share), so a rule meant to outweigh it needs room.
  score: z.number({ error: 'Enter a number of points' }).min(-1000, 'At least −1,000').max(1000, 'At most 1,000'),
  category: z.enum(RULE_CATEGORIES),
  enabled: z.boolean(),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
});

export const rulesetDraft = z
  .object({
    // Ordered, or a verdict becomes unreachable (graymail above spam would never be chosen).
    thresholds: z
      .object({ attack: z.number({ error: 'Enter a number' }), spam: z.number({ error: 'Enter a number' }), graymail: z.number({ error: 'Enter a number' }) })
      .superRefine((t, ctx) => {
        if (t.spam > t.attack) ctx.addIssue({ code: 'custom', path: ['spam'], message: 'Spam must not be above attack' });
        if (t.graymail > t.spam) ctx.addIssue({ code: 'custom', path: ['graymail'], message: 'Graymail must not be above spam' });
      }),
    rules: z.array(ruleDraft).min(1, 'A ruleset needs at least one rule').max(500),
  })
  .superRefine((d, ctx) => {
    const seen = new Set<string>();
    d.rules.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `Rule id ${r.id} is used twice` });
      seen.add(r.id);
    });
  });

export type RuleDraft = z.infer<typeof ruleDraft>;
export type RulesetDraft = z.input<typeof rulesetDraft>;
