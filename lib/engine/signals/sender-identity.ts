// Who the message claims to be from: free-mail, tenant domain, Reply-To / Return-Path drift,
// display-name tricks, VIP and brand impersonation, lookalike From domains.
import { BRANDS } from '../data/brands';
import { FREE_MAIL_DOMAINS } from '../data/free-mail';
import { parseFromHeader } from '../parse/addresses';
import { getRegistrableDomain } from '../parse/domains';
import type { ParsedMessage, ScoringContext } from '../types';
import { findLookalike, type LookalikeTarget } from './lookalike';
import { headerEvidence, setSignal, type SignalBuilder } from './signal-set';

const EMAIL_IN_NAME = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const CORPORATE_WORDS =
  /\b(?:inc|llc|ltd|gmbh|corp|corporation|company|bank|support|service|services|team|department|dept|payroll|accounts?|billing|finance|hr|human resources|admin|administrator|helpdesk|help desk|security|customer care|official|notification|verification|ceo|cfo|director|president)\b/i;
// "Alice via USRP-users": how mailing lists rewrite From for DMARC; never an impersonation.
const LIST_REWRITE = /\s+via\s+\S/i;

type BrandName = { brand: string; domains: Set<string> };
const BRAND_NAMES = new Map<string, BrandName>();
for (const b of BRANDS) for (const n of b.names) BRAND_NAMES.set(n, { brand: b.id, domains: new Set(b.domains) });
const BRAND_NAME_RE = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(${[...BRAND_NAMES.keys()].sort((a, b) => b.length - a.length).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
);

/** The brand a display name names, if any. */
export function findBrandName(name: string): { brand: string; domains: Set<string>; text: string } | null {
  const m = BRAND_NAME_RE.exec(name);
  if (!m) return null;
  const entry = BRAND_NAMES.get(m[1].toLowerCase());
  return entry ? { ...entry, text: m[1] } : null;
}

function normaliseName(name: string): string[] {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
}

/** True when the display name carries every token of the VIP's name ("Smith, Jane" matches "Jane Smith"). */
export function matchesVipName(displayName: string, vipName: string): boolean {
  const vip = normaliseName(vipName);
  if (vip.length === 0) return false;
  const shown = new Set(normaliseName(displayName));
  return vip.every((t) => shown.has(t));
}

/** Adds the From/Reply-To/Return-Path identity signals. */
export function addSenderIdentitySignals(set: SignalBuilder, message: ParsedMessage, context: ScoringContext, targets: LookalikeTarget[], listMail: boolean): void {
  const from = message.from;
  const fromHeader = message.headers.find((h) => h.key === 'from');
  if (fromHeader && parseFromHeader(fromHeader.value).malformed) {
    setSignal(set, 'message.from_malformed', true, [{ kind: 'header', header: fromHeader.name, start: 0, end: fromHeader.value.length, text: fromHeader.value }]);
  }
  if (!from) {
    setSignal(set, 'message.from_missing', true, [{ kind: 'context', text: 'no parseable From address' }]);
    return;
  }
  const fromEv = (text: string) => headerEvidence(message, 'from', text);
  const domain = from.registrableDomain;
  const tenantDomains = new Set(context.tenant.domains.map((d) => getRegistrableDomain(d)));
  setSignal(set, 'message.from_domain', domain, [fromEv(from.address)]);

  const freeMail = FREE_MAIL_DOMAINS.has(domain) || FREE_MAIL_DOMAINS.has(from.domain);
  if (freeMail) setSignal(set, 'message.from_free_mail', true, [fromEv(from.address)]);
  if (tenantDomains.has(domain)) setSignal(set, 'message.from_tenant_domain', true, [fromEv(from.address)]);

  const rewritten = listMail && LIST_REWRITE.test(from.name);
  const brand = from.name && !rewritten ? findBrandName(from.name) : null;
  if (freeMail && from.name) {
    const tenantWord = context.tenant.slug && new RegExp(`\\b${context.tenant.slug.replace(/[^a-z0-9]/gi, '')}\\b`, 'i').test(from.name);
    const corporate = CORPORATE_WORDS.exec(from.name);
    if (tenantWord || corporate || brand) setSignal(set, 'message.free_mail_corporate_name', true, [fromEv(from.name)]);
  }

  const mismatch = message.replyTo.find((r) => r.registrableDomain && r.registrableDomain !== domain);
  // Lists set Reply-To to the list or the poster; that is their job, not a hijack.
  if (mismatch && !listMail) setSignal(set, 'message.reply_to_mismatch', true, [headerEvidence(message, 'reply-to', mismatch.address)]);
  const rp = message.returnPath;
  if (rp && rp.registrableDomain && rp.registrableDomain !== domain && !listMail) {
    setSignal(set, 'message.return_path_mismatch', true, [headerEvidence(message, 'return-path', rp.address)]);
  }

  const embedded = EMAIL_IN_NAME.exec(from.name);
  if (embedded) {
    setSignal(set, 'message.display_name_has_email', true, [fromEv(embedded[0])]);
    const other = getRegistrableDomain(embedded[0].slice(embedded[0].lastIndexOf('@') + 1));
    if (other !== domain) setSignal(set, 'message.display_name_email_mismatch', true, [fromEv(embedded[0])]);
  }

  if (!rewritten && from.name) {
    for (const vip of context.tenant.vips) {
      if (!matchesVipName(from.name, vip.name)) continue;
      if (vip.addresses.some((a) => a.toLowerCase() === from.address)) break;
      setSignal(set, 'message.vip_impersonation', true, [fromEv(from.name), { kind: 'context', text: `VIP ${vip.name}` }]);
      break;
    }
  }

  const brandDomain = brand && (brand.domains.has(domain) || [...brand.domains].some((d) => d.split('.')[0] === domain.split('.')[0]));
  if (brand && !brandDomain) {
    setSignal(set, 'message.brand_display_name', true, [fromEv(brand.text)]);
    setSignal(set, 'message.impersonated_brand', brand.brand, [fromEv(brand.text)]);
  }

  const look = findLookalike(domain, targets, from.domain);
  if (look) {
    setSignal(set, 'message.lookalike_from_domain', true, [fromEv(from.address)]);
    setSignal(set, 'message.lookalike_target', look.target.domain, [{ kind: 'context', text: `${look.how} of ${look.target.domain}` }]);
    if (look.target.brand && !set.values['message.impersonated_brand']) setSignal(set, 'message.impersonated_brand', look.target.brand);
  }
}
