// Tenant-history signals: what the tenant knows about this sender and this recipient.
import type { ScoringContext } from '../types';
import { setSignal, type SignalBuilder } from './signal-set';

/** Adds the sender.* and recipient.* signals from the scoring context. */
export function addHistorySignals(set: SignalBuilder, context: ScoringContext): void {
  const s = context.sender;
  if (!s) {
    setSignal(set, 'sender.is_new', true, [{ kind: 'context', text: 'first message from this sender' }]);
  } else {
    setSignal(set, 'sender.is_new', s.addressMessages <= 0);
    setSignal(set, 'sender.address_messages', Math.max(0, Math.round(s.addressMessages)));
    setSignal(set, 'sender.domain_messages', Math.max(0, Math.round(s.domainMessages)));
    setSignal(set, 'sender.days_since_first_seen', Math.max(0, Math.floor(s.firstSeenDaysAgo)));
    setSignal(set, 'sender.flagged_share', clampShare(s.flaggedShare));
    setSignal(set, 'sender.corrected_safe_share', clampShare(s.correctedSafeShare));
  }
  const recipient = context.recipient.trim().toLowerCase();
  const vip = context.tenant.vips.find((v) => v.addresses.some((a) => a.toLowerCase() === recipient));
  if (vip) setSignal(set, 'recipient.is_vip', true, [{ kind: 'context', text: `VIP ${vip.name}` }]);
  const r = context.recipientStats;
  if (r) {
    setSignal(set, 'recipient.messages', Math.max(0, Math.round(r.messages)));
    setSignal(set, 'recipient.first_time_sender_share', clampShare(r.firstTimeSenderShare));
    setSignal(set, 'recipient.safe_share', clampShare(r.safeShare));
  }
}

function clampShare(v: number): number {
  return Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0;
}
