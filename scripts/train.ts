// npm run train -- [CORPUS_DIR] [--folds 5] [--seed N] [--epochs N] [--max-fp 0.002] [--cache FILE] [--out FILE] [--content-out FILE]
// Trains the content model (words of subject and body) and the linear model on the labelled
// corpus with k-fold cross-validation, reports per-fold recall / false positives (thresholds
// chosen on the other folds), and writes both weight files.
// Deterministic: same corpus and options → byte-identical output.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_CONTENT_OPTIONS, trainContentModel, type TrainingDocument } from '../lib/engine/content/train';
import { encodeContentModel } from '../lib/engine/content/stored';
import { assignFolds } from '../lib/engine/model/rng';
import { buildRows, DEFAULT_TRAIN_OPTIONS, selectFeatures, toModelWeights, trainHeads, type Label } from '../lib/engine/model/train-model';
import { SIGNALS } from '../lib/engine/signals';
import type { PackedSignals } from '../lib/engine/rules/types';
import { optionString, parseArgs } from './engine/args';
import { chooseContentBoost, outOfFoldContentScores } from './engine/content-folds';
import { formatContentModel } from './engine/content-model-file';
import { readManifest } from './engine/corpus';
import { loadCorpusSignals } from './engine/corpus-signals';
import { loadCorpusTokens } from './engine/corpus-tokens';
import { chooseThreshold, crossValidate, total, type Scored } from './engine/cross-validate';
import { pct } from './engine/metrics';
import { DEFAULT_CONTENT_MODEL_PATH, DEFAULT_MODEL_PATH } from './engine/paths';
import { loadPlan } from './engine/plan';

const MODEL_ID = 'triage-linear-v2';
const CONTENT_MODEL_ID = 'triage-content-v2';
// One content head per malicious label, each trained against ham only.
const CONTENT_HEADS: Label[] = ['spam', 'phish'];
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const dir = resolve(args.positionals[0] ?? resolve(import.meta.dirname, '../../shared/corpus'));
  const k = Number(optionString(args, 'folds', String(DEFAULT_TRAIN_OPTIONS.folds)));
  const seed = Number(optionString(args, 'seed', String(DEFAULT_TRAIN_OPTIONS.seed)));
  const maxFp = Number(optionString(args, 'max-fp', '0.002'));
  const opts = { ...DEFAULT_TRAIN_OPTIONS, epochs: Number(optionString(args, 'epochs', String(DEFAULT_TRAIN_OPTIONS.epochs))) };
  const outPath = optionString(args, 'out', DEFAULT_MODEL_PATH);
  const contentOutPath = optionString(args, 'content-out', DEFAULT_CONTENT_MODEL_PATH);

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
  const tokens = await loadCorpusTokens(entries);
  const examples: { packed: PackedSignals; label: Label; source: string; doc: TrainingDocument }[] = [];
  entries.forEach((e, i) => {
    const p = packed[i];
    if (p) examples.push({ packed: { num: Float64Array.from(p.num), str: p.str }, label: e.label, source: e.source, doc: tokens[i] ?? { tokens: [], length: 0 } });
  });

  const features = selectFeatures(SIGNALS, plan.layout);
  const folds = assignFolds(examples.map((e) => e.label), k, seed);
  // The extracted content_score came from the shipped content model, which saw these messages:
  // replace it with out-of-fold scores before the main model learns how far to trust it.
  log(`train: content model, ${k} folds`);
  const docs = examples.map((e) => e.doc);
  const labels = examples.map((e) => e.label);
  const contentSlot = plan.layout.slots.get('message.content_score')!.index;
  const oof = outOfFoldContentScores(docs, labels, CONTENT_HEADS, folds, k, DEFAULT_CONTENT_OPTIONS, log);
  examples.forEach((e, i) => (e.packed.num[contentSlot] = oof[i]));
  log(`train: ${features.length} features; cross-validating`);
  const crossValidated = crossValidate(examples, folds, k, features, plan, opts, log);

  const scale = Number(optionString(args, 'scale', '12'));
  const boost = chooseContentBoost(crossValidated, oof, k, scale, maxFp);
  log(`train: content boost ${boost} points per unit of content score`);
  const scored = crossValidated.map((s, i) => ({ ...s, malicious: s.malicious + (boost / scale) * oof[i] }));
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
  heads.malicious.weights[features.findIndex((f) => f.signal === 'message.content_score')] += boost / scale;
  const weights = toModelWeights(MODEL_ID, heads, features, { examples: examples.length, folds: k, seed, epochs: opts.epochs, l2: opts.l2 });
  writeFileSync(outPath, `${JSON.stringify(weights, null, 2)}\n`);
  log(`train: wrote ${outPath}`);
  const content = trainContentModel(CONTENT_MODEL_ID, docs, labels, CONTENT_HEADS, DEFAULT_CONTENT_OPTIONS);
  content.training = { examples: docs.length, epochs: DEFAULT_CONTENT_OPTIONS.epochs, l2: DEFAULT_CONTENT_OPTIONS.l2, minDocuments: DEFAULT_CONTENT_OPTIONS.minDocuments };
  writeFileSync(contentOutPath, formatContentModel(encodeContentModel(content)));
  log(`train: wrote ${contentOutPath} (${Object.keys(content.weights).length} tokens)`);
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
