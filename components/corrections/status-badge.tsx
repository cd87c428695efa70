import { Badge, type BadgeTone } from '@/components/ui/badge';

const statusTone: Record<string, BadgeTone> = {
  pending: 'warning',
  active: 'accent',
  rejected: 'neutral',
  revoked: 'neutral',
  expired: 'neutral',
};

const statusLabel: Record<string, string> = {
  pending: 'Pending approval',
  active: 'Active',
  rejected: 'Rejected',
  revoked: 'Revoked',
  expired: 'Expired',
};

export function StatusBadge({ status }: { status: string }) {
  return <Badge tone={statusTone[status] ?? 'neutral'}>{statusLabel[status] ?? status}</Badge>;
}

const verdictTone: Record<string, BadgeTone> = { attack: 'danger', spam: 'warning', graymail: 'neutral', safe: 'accent' };

export function VerdictBadge({ verdict }: { verdict: string }) {
  return <Badge tone={verdictTone[verdict] ?? 'neutral'}>{verdict}</Badge>;
}

export const scopeKindLabel: Record<string, string> = {
  sender: 'Sender',
  domain: 'Domain',
  rule_sender: 'Rule · sender',
  rule_domain: 'Rule · domain',
  message: 'Message',
};

const warningLabels: Record<string, string> = {
  free_mail: 'free-mail domain',
  dmarc_fail: 'domain fails DMARC here',
  lookalike: 'look-alike of an own domain or brand',
  broader_than_evidence: 'broader than the evidence',
  guard_off: 'authentication guard off',
  duplicate: 'duplicate',
  overlap: 'overlaps another correction',
  releases_malicious: 'releases malicious messages',
};

/** A guardrail warning code as people read it. */
export function warningLabel(code: string): string {
  return warningLabels[code] ?? code;
}
