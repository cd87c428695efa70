// node --import tsx scripts/signal-stats.ts [CORPUS_DIR]
// Prints, per catalog signal, the share of messages where it is true / non-zero / non-empty for
// each label (phish, spam, ham), plus mean parse and signal time. For choosing rules; not a test.
import { corpusDir } from '../lib/testing/corpus';
import { readFileSync } from 'node:fs';
import { findDemoTenant } from '../lib/demo/tenants';
import { parseMessage } from '../lib/engine/parse';
import { extractSignals, SIGNALS } from '../lib/engine/signals';
import type { ScoringContext, SignalValue } from '../lib/engine/types';
import { readManifest } from './engine/corpus';

const LABELS = ['phish', 'spam', 'ham'] as const;

function fires(v: SignalValue): boolean {
  return v === true || (typeof v === 'number' && v !== 0) || (typeof v === 'string' && v !== '');
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? corpusDir;
  const entries = readManifest(dir);
  const totals: Record<string, number> = { phish: 0, spam: 0, ham: 0 };
  const counts = new Map<string, Record<string, number>>(SIGNALS.map((s) => [s.name, { phish: 0, spam: 0, ham: 0 }]));
  let parseMs = 0;
  let signalMs = 0;
  let failed = 0;
  for (const entry of entries) {
    const raw = readFileSync(entry.path);
    const t0 = performance.now();
    const parsed = await parseMessage(raw);
    const t1 = performance.now();
    parseMs += t1 - t0;
    if (!parsed.ok) {
      failed++;
      continue;
    }
    const tenant = findDemoTenant(entry.tenant) ?? { slug: entry.tenant, domains: [], vips: [] };
    const context: ScoringContext = { tenant, recipient: entry.recipient, sender: null, recipientStats: null };
    const t2 = performance.now();
    const set = extractSignals(parsed.message, context);
    signalMs += performance.now() - t2;
    totals[entry.label]++;
    for (const s of SIGNALS) if (fires(set.values[s.name])) counts.get(s.name)![entry.label]++;
  }
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(d, 1)).toFixed(1)}%`.padStart(7);
  console.log(`${'signal'.padEnd(42)}${LABELS.map((l) => l.padStart(7)).join('')}`);
  for (const s of SIGNALS) {
    const c = counts.get(s.name)!;
    console.log(`${s.name.padEnd(42)}${LABELS.map((l) => pct(c[l], totals[l])).join('')}`);
  }
  const n = entries.length;
  console.log(`\n${n} messages (${LABELS.map((l) => `${l} ${totals[l]}`).join(', ')}), ${failed} failed to parse`);
  console.log(`mean parse ${(parseMs / n).toFixed(3)} ms, mean signals ${(signalMs / Math.max(n - failed, 1)).toFixed(3)} ms`);
}

void main();
