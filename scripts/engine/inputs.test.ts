import { Buffer } from 'node:buffer';
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
  it('returns the exact bytes, also past the size of its buffer', () => {
    const small = Uint8Array.from({ length: 300 }, (_, i) => (i * 7) & 0xff);
    const large = Uint8Array.from({ length: 3 << 20 }, (_, i) => (i * 13) & 0xff);
    // Buffer.equals: a deep toEqual over megabytes takes seconds.
    const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b);
    expect(same(readBytes(file('small.bin', small)), small)).toBe(true);
    expect(same(readBytes(file('large.bin', large)), large)).toBe(true);
    expect(same(readBytes(file('small.bin', small)), small)).toBe(true);
  });

  it('reads empty files', () => {
    expect(readBytes(file('empty.eml', ''))).toEqual(new Uint8Array(0));
  });
});
