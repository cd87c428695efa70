import { describe, expect, it } from 'vitest';
import { buildAlternative, buildHtml } from '../parse/test-support';
import { signalsOf } from './test-support';

describe('link signals', () => {
  it('anchor text showing another domain than the href', async () => {
    const s = await signalsOf(buildHtml('<a href="https://login.evil.example/x">https://www.paypal.com/signin</a>'));
    expect(s.values['message.link_text_mismatch']).toBe(true);
    expect(s.evidence['message.link_text_mismatch'][0]).toMatchObject({ kind: 'link', index: 0 });
    const same = await signalsOf(buildHtml('<a href="https://www.paypal.com/signin?x=1">paypal.com</a><a href="https://e.example">Click here</a>'));
    expect(same.values['message.link_text_mismatch']).toBe(false);
  });

  it('shorteners, IP literals and punycode', async () => {
    const s = await signalsOf(buildHtml('<a href="https://bit.ly/abc">a</a><a href="http://192.0.2.9/login">b</a><a href="https://xn--pypal-4ve.com/">c</a>'));
    expect(s.values['message.shortener_link_count']).toBe(1);
    expect(s.values['message.ip_link_count']).toBe(1);
    expect(s.values['message.punycode_link']).toBe(true);
    expect(s.values['message.lookalike_link_domain']).toBe(true);
    expect(s.values['message.lookalike_target']).toBe('paypal.com');
    expect(s.values['message.link_count']).toBe(3);
    expect(s.values['message.link_domain_count']).toBe(3);
  });

  it('a real domain used as a subdomain is a lookalike link', async () => {
    const s = await signalsOf(buildHtml('<a href="https://paypal.com.secure-login.example/">Log in</a>'));
    expect(s.values['message.lookalike_link_domain']).toBe(true);
  });

  it('sender-domain share, density and forms', async () => {
    const alt = buildAlternative('one two three four five six seven eight nine ten https://shop.example/a https://other.example/b', '<form action="https://x.example"><input name="password"></form>');
    const s = await signalsOf({ ...alt, headers: { ...(alt.headers as Record<string, string>), From: 'news@shop.example' } });
    expect(s.values['message.link_sender_domain_share']).toBe(0.5);
    expect(s.values['message.link_density']).toBeCloseTo(200 / 12, 5);
    expect(s.values['message.has_form']).toBe(true);
  });

  it('a newsletter with many links and List-Unsubscribe stays clean of lookalike/mismatch signals', async () => {
    const anchors = Array.from({ length: 40 }, (_, i) => `<a href="https://click.news.shop.example/t/${i}">Product ${i}</a>`).join(' ');
    const s = await signalsOf(
      buildHtml(`<p>Our spring sale</p>${anchors}<a href="https://shop.example/unsubscribe">Unsubscribe</a>`, {
        From: 'Shop News <news@shop.example>',
        'List-Unsubscribe': '<https://shop.example/unsubscribe>',
      }),
    );
    expect(s.values['message.is_list_mail']).toBe(true);
    expect(s.values['message.link_count']).toBe(41);
    expect(s.values['message.link_domain_count']).toBe(1);
    expect(s.values['message.link_sender_domain_share']).toBe(1);
    for (const name of ['message.link_text_mismatch', 'message.lookalike_link_domain', 'message.punycode_link', 'message.brand_display_name']) expect(s.values[name], name).toBe(false);
  });
});
