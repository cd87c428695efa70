// npm run eval -- [DIR] [--ruleset FILE] [--model FILE] [--rules] [--cache FILE]
// Scores DIR/manifest.jsonl (corpus format) and prints, as JSON lines on stdout: recall per label,
// false-positive rate on ham, the same per source, per-rule firing counts (--rules) and every
// flagged ham message with its top reasons. A readable table goes to stderr.
import { resolve } from 'node:path';
import { evaluate } from '../lib/engine/decision/evaluate';
import { optionString, parseArgs } from './engine/args';
import { readManifest } from './engine/corpus';
import { loadCorpusSignals } from './engine/corpus-signals';
import { pct, summarize, type Outcome } from './engine/metrics';
import { round, summarizeAttribution } from './engine/pipeline';
import { loadPlan } from './engine/plan';

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2), ['rules']);
  const dir = resolve(args.positionals[0] ?? resolve(import.meta.dirname, '../../shared/corpus'));
  const compiled = loadPlan(optionString(args, 'ruleset'), optionString(args, 'model'));
  if (!compiled.ok) {
    for (const d of compiled.diagnostics) process.stderr.write(`${d.ruleId}:${d.line}:${d.column}: ${d.message}\n`);
    return 2;
  }
  const plan = compiled.plan;
  const entries = readManifest(dir);
  const { packed } = await loadCorpusSignals(entries, plan.layout, { cachePath: optionString(args, 'cache') });
  const outcomes: Outcome[] = [];
  const ruleCounts = new Map(plan.rules.map((r) => [r.id, { phish: 0, spam: 0, ham: 0 }]));
  const emit = (o: unknown) => process.stdout.write(`${JSON.stringify(o)}\n`);
  entries.forEach((entry, i) => {
    const p = packed[i];
    if (!p) {
      outcomes.push({ label: entry.label, source: entry.source, verdict: 'error', flagged: false });
      return;
    }
    const d = evaluate(plan, p);
    outcomes.push({ label: entry.label, source: entry.source, verdict: d.verdict, flagged: d.flagged });
    for (const a of d.attribution) if (a.kind === 'rule') ruleCounts.get(a.ruleId)![entry.label]++;
    if (entry.label === 'ham' && d.flagged) {
      emit({ kind: 'false_positive', path: entry.path, source: entry.source, verdict: d.verdict, score: round(d.score), top: d.attribution.slice(0, 6).map(summarizeAttribution) });
    }
  });
  const byLabel = summarize(outcomes, (o) => o.label);
  const bySource = summarize(outcomes, (o) => `${o.source}/${o.label}`);
  for (const [label, r] of byLabel) emit({ kind: 'label', label, metric: label === 'ham' ? 'false_positive_rate' : 'recall', ...r });
  for (const [group, r] of bySource) {
    const [source, label] = group.split('/');
    emit({ kind: 'source', source, label, metric: label === 'ham' ? 'false_positive_rate' : 'recall', ...r });
  }
  if (args.options.has('rules')) for (const [id, c] of ruleCounts) emit({ kind: 'rule', id, ...c });
  process.stderr.write(`\nruleset ${plan.version}, ${plan.rules.length} rules, ${entries.length} messages from ${dir}\n`);
  for (const [group, r] of [...byLabel, ...bySource]) {
    const what = group.endsWith('ham') ? 'flagged (FP)' : 'recall';
    process.stderr.write(`  ${group.padEnd(24)} ${String(r.messages).padStart(5)}  ${what.padEnd(12)} ${pct(r.rate).padStart(8)}  (${r.flagged}; attack ${r.attack}, spam ${r.spam}, errors ${r.errors})\n`);
  }
  process.stderr.write('  note: the shipped model was trained on this corpus; `npm run train` reports cross-validated figures.\n');
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`eval: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
