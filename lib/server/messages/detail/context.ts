import 'server-only';
import { db } from '@/lib/db';
import type { SignalSet } from '@/lib/engine';

// Sender and recipient context beside the tenant's baseline. "At arrival" is what the engine
// saw (the stored sender.* / recipient.* signals); "now" is the running totals in the stats
// tables, which include this message and everything after it.

export type SenderContext = {
  address: string;
  domain: string;
  atArrival: { isNew: boolean; addressMessages: number; domainMessages: number; daysSinceFirstSeen: number; flaggedShare: number; correctedSafeShare: number } | null;
  now: { addressMessages: number; addressFlagged: number; firstSeenAt: string | null; domainMessages: number; domainFlagged: number; domainFirstSeenAt: string | null };
};

export type RecipientContext = {
  recipient: string;
  atArrival: { isVip: boolean; messages: number; firstTimeSenderShare: number; safeShare: number } | null;
  now: { messages: number; firstTimeSenderShare: number; safeShare: number };
};

export type TenantBaseline = { messages: number; flaggedShare: number; firstTimeSenderShare: number; safeShare: number; senderDomains: number };

export type ContextView = { sender: SenderContext; recipient: RecipientContext; baseline: TenantBaseline };

type Stats = {
  a_messages: number | null; a_flagged: number | null; a_first: Date | null;
  d_messages: number | null; d_flagged: number | null; d_first: Date | null;
  r_messages: number | null; r_first_time: number | null; r_safe: number | null;
  t_messages: number; t_first_time: number; t_safe: number; t_domain_messages: number; t_domain_flagged: number; t_domains: number;
};

// One round trip. The tenant totals sum the per-recipient and per-domain rows (far fewer than
// messages), so the baseline costs the same at a thousand or a million stored messages.
const contextSql = `
  SELECT a.messages::int AS a_messages, a.flagged::int AS a_flagged, a.first_seen_at AS a_first,
         d.messages::int AS d_messages, d.flagged::int AS d_flagged, d.first_seen_at AS d_first,
         r.messages::int AS r_messages, r.from_first_time_senders::int AS r_first_time, r.safe::int AS r_safe,
         t.messages AS t_messages, t.first_time AS t_first_time, t.safe AS t_safe, td.messages AS t_domain_messages, td.flagged AS t_domain_flagged, td.domains AS t_domains
    FROM (SELECT coalesce(sum(messages), 0)::float8 AS messages, coalesce(sum(from_first_time_senders), 0)::float8 AS first_time, coalesce(sum(safe), 0)::float8 AS safe
            FROM recipient_stats WHERE tenant_id = $1::uuid) t
   CROSS JOIN (SELECT coalesce(sum(messages), 0)::float8 AS messages, coalesce(sum(flagged), 0)::float8 AS flagged, count(*)::int AS domains
            FROM sender_domain_stats WHERE tenant_id = $1::uuid) td
    LEFT JOIN sender_stats a ON a.tenant_id = $1::uuid AND a.address = $2
    LEFT JOIN sender_domain_stats d ON d.tenant_id = $1::uuid AND d.domain = $3
    LEFT JOIN recipient_stats r ON r.tenant_id = $1::uuid AND r.recipient = $4`;

export async function loadContext(input: { tenantId: string; address: string; domain: string; recipient: string; signals: SignalSet | null }): Promise<ContextView> {
  const [s] = await db.$queryRawUnsafe<Stats[]>(contextSql, input.tenantId, input.address, input.domain, input.recipient);
  return buildContext(input, s);
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

export function buildContext(input: { address: string; domain: string; recipient: string; signals: SignalSet | null }, s: Stats): ContextView {
  const v = input.signals?.values;
  const num = (name: string) => (typeof v?.[name] === 'number' ? (v[name] as number) : 0);
  const bool = (name: string) => v?.[name] === true;
  return {
    sender: {
      address: input.address,
      domain: input.domain,
      atArrival: v
        ? {
            isNew: bool('sender.is_new'),
            addressMessages: num('sender.address_messages'),
            domainMessages: num('sender.domain_messages'),
            daysSinceFirstSeen: num('sender.days_since_first_seen'),
            flaggedShare: num('sender.flagged_share'),
            correctedSafeShare: num('sender.corrected_safe_share'),
          }
        : null,
      now: {
        addressMessages: s.a_messages ?? 0,
        addressFlagged: s.a_flagged ?? 0,
        firstSeenAt: s.a_first?.toISOString() ?? null,
        domainMessages: s.d_messages ?? 0,
        domainFlagged: s.d_flagged ?? 0,
        domainFirstSeenAt: s.d_first?.toISOString() ?? null,
      },
    },
    recipient: {
      recipient: input.recipient,
      atArrival: v
        ? { isVip: bool('recipient.is_vip'), messages: num('recipient.messages'), firstTimeSenderShare: num('recipient.first_time_sender_share'), safeShare: num('recipient.safe_share') }
        : null,
      now: { messages: s.r_messages ?? 0, firstTimeSenderShare: share(s.r_first_time ?? 0, s.r_messages ?? 0), safeShare: share(s.r_safe ?? 0, s.r_messages ?? 0) },
    },
    baseline: {
      messages: s.t_messages,
      flaggedShare: share(s.t_domain_flagged, s.t_domain_messages),
      firstTimeSenderShare: share(s.t_first_time, s.t_messages),
      safeShare: share(s.t_safe, s.t_messages),
      senderDomains: s.t_domains,
    },
  };
}
