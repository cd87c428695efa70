// Link signals: counts, distinct domains, shorteners, IP literals, punycode, text/href mismatch,
// share of links on the sender's own domain, density, lookalike link domains and forms.
import { getRegistrableDomain } from '../parse/domains';
import type { Evidence, ParsedMessage } from '../types';
import { findLookalike, type LookalikeTarget } from './lookalike';
import { setSignal, type SignalBuilder } from './signal-set';

// A domain shown as anchor text: "paypal.com", "https://paypal.com/login", "www.paypal.com".
const SHOWN_DOMAIN = /^(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:[/:?#]\S*)?$/i;
/** Distinct link domains checked for lookalikes: bounds the work on link-stuffed messages. */
const MAX_LOOKALIKE_DOMAINS = 40;

const linkEv = (index: number, text: string): Evidence => ({ kind: 'link', index, text });

/** Adds the link signals; `words` is the visible word count used for link density. */
export function addLinkSignals(set: SignalBuilder, message: ParsedMessage, targets: LookalikeTarget[], words: number): void {
  const links = message.links;
  if (links.length === 0) {
    if (/<form[\s>]/i.test(message.html)) setSignal(set, 'message.has_form', true, [{ kind: 'context', text: '<form>' }]);
    return;
  }
  const domains = new Set<string>();
  const shorteners: Evidence[] = [];
  const ips: Evidence[] = [];
  const puny: Evidence[] = [];
  const mismatches: Evidence[] = [];
  let ownDomain = 0;
  const fromDomain = message.from?.registrableDomain ?? '';
  for (const link of links) {
    domains.add(link.registrableDomain);
    if (link.isShortener) shorteners.push(linkEv(link.index, link.href));
    if (link.isIpLiteral) ips.push(linkEv(link.index, link.href));
    if (link.host.includes('xn--') || link.unicodeHost !== link.host) puny.push(linkEv(link.index, link.unicodeHost));
    if (fromDomain && link.registrableDomain === fromDomain) ownDomain++;
    const shown = link.source === 'html' && link.text.length < 200 ? SHOWN_DOMAIN.exec(link.text.trim()) : null;
    if (shown && getRegistrableDomain(shown[1]) !== link.registrableDomain) {
      mismatches.push(linkEv(link.index, `${link.text} → ${link.host}`));
    }
  }
  setSignal(set, 'message.link_count', links.length);
  setSignal(set, 'message.link_domain_count', domains.size);
  setSignal(set, 'message.shortener_link_count', shorteners.length, shorteners);
  setSignal(set, 'message.ip_link_count', ips.length, ips);
  if (puny.length > 0) setSignal(set, 'message.punycode_link', true, puny);
  if (mismatches.length > 0) setSignal(set, 'message.link_text_mismatch', true, mismatches);
  setSignal(set, 'message.link_sender_domain_share', ownDomain / links.length);
  setSignal(set, 'message.link_density', (links.length * 100) / Math.max(words, 1));
  if (/<form[\s>]/i.test(message.html)) setSignal(set, 'message.has_form', true, [{ kind: 'context', text: '<form>' }]);

  let checked = 0;
  const seen = new Set<string>();
  for (const link of links) {
    if (checked >= MAX_LOOKALIKE_DOMAINS) break;
    if (seen.has(link.host)) continue;
    seen.add(link.host);
    checked++;
    const look = findLookalike(link.registrableDomain, targets, link.host);
    if (!look) continue;
    setSignal(set, 'message.lookalike_link_domain', true, [linkEv(link.index, link.host)]);
    if (!set.values['message.lookalike_target']) {
      setSignal(set, 'message.lookalike_target', look.target.domain, [{ kind: 'context', text: `${look.how} of ${look.target.domain}` }]);
    }
    break;
  }
}
