import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { PackedSignals, SignalLayout } from '../../lib/engine/rules/types';
import type { ManifestEntry } from './corpus';
import type { EvaluatedMessage } from './handlers';
import { runPool } from './pool';

export type CorpusSignals = { packed: (PackedSignals | null)[]; errors: { path: string; code: string; message: string }[]; ms: number[] };

/**
 * Parses and extracts every manifest message (worker threads) into packed signals. With `cachePath`,
 * reuses a cache written for the same catalog layout: a development aid for tuning rules, which
 * must be deleted whenever parsing or signal extraction changes.
 */
export async function loadCorpusSignals(entries: readonly ManifestEntry[], layout: SignalLayout, options: { cachePath?: string; workers?: number } = {}): Promise<CorpusSignals> {
  const { cachePath } = options;
  if (cachePath && existsSync(cachePath)) {
    const cached = JSON.parse(readFileSync(cachePath, 'utf8')) as { layoutKey: string; paths: string[]; num: (number[] | null)[]; str: (string[] | null)[] };
    if (cached.layoutKey === layout.key && cached.paths.length === entries.length && cached.paths.every((p, i) => p === entries[i].path)) {
      process.stderr.write(`signals: using cache ${cachePath}\n`);
      return {
        packed: cached.num.map((n, i) => (n ? { num: Float64Array.from(n), str: cached.str[i]! } : null)),
        errors: [],
        ms: [],
      };
    }
    process.stderr.write(`signals: cache ${cachePath} is stale, re-extracting\n`);
  }
  const packed: (PackedSignals | null)[] = new Array(entries.length).fill(null);
  const errors: CorpusSignals['errors'] = [];
  const ms: number[] = [];
  let lastReport = 0;
  await runPool<EvaluatedMessage>({
    init: { mode: 'extract' },
    jobs: entries.map((e) => ({ path: e.path, tenant: e.tenant, recipient: e.recipient })),
    workers: options.workers,
    onResult: (i, r) => {
      if (r.ms !== undefined) ms.push(r.ms);
      if (r.ok && r.num && r.str) packed[i] = { num: r.num, str: r.str };
      else errors.push({ path: entries[i].path, code: r.error?.code ?? 'unknown', message: r.error?.message ?? '' });
    },
    onProgress: (done, total) => {
      if (done - lastReport >= 500 || done === total) {
        lastReport = done;
        process.stderr.write(`signals: ${done}/${total}\n`);
      }
    },
  });
  if (cachePath) {
    const data = { layoutKey: layout.key, paths: entries.map((e) => e.path), num: packed.map((p) => (p ? Array.from(p.num) : null)), str: packed.map((p) => (p ? p.str : null)) };
    writeFileSync(cachePath, JSON.stringify(data));
  }
  return { packed, errors, ms };
}
