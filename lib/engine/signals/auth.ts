// SPF / DKIM / DMARC outcomes and their alignment with From, plus the spoofed-internal check.
import { getRegistrableDomain } from '../parse/domains';
import type { Evidence, ParsedMessage } from '../types';
import { headerEvidence, setSignal, type SignalBuilder } from './signal-set';

const DKIM_BROKEN = new Set(['fail', 'permerror', 'neutral', 'policy']);

/** Adds SPF/DKIM/DMARC results, failures and alignment; returns whether From is authenticated. */
export function addAuthSignals(set: SignalBuilder, message: ParsedMessage): boolean {
  const { spf, dkim, dmarc } = message.auth;
  const fromDomain = message.from?.registrableDomain ?? '';
  const ev = (text: string): Evidence[] => [headerEvidence(message, 'authentication-results', text)];

  if (spf) {
    setSignal(set, 'message.spf_result', spf.result, ev(`spf=${spf.result}`));
    if (spf.result === 'fail' || spf.result === 'softfail') setSignal(set, 'message.spf_fail', true, ev(`spf=${spf.result}`));
  }
  const dkimPass = dkim.filter((d) => d.result === 'pass');
  if (dkim.length > 0) {
    const best = dkimPass.length > 0 ? 'pass' : dkim[0].result;
    setSignal(set, 'message.dkim_result', best, ev(`dkim=${best}`));
    if (dkimPass.length === 0 && dkim.some((d) => DKIM_BROKEN.has(d.result))) setSignal(set, 'message.dkim_fail', true, ev(`dkim=${best}`));
  }
  if (dmarc) {
    setSignal(set, 'message.dmarc_result', dmarc.result, ev(`dmarc=${dmarc.result}`));
    if (dmarc.result === 'fail') setSignal(set, 'message.dmarc_fail', true, ev(`dmarc=${dmarc.result}`));
  }
  if (!fromDomain) return false;
  const alignedDkim = dkimPass.find((d) => d.domain && getRegistrableDomain(d.domain) === fromDomain);
  if (alignedDkim) setSignal(set, 'message.dkim_aligned', true, ev(alignedDkim.domain));
  const spfAligned = spf?.result === 'pass' && !!spf.domain && getRegistrableDomain(spf.domain) === fromDomain;
  if (spfAligned) setSignal(set, 'message.spf_aligned', true, ev(spf.domain));
  const aligned = dmarc?.result === 'pass' || !!alignedDkim || spfAligned;
  if (aligned) setSignal(set, 'message.auth_aligned', true);
  return aligned;
}
