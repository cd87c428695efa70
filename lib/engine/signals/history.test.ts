import { describe, expect, it } from 'vitest';
import { signalsOf } from './test-support';

describe('sender and recipient history signals', () => {
  it('a never-seen sender is new with zero history', async () => {
    const s = await signalsOf({});
    expect(s.values['sender.is_new']).toBe(true);
    expect(s.values['sender.address_messages']).toBe(0);
    expect(s.values['recipient.messages']).toBe(0);
  });

  it('copies and clamps the tenant history', async () => {
    const s = await signalsOf(
      {},
      {
        recipient: 'm.garcia@contoso.example',
        sender: { addressMessages: 12, domainMessages: 40, firstSeenDaysAgo: 90.7, flaggedShare: 0.25, correctedSafeShare: 1.5 },
        recipientStats: { messages: 300, firstTimeSenderShare: 0.1, safeShare: Number.NaN },
      },
    );
    expect(s.values).toMatchObject({
      'sender.is_new': false,
      'sender.address_messages': 12,
      'sender.domain_messages': 40,
      'sender.days_since_first_seen': 90,
      'sender.flagged_share': 0.25,
      'sender.corrected_safe_share': 1,
      'recipient.is_vip': true,
      'recipient.messages': 300,
      'recipient.first_time_sender_share': 0.1,
      'recipient.safe_share': 0,
    });
  });
});
