import { parseMessage } from '../parse';
import type { ParseError } from '../parse';
import { extractSignals } from '../signals';
import type { Correction, Decision, ParsedMessage, ScoringContext, SignalSet } from '../types';
import type { Plan } from '../rules/types';
import { evaluate } from './evaluate';
import { identifyMessage } from './identity';

export type ScoreResult =
  | { ok: true; decision: Decision; signals: SignalSet; message: ParsedMessage }
  | { ok: false; error: ParseError };

/** Parse → extract → evaluate for one raw message; a message that cannot be parsed is an error value. */
export async function scoreMessage(
  raw: Uint8Array,
  context: ScoringContext,
  plan: Plan,
  options: { corrections?: readonly Correction[] } = {},
): Promise<ScoreResult> {
  const parsed = await parseMessage(raw);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const signals = extractSignals(parsed.message, context);
  const decision = evaluate(plan, signals, { corrections: options.corrections, identity: identifyMessage(parsed.message) });
  return { ok: true, decision, signals, message: parsed.message };
}
