import { evaluate } from '../../lib/engine/decision/evaluate';
import { parseMessage } from '../../lib/engine/parse';
import type { ParseError } from '../../lib/engine/parse';
import type { Plan } from '../../lib/engine/rules/types';
import { extractSignals } from '../../lib/engine/signals';
import type { Attribution, Decision, ParsedMessage, SignalSet } from '../../lib/engine/types';
import { buildContext, type ContextSpec } from './context';

export type PipelineResult =
  | { ok: true; message: ParsedMessage; signals: SignalSet; decision: Decision }
  | { ok: false; error: ParseError | { code: 'internal'; message: string } };

/** parse → context → signals → decision; a thrown bug becomes an `internal` error value so batches go on. */
export async function runPipeline(raw: Uint8Array, spec: ContextSpec, plan: Plan): Promise<PipelineResult> {
  try {
    const parsed = await parseMessage(raw);
    if (!parsed.ok) return { ok: false, error: parsed.error };
    const signals = extractSignals(parsed.message, buildContext(spec, parsed.message));
    return { ok: true, message: parsed.message, signals, decision: evaluate(plan, signals) };
  } catch (error) {
    return { ok: false, error: { code: 'internal', message: (error as Error)?.message ?? String(error) } };
  }
}

/** The short form of an attribution used in CLI output. */
export function summarizeAttribution(a: Attribution): { kind: string; id: string; contribution: number } {
  const id = a.kind === 'rule' ? a.ruleId : a.kind === 'model' ? a.feature : a.correctionId;
  return { kind: a.kind, id, contribution: round(a.contribution) };
}

/** Rounds to 3 decimals for output. */
export function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
