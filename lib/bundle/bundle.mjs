// Bundles a TypeScript entry (a CLI or a worker body) into one ESM file with esbuild, cached
// until one of its input files changes. Plain JavaScript: the launcher (scripts/launch.mjs) runs
// it before anything can load TypeScript.
//
// Why: loading the scripts through tsx costs ~1 s of CPU per process or worker thread on Node 20
// (every module goes through a loader-hooks thread and is transformed again); the bundle loads in
// ~0.2 s. esbuild is what tsx transforms with, so the code that runs is the same.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Inside node_modules so that anything left unbundled still resolves from the bundle's location.
const CACHE = join(ROOT, 'node_modules/.cache/triage-engine');
// Bundled packages may still call require(); ESM output needs one.
const BANNER = "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);";

/**
 * Each project file keeps its own import.meta.url / import.meta.dirname once bundled (files find
 * rulesets and the corpus relative to themselves), so the bundle can live anywhere. esbuild's
 * define turns the expressions into identifiers, which bind to constants prepended on the file's
 * first line (line numbers stay the same). A package that uses them would be left with an unbound
 * name, so such a package fails the build instead (the caller then falls back to tsx).
 */
const ownImportMeta = {
  name: 'own-import-meta',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!/import\.meta\.(?:url|dirname)/.test(source)) return undefined;
      if (args.path.includes('/node_modules/')) throw new Error(`${args.path} uses import.meta; it cannot be bundled`);
      const consts = `const __ownFileUrl = ${JSON.stringify(pathToFileURL(args.path).href)}, __ownDirname = ${JSON.stringify(dirname(args.path))};`;
      return { contents: consts + source, loader: args.path.slice(args.path.lastIndexOf('.') + 1).replace(/^[cm]/, '') };
    });
  },
};

function fresh(metaPath) {
  try {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
    return meta.inputs.every((i) => {
      const st = statSync(i.path);
      return st.mtimeMs === i.mtimeMs && st.size === i.size;
    });
  } catch {
    return false;
  }
}

// Another process may be reading the same cache entry: write aside, then rename over it.
function writeAtomic(path, contents) {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, contents);
  renameSync(tmp, path);
}

/**
 * A file URL of the bundled entry, or null when esbuild is unavailable or cannot bundle it (the
 * caller then loads the TypeScript through tsx). `conditions`: package export conditions the
 * process runs with (e.g. react-server), so the bundle resolves the same files. `cacheDir`: for
 * tests; bundles that leave packages unbundled must live under the project's node_modules.
 */
export async function bundleEntry(entryPath, { conditions = [], cacheDir = CACHE } = {}) {
  const key = createHash('sha256').update(JSON.stringify([resolve(entryPath), conditions])).digest('hex').slice(0, 16);
  // Code that the entry imports dynamically goes to chunks of its own beside it, loaded when it
  // is imported: a CLI can start its worker threads before it loads (and V8 compiles) the engine.
  const outdir = join(cacheDir, `entry-${key}`);
  const out = join(outdir, 'entry.mjs');
  const metaPath = join(outdir, 'meta.json');
  if (fresh(metaPath)) return pathToFileURL(out).href;
  try {
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: [resolve(entryPath)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      splitting: true,
      outdir,
      entryNames: 'entry',
      chunkNames: 'chunk-[hash]',
      outExtension: { '.js': '.mjs' },
      target: 'node20',
      absWorkingDir: ROOT,
      conditions,
      // esbuild finds its native binary relative to its own files: load it from node_modules.
      external: ['esbuild'],
      write: false,
      metafile: true,
      logLevel: 'silent',
      banner: { js: BANNER },
      define: { 'import.meta.url': '__ownFileUrl', 'import.meta.dirname': '__ownDirname' },
      plugins: [ownImportMeta],
    });
    mkdirSync(outdir, { recursive: true });
    // Chunks are named by their content, so the entry, written last, never names a missing one.
    const entryFile = result.outputFiles.find((f) => f.path === out);
    for (const f of result.outputFiles) if (f !== entryFile) writeAtomic(f.path, f.contents);
    writeAtomic(out, entryFile.contents);
    const inputs = Object.keys(result.metafile.inputs).map((p) => {
      const path = resolve(ROOT, p);
      const st = statSync(path);
      return { path, mtimeMs: st.mtimeMs, size: st.size };
    });
    writeAtomic(metaPath, JSON.stringify({ inputs }));
    return pathToFileURL(out).href;
  } catch {
    return null;
  }
}
