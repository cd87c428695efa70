import type { Diagnostic } from '@/lib/engine';
import type { Issue } from '@/lib/errors';

/**
 * Compiler diagnostics as wire issues: a rule's problem at `rules.<ruleId>.expression` with its
 * position; problems of the ruleset as a whole (the engine's `$…` ids: structure, model binding)
 * at `$ruleset`, where a position would mean nothing.
 */
export function diagnosticIssues(diagnostics: readonly Diagnostic[]): Issue[] {
  return diagnostics.map((d) =>
    d.ruleId.startsWith('$')
      ? { path: '$ruleset', message: d.message }
      : { path: `rules.${d.ruleId}.expression`, message: `line ${d.line}, column ${d.column}: ${d.message}` },
  );
}
