import { corpusMessagesDir } from '@/lib/testing/corpus';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseMessage } from './index';
import { joinChunks, setFastMimeDecoders } from './mime-decoders';
import { setFastParse } from './mime-helpers';
import { buildRaw, buildWithAttachments } from './test-support';

afterEach(() => {
  setFastMimeDecoders(true);
  setFastParse(true);
});

// postal-mime's path only: the simple-message fast path (fast-mime.ts) would bypass the decoders.
async function bothPaths(raw: Uint8Array) {
  setFastParse(false);
  setFastMimeDecoders(false);
  const slow = await parseMessage(raw);
  setFastMimeDecoders(true);
  const fast = await parseMessage(raw);
  return { slow, fast };
}

describe('joinChunks', () => {
  it('matches what a Blob of the same chunks holds', async () => {
    const chunks = ['\n', 'é€', new Uint8Array([1, 2, 3]).subarray(1), new Uint8Array([9, 8]).buffer, ''];
    const viaBlob = new Uint8Array(await new Blob(chunks).arrayBuffer());
    expect(new Uint8Array(joinChunks(chunks))).toEqual(viaBlob);
  });
});

describe('fast MIME decoders', () => {
  it('give the same message as postal-mime’s own join for attachments', async () => {
    const raw = buildRaw(buildWithAttachments([{ name: 'a.bin', type: 'application/octet-stream', bytes: new Uint8Array([0, 255, 10, 13, 61]) }]));
    const { slow, fast } = await bothPaths(raw);
    expect(fast).toEqual(slow);
  });

  it.skipIf(!existsSync(corpusMessagesDir))('give the same ParsedMessage for every corpus message', async () => {
    const differ: string[] = [];
    const files = readdirSync(corpusMessagesDir).filter((f) => f.endsWith('.eml'));
    for (const f of files) {
      const { slow, fast } = await bothPaths(readFileSync(join(corpusMessagesDir, f)));
      if (JSON.stringify(slow) !== JSON.stringify(fast)) differ.push(f);
    }
    expect(differ).toEqual([]);
    expect(files.length).toBeGreaterThan(4000);
  }, 300_000);
});
