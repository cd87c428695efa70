import { corpusMessagesDir } from '@/lib/testing/corpus';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMessage } from './index';
import { buildRaw } from './test-support';

const DIR = corpusMessagesDir;
// A deterministic sample of small corpus messages (plus a synthetic one when the corpus is absent).
const seeds: Uint8Array[] = existsSync(DIR)
  ? readdirSync(DIR)
      .sort()
      .filter((_, i) => i % 97 === 0)
      .map((f) => new Uint8Array(readFileSync(join(DIR, f))))
      .filter((b) => b.length < 64 * 1024)
  : [buildRaw({ body: 'hello https://example.com' })];

const LIMITS = { maxBytes: 256 * 1024, maxParts: 50, maxDepth: 8, maxHeaders: 200, maxHeaderLine: 8 * 1024 };

async function expectValue(raw: Uint8Array): Promise<void> {
  const r = await parseMessage(raw, LIMITS);
  expect(typeof r.ok).toBe('boolean');
  if (r.ok) {
    expect(r.message.size).toBe(raw.byteLength);
  } else {
    expect(['too_large', 'too_many_parts', 'too_deep', 'too_many_headers', 'line_too_long', 'not_a_message', 'malformed']).toContain(r.error.code);
  }
}

const mutation = fc.record({
  seed: fc.nat(),
  cut: fc.double({ min: 0, max: 1, noNaN: true }),
  flips: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
  insert: fc.constantFrom('', '\r\n--b\r\n', 'Content-Type: multipart/mixed; boundary=b\r\n\r\n', '=?utf-8?B?', '<a href="', '\u0000', '\r\n\r\n'),
});

describe('parseMessage robustness', () => {
  it('mutated and truncated corpus messages resolve to ok or an error value', async () => {
    await fc.assert(
      fc.asyncProperty(mutation, async ({ seed, cut, flips, insert }) => {
        const base = seeds[seed % seeds.length];
        const bytes = base.slice(0, Math.max(1, Math.floor(base.length * cut)));
        for (const [at, v] of flips) bytes[Math.floor(at * (bytes.length - 1))] = v;
        const pos = Math.floor(cut * bytes.length * 0.5);
        const extra = new TextEncoder().encode(insert);
        const raw = new Uint8Array(bytes.length + extra.length);
        raw.set(bytes.subarray(0, pos));
        raw.set(extra, pos);
        raw.set(bytes.subarray(pos), pos + extra.length);
        await expectValue(raw);
      }),
      { numRuns: 300 },
    );
  });

  it('random bytes resolve to ok or an error value', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), (raw) => expectValue(raw)), { numRuns: 300 });
  });

  it('random header-ish text resolves to ok or an error value', async () => {
    const line = fc.tuple(fc.constantFrom('From', 'To', 'Content-Type', 'Subject', 'Authentication-Results', 'X'), fc.string({ maxLength: 200 }));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 30 }), fc.string({ maxLength: 2000 }), async (headers, body) => {
        const text = `${headers.map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`;
        await expectValue(new TextEncoder().encode(text));
      }),
      { numRuns: 300 },
    );
  });
});
