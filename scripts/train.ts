// npm run train -- [CORPUS_DIR] [--folds 5] [--seed N] [--epochs N] [--max-fp 0.002] [--cache FILE] [--out FILE]
// Trains the linear model on the labelled corpus with k-fold cross-validation, reports per-fold
// recall / false positives (thresholds chosen on the other folds), and writes the weights JSON.
// Deterministic: same corpus and options → byte-identical output.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { assignFolds } from '../lib/engine/model/rng';
import { buildRows, DEFAULT_TRAIN_OPTIONS, selectFeatures, toModelWeights, trainHeads, type Label } from '../lib/engine/model/train-model';
import { SIGNALS } from '../lib/engine/signals';
import type { PackedSignals } from '../lib/engine/rules/types';
import { optionString, parseArgs } from './engine/args';
import { readManifest } from './engine/corpus';
import { loadCorpusSignals } from './engine/corpus-signals';
import { chooseThreshold, crossValidate, total, type Scored } from './engine/cross-validate';
import { pct } from './engine/metrics';
import { DEFAULT_MODEL_PATH, loadPlan } from './engine/plan';

const MODEL_ID = 'triage-linear-v1';
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const dir = resolve(args.positionals[0] ?? resolve(import.meta.dirname, '../../shared/corpus'));
  const k = Number(optionString(args, 'folds', String(DEFAULT_TRAIN_OPTIONS.folds)));
  const seed = Number(optionString(args, 'seed', String(DEFAULT_TRAIN_OPTIONS.seed)));
  const maxFp = Number(optionString(args, 'max-fp', '0.002'));
  const opts = { ...DEFAULT_TRAIN_OPTIONS, epochs: Number(optionString(args, 'epochs', String(DEFAULT_TRAIN_OPTIONS.epochs))) };
  const outPath = optionString(args, 'out', DEFAULT_MODEL_PATH);

  // Rules come from the shipped ruleset; the model part of the plan is not used here.
  const compiled = loadPlan(optionString(args, 'ruleset'), undefined, { withoutModel: true });
  if (!compiled.ok) {
    for (const d of compiled.diagnostics) log(`${d.ruleId}:${d.line}:${d.column}: ${d.message}`);
    return 2;
  }
  const plan = compiled.plan;
  const entries = readManifest(dir);
  log(`train: ${entries.length} messages from ${dir}, ${k} folds, seed ${seed}`);
  const { packed, errors } = await loadCorpusSignals(entries, plan.layout, { cachePath: optionString(args, 'cache') });
  if (errors.length > 0) log(`train: ${errors.length} messages could not be parsed and are left out`);
  const examples: { packed: PackedSignals; label: Label; source: string }[] = [];
  entries.forEach((e, i) => {
    const p = packed[i];
    if (p) examples.push({ packed: p, label: e.label, source: e.source });
  });

  const features = selectFeatures(SIGNALS, plan.layout);
  const folds = assignFolds(examples.map((e) => e.label), k, seed);
  log(`train: ${features.length} features; cross-validating`);
  const scored = crossValidate(examples, folds, k, features, plan, opts, log);

  const scale = Number(optionString(args, 'scale', '12'));
  reportFolds(scored, k, scale, maxFp);
  for (const s of [1, 2, 3, 4, 6, 8, 12]) {
    const t = chooseThreshold(scored, s, maxFp);
    log(`  scale ${s}: threshold ${t} → ${describe(scored, s, t)}`);
  }
  log(`  rules only: threshold ${chooseThreshold(scored, 0, maxFp)} → ${describe(scored, 0, chooseThreshold(scored, 0, maxFp))}`);
  log(`  suggested thresholds for scale ${scale} (on all out-of-fold scores): attack=spam=${chooseThreshold(scored, scale, maxFp)}`);
  log(`  with the ruleset's thresholds (${plan.thresholds.attack}/${plan.thresholds.spam}): ${describe(scored, scale, plan.thresholds.spam)}`);

  const rows = buildRows(examples, features);
  const heads = trainHeads(rows, examples.map((e) => e.label), features.length, opts);
  const weights = toModelWeights(MODEL_ID, heads, features, { examples: examples.length, folds: k, seed, epochs: opts.epochs, l2: opts.l2 });
  writeFileSync(outPath, `${JSON.stringify(weights, null, 2)}\n`);
  log(`train: wrote ${outPath}`);
  return 0;
}

function reportFolds(scored: Scored[], k: number, scale: number, maxFp: number) {
  const totals = { phish: [0, 0], spam: [0, 0], ham: [0, 0] };
  for (let f = 0; f < k; f++) {
    // Threshold from the other folds only: the held-out fold never tunes its own cut-off.
    const t = chooseThreshold(scored.filter((s) => s.fold !== f), scale, maxFp);
    const held = scored.filter((s) => s.fold === f);
    const counts = count(held, scale, t);
    for (const l of ['phish', 'spam', 'ham'] as const) {
      totals[l][0] += counts[l][0];
      totals[l][1] += counts[l][1];
    }
    process.stdout.write(`${JSON.stringify({ kind: 'fold', fold: f + 1, threshold: t, phishRecall: ratio(counts.phish), spamRecall: ratio(counts.spam), hamFalsePositiveRate: ratio(counts.ham), hamFlagged: counts.ham[0], ham: counts.ham[1] })}\n`);
    log(`  fold ${f + 1}: threshold ${t}  phish ${pct(ratio(counts.phish))}  spam ${pct(ratio(counts.spam))}  ham FP ${pct(ratio(counts.ham))} (${counts.ham[0]}/${counts.ham[1]})`);
  }
  const bySource = new Map<string, [number, number]>();
  for (let f = 0; f < k; f++) {
    const t = chooseThreshold(scored.filter((s) => s.fold !== f), scale, maxFp);
    for (const s of scored.filter((x) => x.fold === f)) {
      const key = `${s.source}/${s.label}`;
      const c = bySource.get(key) ?? [0, 0];
      c[0] += total(s, scale) >= t ? 1 : 0;
      c[1]++;
      bySource.set(key, c);
    }
  }
  process.stdout.write(`${JSON.stringify({ kind: 'cross_validated', scale, phishRecall: ratio(totals.phish), spamRecall: ratio(totals.spam), hamFalsePositiveRate: ratio(totals.ham), bySource: Object.fromEntries([...bySource].map(([key, c]) => [key, ratio(c)])) })}\n`);
  log(`  cross-validated (scale ${scale}): phish ${pct(ratio(totals.phish))}  spam ${pct(ratio(totals.spam))}  ham FP ${pct(ratio(totals.ham))} (${totals.ham[0]}/${totals.ham[1]})`);
  for (const [key, c] of [...bySource].sort()) log(`    ${key.padEnd(24)} ${pct(ratio(c))} (${c[0]}/${c[1]})`);
}

function count(scored: Scored[], scale: number, threshold: number) {
  const c = { phish: [0, 0], spam: [0, 0], ham: [0, 0] } as Record<Label, [number, number]>;
  for (const s of scored) {
    c[s.label][1]++;
    if (total(s, scale) >= threshold) c[s.label][0]++;
  }
  return c;
}

function describe(scored: Scored[], scale: number, threshold: number): string {
  const c = count(scored, scale, threshold);
  return `phish ${pct(ratio(c.phish))}  spam ${pct(ratio(c.spam))}  ham FP ${pct(ratio(c.ham))} (${c.ham[0]})`;
}

function ratio([a, b]: [number, number] | number[]): number {
  return b > 0 ? a / b : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`train: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
