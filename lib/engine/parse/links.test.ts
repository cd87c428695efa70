import { describe, expect, it } from 'vitest';
import { parseMessage } from './index';
import { describeUrl, extractLinks } from './links';
import { buildAlternative, buildRaw } from './test-support';

describe('describeUrl', () => {
  it('decodes punycode hosts and keeps the ASCII host', () => {
    const d = describeUrl('https://xn--pypal-4ve.com/login');
    expect(d?.host).toBe('xn--pypal-4ve.com');
    expect(d?.unicodeHost).toBe('pаypal.com');
    expect(d?.registrableDomain).toBe('xn--pypal-4ve.com');
  });

  it('converts a Unicode host written in an href to punycode', () => {
    expect(describeUrl('http://аpple.com/')?.host).toMatch(/^xn--/);
  });

  it('flags IP literals, including obfuscated IPv4 forms', () => {
    expect(describeUrl('http://192.0.2.5/x')?.isIpLiteral).toBe(true);
    expect(describeUrl('http://0xC0000205/x')?.host).toBe('192.0.2.5');
    expect(describeUrl('http://[2001:db8::1]/')?.isIpLiteral).toBe(true);
    expect(describeUrl('https://example.com')?.isIpLiteral).toBe(false);
  });

  it('flags shorteners', () => {
    for (const u of ['https://bit.ly/x', 'http://t.co/abc', 'https://www.tinyurl.com/y', 'https://rb.gy/z']) expect(describeUrl(u)?.isShortener).toBe(true);
    expect(describeUrl('https://example.com/bit.ly')?.isShortener).toBe(false);
  });

  it('ignores non-web schemes', () => {
    for (const u of ['mailto:a@b.example', 'tel:123', '#top', 'cid:img1', 'javascript:alert(1)']) expect(describeUrl(u)).toBeNull();
  });
});

describe('extractLinks', () => {
  it('keeps anchor text for html links and empty text for bare URLs, without duplicates', () => {
    const links = extractLinks([{ href: 'https://a.example/1', text: 'Sign in' }], 'see https://a.example/1 and www.b.example/x, or (https://c.example/y).');
    expect(links.map((l) => [l.href, l.text, l.source])).toEqual([
      ['https://a.example/1', 'Sign in', 'html'],
      ['http://www.b.example/x', '', 'text'],
      ['https://c.example/y', '', 'text'],
    ]);
    expect(links.map((l) => l.index)).toEqual([0, 1, 2]);
  });

  it('finds links in a parsed multipart message', async () => {
    const r = await parseMessage(buildRaw(buildAlternative('Go to https://evil.example/pay now', '<a href="https://evil.example/pay">https://paypal.com</a>')));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.message.links).toHaveLength(1);
    expect(r.message.links[0]).toMatchObject({ text: 'https://paypal.com', registrableDomain: 'evil.example', source: 'html' });
  });
});
