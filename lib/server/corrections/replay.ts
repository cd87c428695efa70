import 'server-only';
import { evaluate, readPacked, type Correction, type Decision, type Plan } from '@/lib/engine';
import { identityOf, type Candidate } from './candidates';

// Replays stored messages through the engine with a given set of corrections. Preview and
// re-score runs both use it, so "would release" and "did release" come from the same evaluator.

/** Whether From authenticated (the stored message.auth_aligned signal). */
export function authAlignedOf(plan: Plan, c: Candidate): boolean {
  if (c.signals) return c.signals.values['message.auth_aligned'] === true;
  return c.layoutKey === plan.layout.key && readPacked(plan.layout, c.packed, 'message.auth_aligned') === true;
}

/**
 * Re-evaluates one stored message. Packed signals are used when their layout is the plan's;
 * otherwise (catalog changed since ingest) the stored SignalSet is, which the caller must have
 * loaded — without either there is nothing faithful to score, and null is returned.
 */
export function replayMessage(plan: Plan, c: Candidate, corrections: readonly Correction[]): Decision | null {
  const identity = identityOf(c, authAlignedOf(plan, c));
  if (c.signals) return evaluate(plan, c.signals, { corrections, identity });
  if (c.layoutKey !== plan.layout.key) return null;
  return evaluate(plan, c.packed, { corrections, identity });
}

/** True when the decision carries an attribution from correction `id` (it applied). */
export function appliedBy(decision: Decision, id: string): boolean {
  return decision.attribution.some((a) => a.kind === 'correction' && a.correctionId === id);
}

/** Malicious by ground truth (phish/spam label) or by the engine (attack verdict). */
export function isMalicious(c: Candidate, before: Decision | null): boolean {
  return c.label === 'phish' || c.label === 'spam' || c.verdict === 'attack' || before?.verdict === 'attack';
}
