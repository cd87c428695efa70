import { describe, expect, it } from 'vitest';
import { buildAlternative, buildHtml, buildWithAttachments } from '../parse/test-support';
import type { SignalSet } from '../types';
import { PHRASE_FAMILIES, SIGNALS } from './catalog';
import { signalsOf } from './test-support';

const TYPEOF = { bool: 'boolean', int: 'number', double: 'number', string: 'string' } as const;

function expectComplete(set: SignalSet): void {
  for (const s of SIGNALS) {
    const v = set.values[s.name];
    expect(typeof v, s.name).toBe(TYPEOF[s.type]);
    if (s.type === 'int') expect(Number.isInteger(v), s.name).toBe(true);
    if (s.type === 'double') expect(Number.isFinite(v), s.name).toBe(true);
  }
  expect(Object.keys(set.values).sort()).toEqual(SIGNALS.map((s) => s.name).sort());
  for (const name of Object.keys(set.evidence)) expect(SIGNALS.some((s) => s.name === name), name).toBe(true);
}

describe('signal catalog', () => {
  it('has at least 45 uniquely named, well-formed signals', () => {
    expect(SIGNALS.length).toBeGreaterThanOrEqual(45);
    expect(new Set(SIGNALS.map((s) => s.name)).size).toBe(SIGNALS.length);
    for (const s of SIGNALS) {
      expect(s.name).toMatch(/^(message|sender|recipient)\.[a-z0-9_]+$/);
      expect(s.name.startsWith(`${s.level}.`)).toBe(true);
      expect(s.description.length).toBeGreaterThan(10);
    }
    for (const f of PHRASE_FAMILIES) expect(SIGNALS.some((s) => s.name === `message.phrase_${f}_count`)).toBe(true);
  });

  it('gives every signal a value of its declared type, for all kinds of messages', async () => {
    const specs = [
      {},
      { headers: { From: '' }, body: '' },
      buildAlternative('Urgent: verify your account at https://bit.ly/x', '<a href="http://192.0.2.1/">paypal.com</a><span style="display:none">x</span>'),
      buildHtml('<p>hello</p>'),
      buildWithAttachments([{ name: 'a.pdf.exe', type: 'application/octet-stream', bytes: new Uint8Array([0x4d, 0x5a]) }]),
    ];
    for (const spec of specs) expectComplete(await signalsOf(spec));
    expectComplete(
      await signalsOf({}, { sender: { addressMessages: 3, domainMessages: 9, firstSeenDaysAgo: 40.6, flaggedShare: 0.5, correctedSafeShare: 0 }, recipientStats: { messages: 10, firstTimeSenderShare: 0.2, safeShare: 0.9 } }),
    );
  });
});
