import { describe, expect, it } from 'vitest';
import { signalsOf } from './test-support';

const ar = (value: string) => ({ 'Authentication-Results': value });

describe('authentication signals', () => {
  it('reports results, failures and alignment', async () => {
    const s = await signalsOf({
      headers: { From: 'a@mail.shop.example', ...ar('mx.example; spf=pass smtp.mailfrom=bounce.shop.example; dkim=pass header.d=shop.example header.s=k1; dmarc=pass header.from=shop.example') },
    });
    expect(s.values).toMatchObject({
      'message.spf_result': 'pass',
      'message.dkim_result': 'pass',
      'message.dmarc_result': 'pass',
      'message.spf_aligned': true,
      'message.dkim_aligned': true,
      'message.auth_aligned': true,
      'message.spf_fail': false,
      'message.dkim_fail': false,
      'message.dmarc_fail': false,
    });
  });

  it('a DKIM pass for another domain is not aligned', async () => {
    const s = await signalsOf({ headers: { From: 'a@shop.example', ...ar('mx; spf=softfail smtp.mailfrom=x.example; dkim=pass header.d=sendgrid.example; dmarc=fail header.from=shop.example') } });
    expect(s.values['message.dkim_aligned']).toBe(false);
    expect(s.values['message.auth_aligned']).toBe(false);
    expect(s.values['message.spf_fail']).toBe(true);
    expect(s.values['message.dmarc_fail']).toBe(true);
    expect(s.values['message.dkim_fail']).toBe(false);
  });

  it('dkim_fail only when a signature failed and none passed', async () => {
    const s = await signalsOf({ headers: ar('mx; dkim=fail header.d=a.example') });
    expect(s.values['message.dkim_fail']).toBe(true);
    const none = await signalsOf({ headers: ar('mx; dkim=none') });
    expect(none.values['message.dkim_fail']).toBe(false);
  });

  it('absent results leave empty strings and false flags', async () => {
    const s = await signalsOf({});
    expect(s.values['message.spf_result']).toBe('');
    expect(s.values['message.auth_aligned']).toBe(false);
  });

  it('spoofed internal: the tenant domain without aligned authentication', async () => {
    const spoof = await signalsOf({ headers: { From: 'Maria Garcia <m.garcia@contoso.example>', ...ar('mx; spf=fail smtp.mailfrom=evil.example; dmarc=fail header.from=contoso.example') } });
    expect(spoof.values['message.from_tenant_domain']).toBe(true);
    expect(spoof.values['message.spoofed_internal']).toBe(true);
    const real = await signalsOf({ headers: { From: 'm.garcia@contoso.example', ...ar('mx; spf=pass smtp.mailfrom=contoso.example; dmarc=pass header.from=contoso.example') } });
    expect(real.values['message.spoofed_internal']).toBe(false);
  });
});
