import { describe, expect, it } from 'vitest';
import { buildAlternative } from '../parse/test-support';
import { findPhrases } from './phrases';
import { signalsOf } from './test-support';

const families = (text: string) => findPhrases(text).map((h) => h.family);

describe('phrase families', () => {
  it.each([
    ['Please note our updated bank details for all future payments', 'payment_change'],
    ['The invoice attached is overdue; please arrange the wire transfer', 'invoice'],
    ['Verify your account to keep your same password', 'credential'],
    ['Your account has been suspended due to unusual sign-in activity', 'account_lock'],
    ['Buy 5 Google Play gift cards and scratch the back', 'gift_card'],
    ['I recorded you visiting adult sites. Pay in bitcoin or your contacts will receive the video', 'extortion'],
    ['Are you available? I need a quick favor', 'exec_request'],
    ['Respond immediately, this is your final notice', 'urgency'],
    ['Congratulations! You have won the lottery, claim your prize', 'prize'],
    ['Send USDT to this wallet for guaranteed returns', 'crypto'],
    ['Your parcel could not be delivered, pay the customs fee', 'delivery'],
    ['Jane shared a document with you: view document', 'document_share'],
  ])('%s → %s', (text, family) => {
    expect(families(text)).toContain(family);
  });

  it('does not fire on ordinary technical mail', () => {
    expect(findPhrases('The USRP B210 streams at 56 MHz; check the FPGA image and the UHD version.')).toEqual([]);
  });

  it('counts subject plus the richer body part once, with evidence offsets', async () => {
    const alt = buildAlternative('Please act immediately.', '<p>Please act immediately.</p>');
    const set = await signalsOf({ ...alt, headers: { ...(alt.headers as Record<string, string>), Subject: 'Urgent request' } });
    expect(set.values['message.phrase_urgency_count']).toBe(2);
    expect(set.values['message.phrase_family_count']).toBe(1);
    const body = set.evidence['message.phrase_urgency_count'].find((e) => e.kind === 'body');
    expect(body).toMatchObject({ kind: 'body', part: 'text', text: 'immediately' });
    if (body?.kind === 'body') expect('Please act immediately.'.slice(body.start, body.end)).toBe('immediately');
    const header = set.evidence['message.phrase_urgency_count'].find((e) => e.kind === 'header');
    expect(header).toMatchObject({ header: 'Subject', start: 0, end: 6, text: 'Urgent' });
  });
});
