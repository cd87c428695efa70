import type { Diagnostic, RulesetSource } from '../types';

const CATEGORIES = new Set(['attack', 'spam', 'graymail']);

/** Structural checks on a ruleset file before any expression is parsed (ids, categories, numbers). */
export function checkSource(source: RulesetSource): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (ruleId: string, message: string) => out.push({ ruleId, message, line: 1, column: 1 });
  if (typeof source?.version !== 'string' || source.version === '') at('$ruleset', 'version must be a non-empty string');
  const t = source?.thresholds;
  if (!t || ![t.attack, t.spam, t.graymail].every((v) => typeof v === 'number' && Number.isFinite(v))) {
    at('$ruleset', 'thresholds.attack, .spam and .graymail must be finite numbers');
  }
  if (!Array.isArray(source?.rules)) {
    at('$ruleset', 'rules must be an array');
    return out;
  }
  const seen = new Set<string>();
  for (const [i, rule] of source.rules.entries()) {
    const id = typeof rule?.id === 'string' && rule.id !== '' ? rule.id : `$rules[${i}]`;
    if (id.startsWith('$')) at(id, 'rule id must be a non-empty string not starting with $');
    if (seen.has(id)) at(id, 'duplicate rule id');
    seen.add(id);
    if (typeof rule.expression !== 'string') at(id, 'expression must be a string');
    if (typeof rule.score !== 'number' || !Number.isFinite(rule.score)) at(id, 'score must be a finite number');
    if (!CATEGORIES.has(rule.category)) at(id, "category must be 'attack', 'spam' or 'graymail'");
    if (typeof rule.enabled !== 'boolean') at(id, 'enabled must be a boolean');
  }
  return out;
}
