import type { ParsedMessage, ScoringContext, TenantProfile } from '../../lib/engine/types';

/** What the CLIs know about where a message was delivered; no database, so every sender is new. */
export type ContextSpec = { tenant: TenantProfile | null; recipient: string | null };

const NO_TENANT: TenantProfile = { slug: 'cli', domains: [], vips: [] };

/**
 * The scoring context for a message: the given recipient, else a To/Cc address on one of the
 * tenant's domains, else the tenant's generic mailbox (inbox@first-domain), else the first To.
 */
export function buildContext(spec: ContextSpec, message: ParsedMessage): ScoringContext {
  const tenant = spec.tenant ?? NO_TENANT;
  return { tenant, recipient: spec.recipient ?? pickRecipient(tenant, message), sender: null, recipientStats: null };
}

function pickRecipient(tenant: TenantProfile, message: ParsedMessage): string {
  const addressed = [...message.to, ...message.cc].map((a) => a.address.toLowerCase());
  const domains = tenant.domains.map((d) => d.toLowerCase());
  const own = addressed.find((a) => domains.some((d) => a.endsWith(`@${d}`)));
  if (own) return own;
  if (domains.length > 0) return `inbox@${domains[0]}`;
  return addressed[0] ?? '';
}
