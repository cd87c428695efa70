import { corpusMessagesDir } from '@/lib/testing/corpus';
import { Buffer } from 'node:buffer';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prescanMessage, type PrescanResult } from './prescan';
import { DEFAULT_PARSE_LIMITS, type ParseError, type ParseLimits } from './types';

// The oracle: the regex pre-scan over a latin1 string copy of the message, as it was before the
// byte walk replaced it. The byte walk must return the same error (code and message) and hasPlain
// for every input.
const HEADER_NAME = /^[!-9;-~]+[ \t]*:/;
const STRUCTURE = /^content-type[ \t]*:([^\n]*(?:\n[ \t][^\n]*)*)|^--([^\r\n]{1,200})/gim;
const BOUNDARY = /boundary[ \t]*=[ \t]*(?:"([^"]{1,200})"|([^;\s]{1,200}))/i;

function fail(code: ParseError['code'], message: string): PrescanResult {
  return { error: { code, message }, hasPlain: false };
}

function scanHeadersRegex(text: string, limits: ParseLimits): PrescanResult | number {
  let pos = 0;
  let fields = 0;
  let fieldLength = 0;
  let first = true;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    const line = text.slice(pos, nl).replace(/\r$/, '');
    if (line.length > limits.maxHeaderLine) return fail('line_too_long', `header line longer than ${limits.maxHeaderLine} bytes`);
    if (line === '') return nl + 1;
    if (line[0] === ' ' || line[0] === '\t') {
      fieldLength += line.length;
    } else {
      if (first && !HEADER_NAME.test(line) && !line.startsWith('From ')) return fail('not_a_message', 'the first line is not a header');
      fields++;
      fieldLength = line.length;
      if (fields > limits.maxHeaders) return fail('too_many_headers', `more than ${limits.maxHeaders} header fields`);
    }
    if (fieldLength > limits.maxHeaderLine) return fail('line_too_long', `header field longer than ${limits.maxHeaderLine} bytes`);
    first = false;
    pos = nl + 1;
  }
  return text.length;
}

function prescanRegex(raw: Uint8Array, limits: ParseLimits): PrescanResult {
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1');
  if (text.trim().length === 0) return fail('not_a_message', 'empty input');
  const headerEnd = scanHeadersRegex(text, limits);
  if (typeof headerEnd !== 'number') return headerEnd;
  const stack: string[] = [];
  let parts = 1;
  let hasPlain = false;
  let sawTopType = false;
  for (const m of text.matchAll(STRUCTURE)) {
    if (m[1] !== undefined) {
      const type = m[1].trimStart().toLowerCase();
      if ((m.index ?? 0) < headerEnd) sawTopType = true;
      if (type.startsWith('text/plain')) hasPlain = true;
      if (!type.startsWith('multipart/')) continue;
      const b = BOUNDARY.exec(m[1]);
      if (!b) continue;
      stack.push((b[1] ?? b[2]).trim());
      parts++;
      if (stack.length > limits.maxDepth) return fail('too_deep', `MIME nesting deeper than ${limits.maxDepth}`);
      if (parts > limits.maxParts) return fail('too_many_parts', `more than ${limits.maxParts} MIME parts`);
      continue;
    }
    const line = m[2].trimEnd();
    const closing = line.endsWith('--');
    const name = closing ? line.slice(0, -2) : line;
    const at = stack.lastIndexOf(name);
    if (at < 0) continue;
    stack.length = closing ? at : at + 1;
    if (!closing && ++parts > limits.maxParts) return fail('too_many_parts', `more than ${limits.maxParts} MIME parts`);
  }
  return { error: null, hasPlain: hasPlain || !sawTopType };
}

// Tight limits make the corpus and the generated messages reach every error path, not only ok.
const LIMITS: ParseLimits[] = [
  DEFAULT_PARSE_LIMITS,
  { ...DEFAULT_PARSE_LIMITS, maxDepth: 2, maxParts: 4, maxHeaders: 12, maxHeaderLine: 120 },
  { ...DEFAULT_PARSE_LIMITS, maxDepth: 1, maxParts: 2, maxHeaders: 3, maxHeaderLine: 30 },
];

function latin1(text: string): Uint8Array {
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

// Part counts and the boundary stack only show through too_many_parts and too_deep, so the
// hand-picked cases also sweep those limits.
const SWEEP: ParseLimits[] = [
  ...[2, 3, 4, 5].map((maxParts) => ({ ...DEFAULT_PARSE_LIMITS, maxParts })),
  ...[1, 2].map((maxDepth) => ({ ...DEFAULT_PARSE_LIMITS, maxDepth })),
];

function expectSame(raw: Uint8Array, limitSets = LIMITS): void {
  for (const limits of limitSets) expect(prescanMessage(raw, limits)).toEqual(prescanRegex(raw, limits));
}

const DIR = corpusMessagesDir;
const corpus: Uint8Array[] = existsSync(DIR)
  ? readdirSync(DIR)
      .sort()
      .filter((_, i) => i % 4 === 0)
      .map((f) => new Uint8Array(readFileSync(join(DIR, f))))
  : [];
const seeds = corpus.filter((b, i) => i % 5 === 0 && b.length < 64 * 1024);
if (seeds.length === 0) seeds.push(latin1('From: a@b.example\r\nContent-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b--\r\n'));

// Pieces of the cases the byte walk must treat exactly like the regexes: line endings (bare \r
// starts a line for `^` with the m flag), folding, case, latin1 whitespace (\xa0 is JS whitespace,
// \x85 is not), boundaries with trailing whitespace, closing delimiters and bare "--" lines.
const TOKENS = [
  'From: a@b.example',
  'From x',
  'X-H: v',
  'Content-Type: ',
  'content-type :',
  'CONTENT-TYPE\t:',
  'Content-Typo: ',
  'Content-Type:\r\n ',
  'Content-Type:\n\t',
  'multipart/mixed; boundary=',
  ' MultiPart/Alternative;',
  ' boundary="b"',
  'boundary = b ',
  'boundary=" b "',
  'boundary="',
  'boundary=""',
  'boundary=c;',
  'text/plain',
  'TEXT/PLAIN',
  'text/html',
  '\xa0text/plain',
  '\x85text/plain',
  '--b',
  '--b--',
  '--b  ',
  '--b--\t',
  '--b\xa0',
  '--c',
  '--c--',
  '--',
  '----',
  '-- ',
  '--\xa0',
  'b',
  '"',
  ';',
  '\r\n',
  '\r\n',
  '\n',
  '\n',
  '\r',
  '\r\n\r\n',
  ' ',
  '\t',
  '\xa0',
  '\x85',
  '\x0b',
  '\x0c',
  ':',
  'x',
  'Ä\xff',
  '\nContent-Type: multipart/mixed; boundary=b\r\n',
  '\nContent-Type: multipart/related;\r\n\tboundary="c"\n',
  '\r\n--b\r\n',
  '\r\n--c\r\n',
];

// Half start with a header line so the structure scan runs past the first-line check.
const tokenMessage = fc
  .tuple(fc.constantFrom('', 'From: a@b.example\r\n'), fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }))
  .map(([head, pieces]) => latin1(head + pieces.join('')));

