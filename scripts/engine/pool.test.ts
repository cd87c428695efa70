import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ScoreLine } from './handlers';
import { runPool } from './pool';

const root = mkdtempSync(join(tmpdir(), 'triage-pool-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// Messages of different sizes, so the threads finish their batches out of order.
const jobs = Array.from({ length: 60 }, (_, i) => {
  const path = join(root, `m${String(i).padStart(2, '0')}.eml`);
  const body = 'Quarterly figures attached, see the summary below.\n'.repeat(1 + ((i * 37) % 400));
  writeFileSync(path, `From: a${i}@example.com\nTo: b@example.org\nSubject: Report ${i}\nMessage-ID: <m${i}@example.com>\n\n${body}`);
  return { path };
});

async function score(workers: number, mainThread = true): Promise<{ indices: number[]; ids: unknown[]; done: number }> {
  const indices: number[] = [];
  const ids: unknown[] = [];
  let done = 0;
  await runPool<ScoreLine[]>({
    init: { mode: 'score' },
    jobs,
    workers,
    mainThread,
    batchSize: 3,
    onResult: (index, lines) => {
      indices.push(index);
      ids.push(lines[0].messageId);
    },
    onProgress: (n) => {
      done = n;
    },
  });
  return { indices, ids, done };
}

describe('runPool', () => {
  it('delivers every job once, in job order, with worker threads as without them', async () => {
    const inline = await score(0);
    expect(inline.ids).toEqual(jobs.map((_, i) => `<m${i}@example.com>`));
    // Two workers claiming from one counter while this thread only collects; then one worker and this thread.
    for (const pooled of [await score(2, false), await score(1)]) {
      expect(pooled.indices).toEqual(jobs.map((_, i) => i));
      expect(pooled.done).toBe(jobs.length);
      expect(pooled).toEqual(inline);
    }
  }, 60_000);
});
