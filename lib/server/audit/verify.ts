import 'server-only';
import type { PrismaClient } from '@/lib/db';
import { GENESIS_HASH, hashAuditRow, type AuditContent } from './hash';

export type ChainProblem = 'content_edited' | 'row_missing' | 'link_broken';

export type ChainBreak = {
  /** The first row that fails. */
  id: string;
  problem: ChainProblem;
  /** One sentence naming what differs. */
  detail: string;
};

export type ChainReport =
  | { intact: true; rows: number; tailHash: string | null; seconds: number }
  | { intact: false; rows: number; broken: ChainBreak; seconds: number };

type StoredRow = AuditContent & { hash: string };

const DEFAULT_BATCH = 5_000;

/**
 * Walks audit_log in id order in keyset batches (constant memory, so millions of rows are fine),
 * recomputes every hash and checks every link; stops at the first broken row.
 *
 * Id gaps are normal (a rolled-back transaction consumed a sequence value), so a missing row is
 * found by its successor's prev_hash, never by the ids. Without a secret key the chain cannot stop
 * someone who rewrites a row *and every row after it*; `tailHash` is printed so it can be noted
 * elsewhere and compared later (docs in README.md).
 */
export async function verifyAuditChain(client: PrismaClient, options: { batchSize?: number; onProgress?: (rows: number) => void } = {}): Promise<ChainReport> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  let expectedPrev = GENESIS_HASH;
  let previousId: bigint | null = null;
  let rows = 0;
  for (;;) {
    const batch = await readBatch(client, previousId, batchSize);
    for (const row of batch) {
      const problem = await checkRow(client, row, expectedPrev, previousId);
      if (problem) return { intact: false, rows, broken: problem, seconds: seconds() };
      expectedPrev = row.hash;
      previousId = row.id;
      rows++;
    }
    options.onProgress?.(rows);
    if (batch.length < batchSize) break;
  }
  return { intact: true, rows, tailHash: rows ? expectedPrev : null, seconds: seconds() };
}

async function readBatch(client: PrismaClient, afterId: bigint | null, limit: number): Promise<StoredRow[]> {
  return client.$queryRaw<StoredRow[]>`
    SELECT id, at, actor_id::text AS "actorId", actor_email AS "actorEmail", action, entity, entity_id AS "entityId",
           tenant_id::text AS "tenantId", data, prev_hash AS "prevHash", hash
    FROM audit_log
    WHERE id > ${afterId ?? -1n}
    ORDER BY id
    LIMIT ${limit}`;
}

async function checkRow(client: PrismaClient, row: StoredRow, expectedPrev: string, previousId: bigint | null): Promise<ChainBreak | null> {
  const id = row.id.toString();
  const recomputed = hashAuditRow(row);
  if (recomputed !== row.hash) {
    return { id, problem: 'content_edited', detail: `row ${id} was changed after it was written: its content hashes to ${short(recomputed)}, the stored hash is ${short(row.hash)}` };
  }
  if (row.prevHash === expectedPrev) return null;
  const after = previousId === null ? 'the start of the log' : `row ${previousId}`;
  // Only on failure: which row, if any, the stored link points at.
  const [target] = await client.$queryRaw<{ id: bigint }[]>`SELECT id FROM audit_log WHERE hash = ${row.prevHash} LIMIT 1`;
  if (!target) {
    return { id, problem: 'row_missing', detail: `row ${id} follows a row that is no longer in the log: its prev_hash ${short(row.prevHash)} matches no row, expected ${short(expectedPrev)} from ${after} (a row was deleted, or ${after} was rewritten and re-hashed)` };
  }
  return { id, problem: 'link_broken', detail: `row ${id} links to row ${target.id} instead of ${after}: prev_hash ${short(row.prevHash)}, expected ${short(expectedPrev)} (rows reordered or prev_hash forged)` };
}

const short = (hash: string) => hash.slice(0, 12);
