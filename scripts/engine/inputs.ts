import { closeSync, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every regular file under the given paths (directories recursively, sorted for stable output). */
export function collectFiles(paths: readonly string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (p: string) => {
    let st;
    try {
      st = statSync(p);
    } catch {
      missing.push(p);
      return;
    }
    if (st.isDirectory()) walkDirectory(p);
    else if (st.isFile()) files.push(p);
  };
  // Directory entries already say file or directory, which saves a stat per file (thousands in
  // a corpus); anything else (a symlink) is stat'ed as before, following the link.
  const walkDirectory = (dir: string) => {
    const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isFile()) files.push(path);
      else if (entry.isDirectory()) walkDirectory(path);
      else walk(path);
    }
  };
  for (const p of paths) walk(p);
  return { files, missing };
}

const FROM_LINE = /^From /;

/** True when the bytes look like an mbox: the first line is an mbox "From " separator. */
export function isMbox(raw: Uint8Array): boolean {
  // "From " followed later on the line by something other than a colon: a header would be "From:".
  return raw.length > 5 && raw[0] === 0x46 && raw[1] === 0x72 && raw[2] === 0x6f && raw[3] === 0x6d && raw[4] === 0x20;
}

/** Splits an mbox into messages (separator lines dropped, mboxrd ">From " unescaped). */
export function splitMbox(raw: Uint8Array): Uint8Array[] {
  const text = Buffer.from(raw).toString('latin1');
  const lines = text.split('\n');
  const messages: string[][] = [];
  let current: string[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const previousBlank = i === 0 || lines[i - 1].replace(/\r$/, '') === '';
    if (FROM_LINE.test(line) && previousBlank) {
      current = [];
      messages.push(current);
      continue;
    }
    if (current) current.push(/^>+From /.test(line) ? line.slice(1) : line);
  }
  // latin1 round-trips bytes exactly, so 8-bit message content is preserved.
  return messages.map((m) => new Uint8Array(Buffer.from(m.join('\n'), 'latin1')));
}

// The buffer readBytes reuses; grown to the largest file read so far.
let scratch = new Uint8Array(1 << 20);

/**
 * Reads a file into a buffer this thread reuses: the bytes are valid until the next call, so a
 * caller must be done with them (and keep no view of them) before it reads another file. A fresh
 * buffer per file, as readFileSync gives, took twice as long over the corpus in allocation and
 * page faults as the reads themselves.
 */
export function readBytes(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > scratch.length) scratch = new Uint8Array(Math.max(size, scratch.length * 2));
    let length = 0;
    while (length < size) {
      const n = readSync(fd, scratch, length, size - length, null);
      if (n === 0) break;
      length += n;
    }
    return scratch.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
