import { packSignals } from '../../lib/engine/rules/layout';
import type { Plan } from '../../lib/engine/rules/types';
import { findDemoTenant } from '../../lib/demo/tenants';
import { isMbox, readBytes, splitMbox } from './inputs';
import { round, runPipeline, summarizeAttribution } from './pipeline';
import { loadPlan } from './plan';

// Work a CLI hands to a worker thread (or runs in-process): one job per file.

export type HandlerInit = { mode: 'score' | 'evaluate' | 'extract'; rulesetPath?: string; modelPath?: string; tenant?: string };
export type Job = { path: string; tenant?: string; recipient?: string };
export type ScoreLine = Record<string, unknown>;
export type EvaluatedMessage = {
  ok: boolean;
  error?: { code: string; message: string };
  verdict?: string;
  flagged?: boolean;
  score?: number;
  fired?: string[];
  top?: { kind: string; id: string; contribution: number }[];
  num?: Float64Array;
  str?: string[];
  ms?: number;
};

/**
 * Builds the per-job function for a mode; the plan is compiled once per thread (`plan`: already
 * compiled from init's files). Run one job at a time per thread: each reads its file into the
 * thread's reused buffer (see readBytes).
 */
export function createHandler(init: HandlerInit, plan: Plan = compilePlan(init)): (job: Job) => Promise<ScoreLine[] | EvaluatedMessage> {
  if (init.mode === 'score') return (job) => scoreFile(job, init.tenant, plan);
  return (job) => evaluateFile(job, plan, init.mode === 'extract');
}

function compilePlan(init: HandlerInit): Plan {
  const compiled = loadPlan(init.rulesetPath, init.modelPath);
  if (!compiled.ok) throw new Error(`ruleset does not compile: ${JSON.stringify(compiled.diagnostics)}`);
  return compiled.plan;
}

async function scoreFile(job: Job, tenantSlug: string | undefined, plan: Plan): Promise<ScoreLine[]> {
  let raw: Uint8Array;
  try {
    raw = readBytes(job.path);
  } catch (error) {
    return [{ path: job.path, error: { code: 'unreadable', message: (error as Error).message } }];
  }
  const tenant = tenantSlug ? (findDemoTenant(tenantSlug) ?? null) : null;
  // .eml files are single messages even when they start with an mbox-style "From " envelope line.
  const parts = !job.path.toLowerCase().endsWith('.eml') && isMbox(raw) ? splitMbox(raw).map((bytes, i) => ({ path: `${job.path}#${i + 1}`, bytes })) : [{ path: job.path, bytes: raw }];
  const lines: ScoreLine[] = [];
  for (const part of parts) {
    const r = await runPipeline(part.bytes, { tenant, recipient: null }, plan);
    if (!r.ok) {
      lines.push({ path: part.path, error: r.error });
      continue;
    }
    const d = r.decision;
    lines.push({
      path: part.path,
      messageId: r.message.messageId,
      verdict: d.verdict,
      flagged: d.flagged,
      score: round(d.score),
      action: d.action,
      fired: d.attribution.flatMap((a) => (a.kind === 'rule' ? [a.ruleId] : [])),
      top: d.attribution.slice(0, 5).map(summarizeAttribution),
    });
  }
  return lines;
}

async function evaluateFile(job: Job, plan: Plan, withSignals: boolean): Promise<EvaluatedMessage> {
  const started = performance.now();
  let raw: Uint8Array;
  try {
    raw = readBytes(job.path);
  } catch (error) {
    return { ok: false, error: { code: 'unreadable', message: (error as Error).message } };
  }
  const tenant = job.tenant ? (findDemoTenant(job.tenant) ?? null) : null;
  const r = await runPipeline(raw, { tenant, recipient: job.recipient ?? null }, plan);
  const ms = performance.now() - started;
  if (!r.ok) return { ok: false, error: r.error, ms };
  const d = r.decision;
  const packed = withSignals ? packSignals(plan.layout, r.signals) : null;
  return {
    ok: true,
    verdict: d.verdict,
    flagged: d.flagged,
    score: d.score,
    fired: d.attribution.flatMap((a) => (a.kind === 'rule' ? [a.ruleId] : [])),
    top: d.attribution.slice(0, 5).map(summarizeAttribution),
    ...(packed ? { num: packed.num, str: packed.str } : {}),
    ms,
  };
}
