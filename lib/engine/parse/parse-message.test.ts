import { describe, expect, it } from 'vitest';
import { parseMessage } from './index';
import { buildAlternative, buildHtml, buildRaw } from './test-support';

async function parseOk(raw: Uint8Array) {
  const r = await parseMessage(raw);
  if (!r.ok) throw new Error(`parse failed: ${r.error.code} ${r.error.message}`);
  return r.message;
}

describe('parseMessage', () => {
  it('reads addresses with display names and registrable domains', async () => {
    const m = await parseOk(
      buildRaw({
        headers: {
          From: '"PayPal Service" <service@mail.paypal.co.uk>',
          'Reply-To': 'x@evil.example',
          'Return-Path': '<bounce@bounces.example.net>',
          Cc: 'Carol <carol@sub.contoso.example>',
        },
      }),
    );
    expect(m.from).toEqual({ name: 'PayPal Service', address: 'service@mail.paypal.co.uk', domain: 'mail.paypal.co.uk', registrableDomain: 'paypal.co.uk' });
    expect(m.replyTo[0].registrableDomain).toBe('evil.example');
    expect(m.returnPath?.registrableDomain).toBe('example.net');
    expect(m.cc[0].registrableDomain).toBe('contoso.example');
    expect(m.to[0].address).toBe('bob@contoso.example');
    expect(m.subject).toBe('Hello');
    expect(m.date).toBe('2026-03-02T10:00:00.000Z');
    expect(m.messageId).toBe('<t1@example.com>');
    expect(m.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps headers in order with lower-cased keys', async () => {
    const m = await parseOk(buildRaw({ headers: [['X-First', '1'], ['X-First', '2']] }));
    const xs = m.headers.filter((h) => h.key === 'x-first');
    expect(xs.map((h) => h.value)).toEqual(['1', '2']);
    expect(xs[0].name).toBe('X-First');
  });

  it('recovers the mailbox from malformed From lists', async () => {
    const m = await parseOk(buildRaw({ headers: { From: 'Ace Hardware   ,_<w3bm5@7egk3fz8jq.com>' } }));
    expect(m.from?.address).toBe('w3bm5@7egk3fz8jq.com');
    expect(m.from?.name).toContain('Ace Hardware');
  });

  it('decodes RFC 2047 display names and subjects', async () => {
    const m = await parseOk(buildRaw({ headers: { From: '=?utf-8?B?TWljcm9zb2Z0?= <a@b.example>', Subject: '=?utf-8?Q?Caf=C3=A9?=' } }));
    expect(m.from?.name).toBe('Microsoft');
    expect(m.subject).toBe('Café');
  });

  it('separates text, html and visible text; html-only leaves text empty', async () => {
    const alt = await parseOk(buildRaw(buildAlternative('plain words', '<p>html <b>words</b></p>')));
    expect(alt.text.trim()).toBe('plain words');
    expect(alt.htmlText).toBe('html words');
    const only = await parseOk(buildRaw(buildHtml('<html><head><title>t</title><style>p{}</style></head><body><p>Hello&nbsp;&amp; bye</p><script>x()</script></body></html>')));
    expect(only.text).toBe('');
    expect(only.htmlText).toBe('Hello & bye');
  });

  it('parses Received hops', async () => {
    const m = await parseOk(
      buildRaw({ headers: [['Received', 'from mail.example.com (mail.example.com [192.0.2.7]) by mx.contoso.example with ESMTPS; Mon, 2 Mar 2026 10:00:01 +0000']] }),
    );
    expect(m.received[0]).toEqual({ from: 'mail.example.com', by: 'mx.contoso.example', ip: '192.0.2.7', date: '2026-03-02T10:00:01.000Z' });
  });

  it('returns null for a missing or unparseable date', async () => {
    const m = await parseOk(buildRaw({ headers: { Date: 'not a date' } }));
    expect(m.date).toBeNull();
  });
});
