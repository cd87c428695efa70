import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Lines, type LineRange } from './fast-decoders';

// The oracle: the byte-by-byte base64 decoder as it was before Node's decoder took over the
// common case (fast-mime.test.ts holds it to postal-mime). decodeBase64Lines must return the
// same bytes for every input.
const ORACLE_VALUE = new Int8Array(256).fill(-1);
for (const [i, c] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].entries()) ORACLE_VALUE[c.charCodeAt(0)] = i;

function decodeBase64Oracle(raw: Uint8Array, lines: readonly LineRange[]): Uint8Array {
  if (lines.length === 0) return new Uint8Array(0);
  const first = lines[0].start;
  const last = lines[lines.length - 1].end;
  const out = new Uint8Array(Math.ceil(((last - first) * 3) / 4) + 2);
  let at = 0;
  let acc = 0;
  let n = 0;
  for (let i = first; i < last; i++) {
    const c = raw[i];
    const v = ORACLE_VALUE[c];
    if (v >= 0) {
      acc = (acc << 6) | v;
      if (++n === 4) {
        out[at++] = acc >> 16;
        out[at++] = acc >> 8;
        out[at++] = acc;
        n = 0;
        acc = 0;
      }
    } else if (c === 0x3d && n > 0) {
      at = flushTail(out, at, acc, n);
      n = 0;
      acc = 0;
    }
  }
  at = flushTail(out, at, acc, n);
  return out.subarray(0, at);
}

function flushTail(out: Uint8Array, at: number, acc: number, n: number): number {
  if (n === 2) out[at++] = acc >> 4;
  else if (n === 3) {
    out[at++] = acc >> 10;
    out[at++] = acc >> 2;
  }
  return at;
}

const HEAD = 'Content-Transfer-Encoding: base64\r\n\r\n';

/**
 * A base64 part as parseSimpleMime sees it: a header block, the body (a latin1 string, one byte
 * per character) and a closing boundary; the body's lines split at LF with trailing CRs dropped,
 * as its walk does, so the ranges skip the line breaks.
 */
function part(body: string): { raw: Uint8Array; lines: LineRange[] } {
  const raw = new Uint8Array(Buffer.from(`${HEAD}${body}\r\n--b--\r\n`, 'latin1'));
  const lines: LineRange[] = [];
  const bodyEnd = HEAD.length + body.length + 2;
  let pos = HEAD.length;
  while (pos < bodyEnd) {
    const nl = raw.indexOf(0x0a, pos);
    let end = nl;
    while (end > pos && raw[end - 1] === 0x0d) end--;
    lines.push({ start: pos, end });
    pos = nl + 1;
  }
  return { raw, lines };
}

function expectSame(body: string): void {
  const { raw, lines } = part(body);
  const got = decodeBase64Lines(raw, lines);
  // Callers keep the bytes (hashes, sniffing): a plain Uint8Array, never a pooled Buffer.
  expect(Object.getPrototypeOf(got)).toBe(Uint8Array.prototype);
  expect(Buffer.from(got.buffer, got.byteOffset, got.byteLength).toString('hex')).toBe(Buffer.from(decodeBase64Oracle(raw, lines)).toString('hex'));
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Lines of the given widths, used in turn, each followed by eol. */
function wrap(text: string, widths: readonly number[], eol: string): string {
  let out = '';
  for (let i = 0, k = 0; i < text.length; k++) {
    const w = widths[k % widths.length];
    out += text.slice(i, i + w) + eol;
    i += w;
  }
  return out;
}

/** Inserts each piece at its fractional position (positions taken in the original text). */
function insert(text: string, pieces: readonly (readonly [number, string])[]): string {
  const sorted = [...pieces].sort((a, b) => b[0] - a[0]);
  let out = text;
  for (const [at, piece] of sorted) {
    const i = Math.floor(at * text.length);
    out = out.slice(0, i) + piece + out.slice(i);
  }
  return out;
}

const eol = fc.constantFrom('\n', '\r\n', '\r\r\n');
const widths = fc.oneof(fc.constantFrom([76], [72], [64], [60]), fc.array(fc.integer({ min: 1, max: 120 }), { minLength: 1, maxLength: 6 }));
// Where Node's decoder and ours part ways (URL-safe `-` `_`, `=` mid-data), plus what both skip.
const junk = fc.oneof(
  fc.constantFrom('-', '_', '=', '==', ' ', '\t', '\0', '\x80', '\xff', '\xc3\xa9', '\r', '\n', '\r\n', '.', 'A', 'QU'),
  fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)),
);
const pieces = fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), junk), { maxLength: 6 });

describe('decodeBase64Lines', () => {
  it('decodes nothing from no lines and from empty lines', () => {
    expect(decodeBase64Lines(new Uint8Array(0), [])).toEqual(new Uint8Array(0));
    for (const body of ['', '\r\n', '\n\n\n', '\r\n\r\n=\r\n', ' \r\n']) expectSame(body);
  });

  it('matches the oracle for every byte value around valid groups, tails and padding', () => {
    const templates = ['QU#JD', 'QUJD#', '#QUJD', 'Q#U', 'QU#', 'QUJ#', 'QUJD#QUJD', 'QUJD==#', 'QU=#', 'QU==\r\n#\r\n', 'QUJDQUJD#QU\r\nQUJD'];
    for (let c = 0; c < 256; c++) for (const t of templates) expectSame(t.replace('#', String.fromCharCode(c)));
  });

  it('matches the oracle on valid base64 in lines of any width', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), widths, eol, (bytes, w, e) => expectSame(wrap(base64(bytes), w, e))),
      { numRuns: 2000, seed: 1 },
    );
  });

  it('matches the oracle with junk, stray padding and URL-safe characters inserted', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), widths, eol, pieces, (bytes, w, e, p) => expectSame(insert(wrap(base64(bytes), w, e), p))),
      { numRuns: 3000, seed: 2 },
    );
  });

  it('matches the oracle when every line is padded on its own', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 57 }), { maxLength: 40 }), eol, (chunks, e) => expectSame(chunks.map((c) => base64(c) + e).join(''))),
      { numRuns: 1000, seed: 3 },
    );
  });

  it('matches the oracle on data cut 1, 2 or 3 characters short, padded or not', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 3, maxLength: 2000 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('', '=', '=='), widths, eol, (bytes, cut, pad, w, e) => {
        const text = base64(bytes).replace(/=+$/, '');
        expectSame(wrap(text.slice(0, text.length - cut) + pad, w, e));
      }),
      { numRuns: 1000, seed: 4 },
    );
  });

  // Over 64 KB Node's decoder is fed a chunk of lines at a time: a chunk that is not whole
  // groups of pure alphabet must hand over to the byte loop at the right place.
  it('matches the oracle on bodies large enough to be decoded in chunks', () => {
    const size = fc.integer({ min: 50_000, max: 250_000 });
    const width = fc.constantFrom([76], [72], [57], [76, 75, 77], [300_000]);
    fc.assert(
      fc.property(fc.integer(), size, width, eol, fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), junk), { maxLength: 3 }), (seed, n, w, e, p) => {
        const bytes = new Uint8Array(n);
        let x = seed | 1;
        for (let i = 0; i < n; i++) {
          x ^= x << 13;
          x ^= x >>> 17;
          x ^= x << 5;
          bytes[i] = x;
        }
        expectSame(insert(wrap(base64(bytes), w, e), p));
      }),
      { numRuns: 60, seed: 5 },
    );
  });
});
