import { corpusMessagesDir } from '@/lib/testing/corpus';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSimpleMime } from './fast-mime';
import { parseMessage } from './index';
import { setFastParse } from './mime-helpers';

// The fast path must be invisible: wherever it answers, parseMessage gives byte-for-byte the
// ParsedMessage that postal-mime gives (every field, not only the ones signals read today).
afterEach(() => setFastParse(true));

async function bothPaths(raw: Uint8Array): Promise<{ fast: string; slow: string; took: boolean }> {
  setFastParse(true);
  let took = false;
  try {
    took = parseSimpleMime(raw, 20) !== null;
  } catch {
    took = false;
  }
  const fast = JSON.stringify(await parseMessage(raw));
  setFastParse(false);
  const slow = JSON.stringify(await parseMessage(raw));
  setFastParse(true);
  return { fast, slow, took };
}

const enc = new TextEncoder();
const crlf = (s: string, eol: string) => enc.encode(s.replace(/\r?\n/g, eol));

// Pieces that stress the walk: boundary look-alikes, QP escapes, pad characters, folding,
// encoded words, non-ASCII, stray CRs and spaces.
const bodyText = fc
  .array(fc.constantFrom('hello', 'Ünïcode €', '--b1', '--b1--x', '--b2 ', '=3D', '=', '=\n', '=ZZ', 'a=', '  ', '\r', '\n', '<b>x</b>', 'QUJD', '====', '\t', 'http://x.example/a?b=c'), { maxLength: 30 })
  .map((a) => a.join(''));
const encoding = fc.constantFrom('7bit', '8bit', 'quoted-printable', 'base64', 'BASE64', 'x-unknown', '(c) base64', '');
const charset = fc.constantFrom('utf-8', 'iso-8859-1', 'windows-1252', 'us-ascii', 'koi8-r', 'bogus', '');
const leafType = fc.constantFrom('text/plain', 'text/html', 'text/plain; format=flowed; delsp=yes', 'application/pdf', 'image/png', 'text/calendar', 'message/rfc822');

function encodeBody(text: string, cte: string): string {
  if (/base64/i.test(cte)) {
    const b = Buffer.from(text, 'utf8').toString('base64');
    return b.replace(/.{1,19}/g, (m) => `${m}\n`);
  }
  if (/quoted-printable/i.test(cte)) return text.replace(/.{40}/g, (m) => `${m}=\n`);
  return text;
}

const leaf = fc.record({ type: leafType, cte: encoding, charset, text: bodyText, attachment: fc.boolean(), name: fc.constantFrom('', 'a.pdf', '=?utf-8?B?w6kucGRm?=') });
type Leaf = typeof leaf extends fc.Arbitrary<infer T> ? T : never;

function renderLeaf(l: Leaf): string {
  const params = `${l.charset ? `; charset=${l.charset}` : ''}${l.name ? `; name="${l.name}"` : ''}`;
  const head = [`Content-Type: ${l.type}${params}`, l.cte ? `Content-Transfer-Encoding: ${l.cte}` : '', l.attachment ? 'Content-Disposition: attachment' : ''].filter(Boolean);
  return `${head.join('\n')}\n\n${encodeBody(l.text, l.cte)}`;
}

const message = fc.record({
  shape: fc.constantFrom('single', 'alternative', 'mixed', 'mixed-alternative', 'no-blank'),
  leaves: fc.array(leaf, { minLength: 1, maxLength: 4 }),
  subject: fc.constantFrom('Hello', '=?utf-8?Q?Caf=C3=A9?=', 'folded\n  subject', ''),
  from: fc.constantFrom('Alice <alice@example.com>', '"Bob, B" <bob@x.example>', 'undisclosed', '=?utf-8?B?w4lsaXNl?= <e@x.example>'),
  eol: fc.constantFrom('\n', '\r\n', '\r\r\n'),
  trailer: fc.constantFrom('', '\n', 'epilogue\n'),
});

