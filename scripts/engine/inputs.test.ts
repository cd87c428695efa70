import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectFiles, readBytes } from './inputs';

const root = mkdtempSync(join(tmpdir(), 'triage-inputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(path: string, contents: string | Uint8Array = 'x'): string {
  const full = join(root, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, contents);
  return full;
}

describe('collectFiles', () => {
  it('walks directories in sorted order, skips dotfiles, follows symlinks and reports missing paths', () => {
    const tree = join(root, 'tree');
    file('tree/b.eml');
    file('tree/A.eml');
    file('tree/a/z.eml');
    file('tree/a/.hidden.eml');
    file('tree/.git/config');
    file('tree/c d/é.eml');
    file('elsewhere/linked.eml');
    file('elsewhere/dir/inner.eml');
    symlinkSync(join(root, 'elsewhere/linked.eml'), join(tree, 'link.eml'));
    symlinkSync(join(root, 'elsewhere/dir'), join(tree, 'linkdir'));
    symlinkSync(join(root, 'nowhere'), join(tree, 'broken'));
    const missing = join(root, 'absent');
    const r = collectFiles([`${tree}/`, missing, join(tree, 'b.eml')]);
    expect(r.files).toEqual([
      `${tree}/A.eml`,
      `${tree}/a/z.eml`,
      `${tree}/b.eml`,
      `${tree}/c d/é.eml`,
      `${tree}/link.eml`,
      `${tree}/linkdir/inner.eml`,
      `${tree}/b.eml`,
    ]);
    expect(r.missing).toEqual([join(tree, 'broken'), missing]);
  });
});

describe('readBytes', () => {
  it('returns the exact bytes as a plain Uint8Array that owns them', () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) & 0xff);
    const r = readBytes(file('bytes.bin', bytes));
    expect(Object.getPrototypeOf(r)).toBe(Uint8Array.prototype);
    expect(r).toEqual(bytes);
    expect(r.byteOffset).toBe(0);
    expect(r.buffer.byteLength).toBe(300);
  });

  it('reads empty files', () => {
    expect(readBytes(file('empty.eml', ''))).toEqual(new Uint8Array(0));
  });
});
