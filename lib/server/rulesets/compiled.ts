import 'server-only';
import { compileRuleset, DEFAULT_MODEL, SIGNALS, type CompileResult, type Diagnostic, type RulesetSource } from '@/lib/engine';

// Stored versions compile against this build's signal catalog and model weights. Each is compiled
// once per process, keyed by version and the digest of its stored source (so two databases that
// both hold a "2026.11.4", as tests do, never share a plan). On globalThis, not module scope: Next
// may load this module more than once in one process.

type Key = { version: string; digest: string };
const shared = globalThis as unknown as { triageRulesetPlans?: Map<string, CompileResult> };
const compiledByKey = (shared.triageRulesetPlans ??= new Map());

/** Compiles a ruleset exactly as scoring will: the shipped catalog and model weights. */
export function compileSource(source: RulesetSource): CompileResult {
  return compileRuleset(source, SIGNALS, DEFAULT_MODEL);
}

/**
 * The plan of a stored version, compiled on first use (`load` fetches its source then). A version
 * that no longer compiles (the catalog or model changed under it) is logged once and remembered
 * as its diagnostics: callers fall back to the shipped ruleset rather than stop scoring.
 */
export async function compileStored(key: Key, load: () => Promise<RulesetSource>): Promise<CompileResult> {
  const id = `${key.version}:${key.digest}`;
  const cached = compiledByKey.get(id);
  if (cached) return cached;
  const result = compileSource(await load());
  if (!result.ok) console.error(`[triage] published ruleset ${key.version} no longer compiles; scoring with the shipped ruleset instead:`, describeDiagnostics(result.diagnostics));
  compiledByKey.set(id, result);
  return result;
}

/** "rule: line L, column C: message; …" for logs and the stale-version notice. */
export function describeDiagnostics(diagnostics: readonly Diagnostic[], limit = 3): string {
  const shown = diagnostics.slice(0, limit).map((d) => (d.ruleId.startsWith('$') ? d.message : `${d.ruleId}: line ${d.line}, column ${d.column}: ${d.message}`));
  return shown.join('; ') + (diagnostics.length > limit ? `; and ${diagnostics.length - limit} more` : '');
}
