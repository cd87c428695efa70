import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Worker threads started through tsx (register() in each worker) spend ~1.3 s of CPU each
// before their first message on Node 20: every module goes through a loader-hooks thread and
// is transformed again. On a 2-core machine that start-up ate most of what the second core
// gave. So the worker entry is bundled once with esbuild (tsx's own transformer) into one ESM
// file, reused while none of its input files changed; a worker then boots in ~0.3 s of CPU.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = join(ROOT, 'node_modules/.cache/triage-engine');
// Bundled packages may still call require(); ESM output needs one.
const BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

type Meta = { inputs: { path: string; mtimeMs: number; size: number }[] };

function fresh(metaPath: string): boolean {
  try {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as Meta;
    return meta.inputs.every((i) => {
      const st = statSync(i.path);
      return st.mtimeMs === i.mtimeMs && st.size === i.size;
    });
  } catch {
    return false;
  }
}

/** A file URL of the bundled worker entry, or null when esbuild is unavailable (use tsx then). */
export async function bundledWorker(entryPath: string): Promise<string | null> {
  const key = createHash('sha256').update(entryPath).digest('hex').slice(0, 16);
  const out = join(CACHE, `worker-${key}.mjs`);
  const metaPath = join(CACHE, `worker-${key}.json`);
  if (fresh(metaPath)) return new URL(`file://${out}`).href;
  try {
    const { build } = await import('esbuild');
    const result = await build({ entryPoints: [entryPath], bundle: true, platform: 'node', format: 'esm', target: 'node20', write: false, metafile: true, logLevel: 'silent', banner: { js: BANNER } });
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(out, result.outputFiles[0].contents);
    const inputs = Object.keys(result.metafile.inputs).map((p) => {
      const path = resolve(ROOT, p);
      const st = statSync(path);
      return { path, mtimeMs: st.mtimeMs, size: st.size };
    });
    writeFileSync(metaPath, JSON.stringify({ inputs } satisfies Meta));
    return new URL(`file://${out}`).href;
  } catch {
    return null;
  }
}