function renderMessage(m: typeof message extends fc.Arbitrary<infer T> ? T : never): Uint8Array {
  const head = `From: ${m.from}\nTo: bob@contoso.example, carol@contoso.example\nSubject: ${m.subject}\nDate: Mon, 2 Mar 2026 10:00:00 +0000\nMIME-Version: 1.0\n`;
  const [first, ...rest] = m.leaves;
  if (m.shape === 'single') return crlf(`${head}${renderLeaf(first)}${m.trailer}`, m.eol);
  if (m.shape === 'no-blank') return crlf(`${head}Content-Type: text/plain`, m.eol);
  const parts = (b: string, ls: Leaf[]) => `${ls.map((l) => `--${b}\n${renderLeaf(l)}\n`).join('')}--${b}--\n`;
  if (m.shape === 'alternative') return crlf(`${head}Content-Type: multipart/alternative; boundary="b1"\n\npreamble\n${parts('b1', m.leaves)}${m.trailer}`, m.eol);
  if (m.shape === 'mixed') return crlf(`${head}Content-Type: multipart/mixed; boundary=b1\n\n${parts('b1', m.leaves)}${m.trailer}`, m.eol);
  const inner = `Content-Type: multipart/alternative; boundary="b2"\n\n${parts('b2', [first, ...rest.slice(0, 1)])}`;
  return crlf(`${head}Content-Type: multipart/mixed; boundary="b1"\n\n--b1\n${inner}\n${parts('b1', rest.slice(1))}${m.trailer}`, m.eol);
}

describe('fast MIME path', () => {
  it('agrees with postal-mime on generated messages', async () => {
    let runs = 0;
    let took = 0;
    await fc.assert(
      fc.asyncProperty(message, async (m) => {
        const r = await bothPaths(renderMessage(m));
        runs++;
        if (r.took) took++;
        expect(r.fast).toBe(r.slow);
      }),
      { numRuns: 400, seed: 7 },
    );
    // Most generated messages must actually exercise the fast path, or the property says little.
    expect(took / runs).toBeGreaterThan(0.4);
  });

  it('takes simple messages and leaves nested messages to postal-mime', () => {
    const simple = crlf('From: a@x.example\nContent-Type: text/plain\n\nhi\n', '\r\n');
    const nested = crlf('From: a@x.example\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: message/rfc822\n\nFrom: c@y.example\n\nin\n--b--\n', '\r\n');
    expect(parseSimpleMime(simple, 20)).not.toBeNull();
    expect(parseSimpleMime(nested, 20)).toBeNull();
  });

  it.skipIf(!existsSync(corpusMessagesDir))('agrees with postal-mime on every corpus message, and on mutated ones', async () => {
    const files = readdirSync(corpusMessagesDir).filter((f) => f.endsWith('.eml')).sort();
    const differ: string[] = [];
    let took = 0;
    const seeds: Uint8Array[] = [];
    for (const [i, f] of files.entries()) {
      const raw = new Uint8Array(readFileSync(join(corpusMessagesDir, f)));
      const r = await bothPaths(raw);
      if (r.took) took++;
      if (r.fast !== r.slow) differ.push(f);
      if (i % 53 === 0 && raw.length < 64 * 1024) seeds.push(raw);
    }
    expect(differ).toEqual([]);
    // Coverage: the point of the fast path is that nearly every real message takes it.
    expect(took / files.length).toBeGreaterThan(0.95);

    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0x0a, 0x0d, 0x2d, 0x3d, 0x20, 0x3a, 0xc3, 0x41)), { maxLength: 12 }), async (seed, flips) => {
        const raw = seeds[seed % seeds.length].slice();
        for (const [at, byte] of flips) raw[Math.floor(at * raw.length)] = byte;
        const { fast, slow } = await bothPaths(raw);
        expect(fast).toBe(slow);
      }),
      { numRuns: 300, seed: 11 },
    );
  }, 300_000);
});
