import 'server-only';

// Realistic variants of a real message for benchmark data (`npm run db:generate`): the same body
// and structure, with a different Message-ID (so the bytes, hence the fingerprint, are new), often a
// different sender domain and a reply/forward/reference-number subject. Only the header block is
// touched, as latin1 so every other octet survives unchanged. The variant is still parsed and scored
// by the real pipeline, so its verdict follows from what changed.

const SUBJECT_FORMS = [(s: string) => s, (s: string) => `Re: ${s}`, (s: string) => `Fwd: ${s}`, (s: string, n: number) => `${s} #${10_000 + (n % 90_000)}`];

/** Variant `n` of `raw`; `n` makes it unique, and the same (raw, n) always gives the same bytes. */
export function varyMessage(raw: Uint8Array, n: number): Uint8Array {
  const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1');
  const split = /\r?\n\r?\n/.exec(text);
  const headEnd = split ? split.index : text.length;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let head = text.slice(0, headEnd);
  const h = mix(n);

  // A third keep their real sender domain (known brands and lists stay in the data).
  if (h % 3 !== 0) {
    head = replaceHeader(head, 'from', (value) => value.replace(/@([A-Za-z0-9-]+)\./, (_m, label: string) => `@${label}${1 + (h % 29)}.`));
  }
  const form = SUBJECT_FORMS[(h >>> 8) % SUBJECT_FORMS.length];
  head = replaceHeader(head, 'subject', (value) => ` ${form(value.trim(), h)}`);
  const domain = /@([A-Za-z0-9.-]+)/.exec(headerValue(head, 'from') ?? '')?.[1] ?? 'generated.example';
  const messageId = ` <gen-${n.toString(36)}-${h.toString(36)}@${domain}>`;
  head = headerValue(head, 'message-id') === undefined ? `Message-ID:${messageId}${eol}${head}` : replaceHeader(head, 'message-id', () => messageId);
  return Buffer.from(head + text.slice(headEnd), 'latin1');
}

// A header with its folded continuation lines.
const headerPattern = (name: string) => new RegExp(`^(${name}:)((?:.*)(?:\\r?\\n[ \\t].*)*)`, 'im');

function headerValue(head: string, name: string): string | undefined {
  return headerPattern(name).exec(head)?.[2];
}

function replaceHeader(head: string, name: string, fn: (value: string) => string): string {
  return head.replace(headerPattern(name), (_m, key: string, value: string) => `${key}${fn(value)}`);
}

/** A cheap integer hash (murmur3 finaliser): spreads consecutive n over the variation choices. */
function mix(n: number): number {
  let x = (n + 0x9e3779b9) | 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}
