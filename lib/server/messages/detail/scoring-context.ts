import 'server-only';
import type { ScoringContext, SignalSet, TenantProfile } from '@/lib/engine';

/**
 * The scoring context a message had when it arrived, read back from its stored sender.* and
 * recipient.* signals. Re-scoring uses it instead of today's stats: today's counts include this
 * message and everything after it, so a re-score would otherwise change just because time passed.
 * Lossless for what extractSignals reads (it rounds/floors the same values again).
 */
export function contextAtArrival(signals: SignalSet, tenant: TenantProfile, recipient: string): ScoringContext {
  const v = signals.values;
  const num = (name: string) => (typeof v[name] === 'number' ? (v[name] as number) : 0);
  const addressMessages = num('sender.address_messages');
  const domainMessages = num('sender.domain_messages');
  // extractSignals sets sender.is_new with no counts only when the context had no sender at all.
  const unknownSender = v['sender.is_new'] === true && addressMessages === 0 && domainMessages === 0;
  const recipientMessages = num('recipient.messages');
  return {
    tenant,
    recipient,
    sender: unknownSender
      ? null
      : {
          addressMessages,
          domainMessages,
          firstSeenDaysAgo: num('sender.days_since_first_seen'),
          flaggedShare: num('sender.flagged_share'),
          correctedSafeShare: num('sender.corrected_safe_share'),
        },
    recipientStats: recipientMessages > 0 ? { messages: recipientMessages, firstTimeSenderShare: num('recipient.first_time_sender_share'), safeShare: num('recipient.safe_share') } : null,
  };
}
