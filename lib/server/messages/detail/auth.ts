import 'server-only';
import { getDomain } from 'tldts';
import type { AuthOutcome, ParsedMessage } from '@/lib/engine';

// SPF, DKIM, DMARC and ARC as the topmost Authentication-Results reported them, with relaxed
// alignment against From's registrable domain (the same rule corrections' auth guard uses).

export type AuthCheck = {
  method: 'SPF' | 'DKIM' | 'DMARC' | 'ARC';
  result: AuthOutcome | 'absent';
  /** The domain the check is about (SPF mail-from, DKIM d=, DMARC header-from); '' if none. */
  domain: string;
  /** DKIM selector or DMARC policy. */
  detail: string;
  /** Shares From's registrable domain; null where alignment does not apply (ARC, absent). */
  aligned: boolean | null;
};

export type AuthView = { checks: AuthCheck[]; fromDomain: string; authenticated: boolean };

export function buildAuthView(message: ParsedMessage, authenticated: boolean): AuthView {
  const fromDomain = message.from?.registrableDomain ?? '';
  const aligned = (domain: string) => (domain && fromDomain ? registrableOf(domain) === fromDomain : false);
  const { spf, dkim, dmarc, arc } = message.auth;
  const checks: AuthCheck[] = [
    spf
      ? { method: 'SPF', result: spf.result, domain: spf.domain, detail: '', aligned: spf.result === 'pass' ? aligned(spf.domain) : false }
      : absent('SPF'),
    ...(dkim.length
      ? dkim.map((d): AuthCheck => ({ method: 'DKIM', result: d.result, domain: d.domain, detail: d.selector ? `s=${d.selector}` : '', aligned: d.result === 'pass' ? aligned(d.domain) : false }))
      : [absent('DKIM')]),
    dmarc ? { method: 'DMARC', result: dmarc.result, domain: dmarc.domain, detail: dmarc.policy ? `p=${dmarc.policy}` : '', aligned: dmarc.result === 'pass' } : absent('DMARC'),
    arc ? { method: 'ARC', result: arc.result, domain: '', detail: '', aligned: null } : absent('ARC'),
  ];
  return { checks, fromDomain, authenticated };
}

const absent = (method: AuthCheck['method']): AuthCheck => ({ method, result: 'absent', domain: '', detail: '', aligned: null });

function registrableOf(host: string): string {
  const h = host.toLowerCase().replace(/^.*@/, '').replace(/\.$/, '');
  return getDomain(h, { allowPrivateDomains: true }) ?? h.split('.').slice(-2).join('.');
}
