// Authentication-Results (RFC 8601) and Received-SPF → AuthResults. The topmost header is the
// one our (or the most recent) receiving server wrote, so it wins for every method it reports.
import type { AuthOutcome, AuthResults, Header } from '../types';

const OUTCOMES: ReadonlySet<string> = new Set([
  'pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror', 'policy',
]);
const ALIASES: Record<string, AuthOutcome> = { hardfail: 'fail', bestguesspass: 'pass', error: 'temperror' };

/** Normalises a result keyword to an AuthOutcome ('unknown' for anything unrecognised). */
export function toOutcome(value: string): AuthOutcome {
  const v = value.toLowerCase();
  if (OUTCOMES.has(v)) return v as AuthOutcome;
  return ALIASES[v] ?? 'unknown';
}

function stripComments(value: string): string {
  let out = '';
  let depth = 0;
  for (const ch of value) {
    if (ch === '(') depth++;
    else if (ch === ')' && depth > 0) depth--;
    else if (depth === 0) out += ch;
  }
  return out;
}

function domainOf(value: string | undefined): string {
  if (!value) return '';
  const v = value.replace(/^["<]|[">]$/g, '').toLowerCase();
  const at = v.lastIndexOf('@');
  const d = at >= 0 ? v.slice(at + 1) : v;
  return d === 'none' ? '' : d;
}

const METHOD = /^\s*(spf|dkim|dmarc|arc)\s*=\s*([a-z]+)/i;
const PROP = /([a-z]+)\.([a-z-]+)\s*=\s*("[^"]*"|[^\s;]+)/gi;

type Entry = { method: string; result: AuthOutcome; props: Record<string, string>; raw: string };

function parseEntries(value: string): Entry[] {
  const entries: Entry[] = [];
  for (const segment of value.split(';')) {
    const bare = stripComments(segment);
    const m = METHOD.exec(bare);
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const p of bare.matchAll(PROP)) props[`${p[1].toLowerCase()}.${p[2].toLowerCase()}`] = p[3];
    entries.push({ method: m[1].toLowerCase(), result: toOutcome(m[2]), props, raw: segment });
  }
  return entries;
}

function parseReceivedSpf(value: string): AuthResults['spf'] {
  const result = /^\s*([a-z]+)/i.exec(value);
  if (!result) return null;
  const env = /envelope-from=("?)([^";\s]+)\1/i.exec(value) ?? /domain of (?:transitioning\s+)?(?:\S+@)?([^\s)]+)/i.exec(value);
  const domain = env ? domainOf(env[env.length - 1]) : '';
  return { result: toOutcome(result[1]), domain };
}

/** Parses every Authentication-Results header (topmost wins per method) plus Received-SPF. */
export function parseAuthResults(headers: Header[]): AuthResults {
  const auth: AuthResults = { spf: null, dkim: [], dmarc: null, arc: null };
  for (const h of headers) {
    if (h.key !== 'authentication-results') continue;
    const entries = parseEntries(h.value);
    const dkim = entries.filter((e) => e.method === 'dkim');
    if (auth.dkim.length === 0 && dkim.length > 0) {
      auth.dkim = dkim.map((e) => ({
        result: e.result,
        domain: domainOf(e.props['header.d'] ?? e.props['header.i']),
        selector: (e.props['header.s'] ?? '').replace(/"/g, ''),
      }));
    }
    for (const e of entries) {
      if (e.method === 'spf' && !auth.spf) {
        auth.spf = { result: e.result, domain: domainOf(e.props['smtp.mailfrom'] ?? e.props['smtp.helo']) };
      } else if (e.method === 'dmarc' && !auth.dmarc) {
        const policy = /\bp=([a-z]+)/i.exec(e.raw) ?? /\baction=([a-z]+)/i.exec(e.raw);
        auth.dmarc = { result: e.result, domain: domainOf(e.props['header.from']), policy: policy ? policy[1].toLowerCase() : '' };
      } else if (e.method === 'arc' && !auth.arc) {
        auth.arc = { result: e.result };
      }
    }
  }
  if (!auth.spf) {
    const received = headers.find((h) => h.key === 'received-spf');
    if (received) auth.spf = parseReceivedSpf(received.value);
  }
  return auth;
}
