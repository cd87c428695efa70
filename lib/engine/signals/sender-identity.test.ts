import { describe, expect, it } from 'vitest';
import { signalsOf } from './test-support';

const list = { 'List-Id': '<usrp-users.lists.ettus.com>', 'List-Unsubscribe': '<mailto:usrp-users-leave@lists.ettus.com>' };

describe('sender identity signals', () => {
  it('free-mail sender with a corporate or brand display name', async () => {
    const s = await signalsOf({ headers: { From: 'Contoso Payroll Department <contoso.payroll@gmail.com>' } });
    expect(s.values['message.from_free_mail']).toBe(true);
    expect(s.values['message.free_mail_corporate_name']).toBe(true);
    const person = await signalsOf({ headers: { From: 'Jane Doe <jane.doe@gmail.com>' } });
    expect(person.values['message.from_free_mail']).toBe(true);
    expect(person.values['message.free_mail_corporate_name']).toBe(false);
  });

  it('VIP impersonation: VIP name, foreign address', async () => {
    const s = await signalsOf({ headers: { From: 'Maria Garcia <maria.garcia.ceo@outlook.com>' } });
    expect(s.values['message.vip_impersonation']).toBe(true);
    expect(s.evidence['message.vip_impersonation'][0]).toMatchObject({ kind: 'header', header: 'From', text: 'Maria Garcia' });
    const reversed = await signalsOf({ headers: { From: '"Garcia, Maria" <mg@evil.example>' } });
    expect(reversed.values['message.vip_impersonation']).toBe(true);
    const real = await signalsOf({ headers: { From: 'Maria Garcia <m.garcia@contoso.example>' } });
    expect(real.values['message.vip_impersonation']).toBe(false);
  });

  it('mailing-list From rewriting never looks like impersonation', async () => {
    const s = await signalsOf({
      headers: { From: 'Maria Garcia via USRP-users <usrp-users@lists.ettus.com>', 'Reply-To': 'Maria Garcia <maria@university.example>', ...list },
    });
    expect(s.values['message.vip_impersonation']).toBe(false);
    expect(s.values['message.reply_to_mismatch']).toBe(false);
    expect(s.values['message.brand_display_name']).toBe(false);
    expect(s.values['message.is_list_mail']).toBe(true);
    const alice = await signalsOf({ headers: { From: 'Alice via USRP-users <usrp-users@lists.ettus.com>', ...list } });
    expect(alice.values['message.vip_impersonation']).toBe(false);
    expect(alice.values['message.free_mail_corporate_name']).toBe(false);
  });

  it('brand display name on a non-brand domain, but not on the brand’s own domains', async () => {
    const s = await signalsOf({ headers: { From: 'PayPal Security <security@paypal-alerts.example>' } });
    expect(s.values['message.brand_display_name']).toBe(true);
    expect(s.values['message.impersonated_brand']).toBe('paypal');
    for (const from of ['PayPal <service@paypal.com>', 'PayPal <service@mail.paypal.co.uk>', 'Microsoft Office 365 <no-reply@microsoft.com>']) {
      const ok = await signalsOf({ headers: { From: from } });
      expect(ok.values['message.brand_display_name'], from).toBe(false);
    }
    const chase = await signalsOf({ headers: { From: 'Chase Miller <chase@example.com>' } });
    expect(chase.values['message.brand_display_name']).toBe(false);
  });

  it('Reply-To and Return-Path on other registrable domains', async () => {
    const s = await signalsOf({ headers: { From: 'a@shop.example', 'Reply-To': 'collect@gmail.com', 'Return-Path': '<b@bulk.example.net>' } });
    expect(s.values['message.reply_to_mismatch']).toBe(true);
    expect(s.values['message.return_path_mismatch']).toBe(true);
    const same = await signalsOf({ headers: { From: 'a@shop.example', 'Reply-To': 'help@support.shop.example', 'Return-Path': '<bounce@mail.shop.example>' } });
    expect(same.values['message.reply_to_mismatch']).toBe(false);
    expect(same.values['message.return_path_mismatch']).toBe(false);
  });

  it('display name containing an email address', async () => {
    const s = await signalsOf({ headers: { From: '"support@paypal.com" <x@evil.example>' } });
    expect(s.values['message.display_name_has_email']).toBe(true);
    expect(s.values['message.display_name_email_mismatch']).toBe(true);
    const own = await signalsOf({ headers: { From: '"Shop (a@shop.example)" <a@shop.example>' } });
    expect(own.values['message.display_name_has_email']).toBe(true);
    expect(own.values['message.display_name_email_mismatch']).toBe(false);
  });

  it('lookalike From domains of the tenant and of brands', async () => {
    for (const from of ['ceo@c0ntoso.example', 'billing@paypa1.com', 'it@micros0ft-support.com', 'x@rnicrosoft.com', 'y@docusgin.com']) {
      const s = await signalsOf({ headers: { From: from } });
      expect(s.values['message.lookalike_from_domain'], from).toBe(true);
    }
    for (const from of ['a@contoso.example', 'b@paypal.com', 'c@example.com', 'd@gmail.com', 'e@lists.ettus.com']) {
      const s = await signalsOf({ headers: { From: from } });
      expect(s.values['message.lookalike_from_domain'], from).toBe(false);
    }
  });

  it('malformed and missing From', async () => {
    const s = await signalsOf({ headers: { From: 'T-MOBILE  ,_<no-reply@access-accsecurity.example>' } });
    expect(s.values['message.from_malformed']).toBe(true);
    expect(s.values['message.from_domain']).toBe('access-accsecurity.example');
    const none = await signalsOf({ headers: { From: 'undisclosed' } });
    expect(none.values['message.from_missing']).toBe(true);
  });
});
