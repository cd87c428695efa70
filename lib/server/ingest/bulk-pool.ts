import 'server-only';
import pg from 'pg';

// The bulk paths (CLI, seed, db:generate) write ~100 MB of raw mail per corpus. Their sessions
// TOAST-compress with lz4 instead of the server default pglz: on the corpus pglz cost ~2 s of
// server CPU per 100 MB against ~0.3 s for lz4, and lz4 stored it smaller (70 MB vs 74 MB).
// default_toast_compression only picks the method for values this session writes; readers
// decompress either, and the column definitions are unchanged. A server built without lz4 keeps
// its default.

/** A pg pool for bulk writes: lz4 TOAST compression when the server has it. */
export async function createBulkPool(url: string, max: number): Promise<pg.Pool> {
  const probe = new pg.Client({ connectionString: url });
  await probe.connect();
  let lz4 = false;
  try {
    const { rows } = await probe.query<{ lz4: boolean }>(`SELECT 'lz4' = ANY(enumvals) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'`);
    lz4 = rows[0]?.lz4 === true;
  } finally {
    await probe.end();
  }
  return new pg.Pool({ connectionString: url, max, ...(lz4 ? { options: '-c default_toast_compression=lz4' } : {}) });
}
