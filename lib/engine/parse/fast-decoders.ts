// Whole-part versions of postal-mime's line-by-line body decoders, for the fast path
// (fast-mime.ts). Each takes the body's line ranges over the raw bytes and returns exactly the
// bytes postal-mime's PassThrough / Base64 / QP decoder would collect from the same lines;
// fast-mime.test.ts holds them to that over the corpus and over generated messages.
import { Buffer } from 'node:buffer';

/** A line of the raw message: [start, end) with the line break and trailing CRs excluded. */
export type LineRange = { start: number; end: number };

/** 7bit / 8bit / binary / unknown: every line followed by LF. */
export function decodePassThrough(raw: Uint8Array, lines: readonly LineRange[]): Uint8Array {
  let length = 0;
  for (const l of lines) length += l.end - l.start + 1;
  const out = new Uint8Array(length);
  let at = 0;
  for (const l of lines) {
    out.set(raw.subarray(l.start, l.end), at);
    at += l.end - l.start;
    out[at++] = 0x0a;
  }
  return out;
}

// Alphabet value per byte; -1 for everything else (CR, LF, spaces, junk, non-ASCII).
const BASE64_VALUE = new Int8Array(256).fill(-1);
for (const [i, c] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].entries()) BASE64_VALUE[c.charCodeAt(0)] = i;

// V8 keeps strings over ~128 KB in its large-object space, where making a latin1 copy costs
// ~50 times more per byte than below it (more than decoding in JS), so Node's decoder is fed
// whole lines at most this many bytes at a time.
const CHUNK = 1 << 16;

/**
 * Base64. postal-mime decodes each line as UTF-8 and drops every character outside the
 * alphabet; UTF-8 decoding never alters or swallows an ASCII byte, so skipping non-alphabet
 * bytes keeps the same characters. Each `=` run ends a unit that is decoded on its own (mailers
 * that pad every line); a unit's 2- or 3-character tail yields 1 or 2 bytes, a 1-character
 * tail none. Node's own decoder does this several times faster than the byte loop, on the data
 * where it provably agrees (nativeAgrees); the rest goes through decodeLoop.
 */
export function decodeBase64Lines(raw: Uint8Array, lines: readonly LineRange[]): Uint8Array {
  if (lines.length === 0) return new Uint8Array(0);
  const first = lines[0].start;
  const last = lines[lines.length - 1].end;
  const out = new Uint8Array(Math.ceil(((last - first) * 3) / 4) + 2);
  const data = Buffer.from(raw.buffer, raw.byteOffset + first, last - first);
  if (!nativeAgrees(data)) return out.subarray(0, decodeLoop(raw, first, last, out, 0));
  const sink = Buffer.from(out.buffer, out.byteOffset, out.byteLength);
  let at = 0;
  let chunkStart = first;
  let chunkEnd = first;
  let lineBytes = 0;
  for (const line of lines) {
    if (line.end - chunkStart > CHUNK) {
      const written = sink.write(data.toString('latin1', chunkStart - first, chunkEnd - first), at, 'base64');
      // Node yields 3 bytes per 4 alphabet characters, and the chunk's lines hold lineBytes
      // bytes (between them are only CRs and LFs): only if every one of them is in the
      // alphabet (no junk, no `=`) and they make whole groups does it write lineBytes * 3/4
      // bytes. Then decodeLoop would yield the same bytes and carry no partial group into the
      // next chunk; otherwise it takes over from the chunk's start.
      if (written * 4 !== lineBytes * 3) return out.subarray(0, decodeLoop(raw, chunkStart, last, out, at));
      at += written;
      chunkStart = line.start;
      lineBytes = 0;
      // A line too long for one chunk (unwrapped base64) is left to decodeLoop.
      if (line.end - line.start > CHUNK) return out.subarray(0, decodeLoop(raw, chunkStart, last, out, at));
    }
    lineBytes += line.end - line.start;
    chunkEnd = line.end;
  }
  at += sink.write(data.toString('latin1', chunkStart - first, last - first), at, 'base64');
  return out.subarray(0, at);
}

/**
 * Whether Node's decoder (Buffer write, 'base64', over a latin1 string of the bytes) gives what
 * decodeLoop gives. It too skips every byte outside the alphabet — control bytes, spaces, bytes
 * from 0x80 up — and turns a 2- or 3-character tail into 1 or 2 bytes, but it reads `-` and `_`
 * as the URL-safe alphabet's 62 and 63 and stops for good at the first `=`, where decodeLoop
 * only ends a unit. So it agrees when neither `-` nor `_` occurs and no alphabet byte follows
 * the first `=`: both then end on the same tail and decodeLoop finds nothing after it.
 * fast-decoders.test.ts checks this for every byte value.
 */
function nativeAgrees(data: Buffer): boolean {
  if (data.includes(0x2d) || data.includes(0x5f)) return false;
  const pad = data.indexOf(0x3d);
  if (pad < 0) return true;
  for (let i = pad; i < data.length; i++) if (BASE64_VALUE[data[i]] >= 0) return false;
  return true;
}

/** The byte-by-byte decoder over raw[from, to), writing from out[at]; returns the new end. */
function decodeLoop(raw: Uint8Array, from: number, to: number, out: Uint8Array, at: number): number {
  let acc = 0;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = raw[i];
    const v = BASE64_VALUE[c];
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
  return flushTail(out, at, acc, n);
}

function flushTail(out: Uint8Array, at: number, acc: number, n: number): number {
  if (n === 2) out[at++] = acc >> 4;
  else if (n === 3) {
    out[at++] = acc >> 10;
    out[at++] = acc >> 2;
  }
  return at;
}

function hexNibble(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  if (c >= 0x41 && c <= 0x46) return c - 0x41 + 10;
  return -1;
}

/**
 * Quoted-printable, as postal-mime does it: `=XX` with valid hex becomes a byte, anything else
 * is literal, a line ending in `=` is a soft break, every other line gets LF.
 */
export function decodeQuotedPrintable(raw: Uint8Array, lines: readonly LineRange[]): Uint8Array {
  let bound = 0;
  for (const l of lines) bound += l.end - l.start + 1;
  const out = new Uint8Array(bound);
  let at = 0;
  for (const l of lines) {
    let len = l.end;
    const softBreak = len > l.start && raw[len - 1] === 0x3d;
    if (softBreak) len--;
    for (let i = l.start; i < len; i++) {
      const c = raw[i];
      if (c === 0x3d && i + 2 < len) {
        const high = hexNibble(raw[i + 1]);
        const low = hexNibble(raw[i + 2]);
        if (high >= 0 && low >= 0) {
          out[at++] = (high << 4) | low;
          i += 2;
          continue;
        }
      }
      out[at++] = c;
    }
    if (!softBreak) out[at++] = 0x0a;
  }
  return out.subarray(0, at);
}
