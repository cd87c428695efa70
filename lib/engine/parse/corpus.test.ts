import { corpusMessagesDir } from '@/lib/testing/corpus';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMessage } from './index';

const DIR = corpusMessagesDir;

describe.skipIf(!existsSync(DIR))('corpus', () => {
  it('parses every corpus message', async () => {
    const failures: string[] = [];
    const files = readdirSync(DIR).filter((f) => f.endsWith('.eml'));
    for (const f of files) {
      const r = await parseMessage(readFileSync(join(DIR, f)));
      if (!r.ok) failures.push(`${f}: ${r.error.code} ${r.error.message}`);
      else if (r.message.size === 0 || r.message.fingerprint.length !== 64) failures.push(`${f}: empty result`);
    }
    expect(failures).toEqual([]);
    expect(files.length).toBeGreaterThan(4000);
  }, 120_000);
});