const mutation = fc.record({
  seed: fc.nat(),
  cut: fc.double({ min: 0, max: 1, noNaN: true }),
  flips: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
  inserts: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...TOKENS)), { maxLength: 8 }),
});

type Mutation = { seed: number; cut: number; flips: [number, number][]; inserts: [number, string][] };

/** A truncated corpus message with flipped bytes and tricky pieces inserted at random places. */
function mutate({ seed, cut, flips, inserts }: Mutation): Uint8Array {
  const base = seeds[seed % seeds.length];
  const bytes = base.slice(0, Math.floor(base.length * cut));
  for (const [at, v] of flips) if (bytes.length > 0) bytes[Math.floor(at * (bytes.length - 1))] = v;
  let text = Buffer.from(bytes).toString('latin1');
  for (const [at, piece] of inserts) {
    const pos = Math.floor(at * text.length);
    text = text.slice(0, pos) + piece + text.slice(pos);
  }
  return latin1(text);
}

describe('prescanMessage matches the regex pre-scan it replaced', () => {
  it('on hand-picked edge cases', () => {
    const cases = [
      '',
      ' \r\n\t\x0b\x0c\xa0',
      '\x85',
      '\r',
      'X: y\r',
      ' folded first\nX: y\n\nbody',
      'From someone\n\n',
      'Not a header\n\n',
      'X: y\n--b\nContent-Type: multipart/mixed; boundary=b\n\n--b\n--b--\n',
      'Content-Type: multipart/mixed;\r\n boundary="b"\r\n\r\n--b \r\nContent-Type: text/plain\r\n\r\nhi\r\n--b--\t\r\n',
      'Content-Type: text/html\r--b\nX: y\n\n',
      'X: y\r--b\rContent-Type: text/plain\n\n',
      'Content-Type: multipart/mixed; boundary=" "\n\n--  \n-- \n----\n',
      `Content-Type: multipart/mixed; boundary="${'q'.repeat(199)}"\n\n--${'q'.repeat(199)}\n--${'q'.repeat(199)}--\n`,
      `Content-Type: multipart/mixed; boundary="${'q'.repeat(201)}"\n\n--${'q'.repeat(201)}\n`,
      'Content-Type: multipart/mixed; boundary="a\n b"\n\n--a\n',
      'Content-Type:\n\n multipart/mixed; boundary=b\n\n--b\n',
      'Content-Type: multipart/mixed; boundary=b\xa0\n\n--b\n--b\xa0--\n',
      'Content-Type: multipart/mixed; boundary=b\x85\n\n--b\x85\n--b\n',
      'cOnTeNt-TyPe \t : MULTIPART/x; BOUNDARY = b\n\n--b\n',
      `Content-Type: multipart/mixed; boundary=${'q'.repeat(200)}\n\n--${'q'.repeat(200)}--\n--${'q'.repeat(200)}x\n`,
      'Content-Type: multipart/mixed; boundary=b\n\nContent-Type: text/html\r--b\r--b\n',
      'Content-Type: text/html\rContent-Type: text/plain\n\n',
      'Content-Type: multipart/mixed; boundary="-"\n\n---\n---\n',
      'X: y\nContent\rType: text/html\n\n',
      'Content-Type: text\x0fplain\n\n',
      'Content-Type: text/plain\x0d\n\n',
      'Content-Type: multipart/mixed; boundary=" "\n\n--\n--\r\n--',
      'Content-Type: multipart/mixed; boundary=b\n\n--b--\nContent-Type: multipart/mixed; boundary=c\n',
      'Content-Type: multipart/mixed; boundary=b\n\nContent-Type: multipart/mixed; boundary=b\n--b\nContent-Type: multipart/mixed; boundary=c\n',
      'Fromage\n\n',
    ];
    for (const text of cases) expectSame(latin1(text), [...LIMITS, ...SWEEP]);
  });

  it('on a sample of the corpus', () => {
    for (const raw of corpus) expectSame(raw);
  });

  it('on generated messages', () => {
    fc.assert(
      fc.property(tokenMessage, (raw) => expectSame(raw)),
      { numRuns: 3000 },
    );
  });

  it('on mutated corpus messages', () => {
    fc.assert(
      fc.property(mutation, (m) => expectSame(mutate(m))),
      { numRuns: 500 },
    );
  });
});
