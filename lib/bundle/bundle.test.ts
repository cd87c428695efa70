import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleEntry } from './bundle.mjs';

const root = mkdtempSync(join(tmpdir(), 'triage-bundle-'));
const cacheDir = join(root, 'cache');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(path: string, contents: string): string {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, contents);
  return full;
}

describe('bundleEntry', () => {
  const inner = file('src/lib/where.ts', "export const where = { url: import.meta.url, dir: import.meta.dirname, text: 'import.meta.url' };\n");
  const entry = file('src/entry.ts', "import { where } from './lib/where';\nexport const own = import.meta.url;\nexport { where };\n");

  it('bundles an entry where every project file keeps its own import.meta', async () => {
    const url = await bundleEntry(entry, { cacheDir });
    expect(url).not.toBeNull();
    expect(fileURLToPath(url!).startsWith(cacheDir)).toBe(true);
    const mod = await import(url!);
    expect(mod.own).toBe(pathToFileURL(entry).href);
    expect(mod.where).toEqual({ url: pathToFileURL(inner).href, dir: dirname(inner), text: 'import.meta.url' });
  });

  it('reuses the bundle until an input changes', async () => {
    const url = (await bundleEntry(entry, { cacheDir }))!;
    const built = statSync(fileURLToPath(url)).mtimeMs;
    expect(await bundleEntry(entry, { cacheDir })).toBe(url);
    expect(statSync(fileURLToPath(url)).mtimeMs).toBe(built);
    file('src/lib/where.ts', "export const where = 'changed';\n");
    expect(await bundleEntry(entry, { cacheDir })).toBe(url);
    const mod = await import(`${url}?changed`);
    expect(mod.where).toBe('changed');
  });

  it('refuses (null) a package that relies on its own import.meta', async () => {
    file('pkg/node_modules/metapkg/package.json', JSON.stringify({ name: 'metapkg', type: 'module', exports: './index.js' }));
    file('pkg/node_modules/metapkg/index.js', 'export const here = import.meta.url;\n');
    const usesPkg = file('pkg/entry.ts', "export { here } from 'metapkg';\n");
    expect(await bundleEntry(usesPkg, { cacheDir })).toBeNull();
  });
});
