import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAlternative, buildHtml } from '../parse/test-support';
import { findBase64Run } from './body';
import { signalsOf } from './test-support';

describe('body and structure signals', () => {
  it('html-only and hidden text', async () => {
    const s = await signalsOf(buildHtml('<p>Pay now</p><div style="display:none">lorem ipsum filler text</div>'));
    expect(s.values['message.html_only']).toBe(true);
    expect(s.values['message.hidden_text_length']).toBe('lorem ipsum filler text'.length);
    const alt = await signalsOf(buildAlternative('hi', '<p>hi</p>'));
    expect(alt.values['message.html_only']).toBe(false);
  });

  it('zero-width characters, base64 runs and mixed-script words', async () => {
    const b64 = 'QUJD'.repeat(40);
    const s = await signalsOf({ headers: { Subject: 'Pay\u200bPal' }, body: `Your аccount (Cyrillic a) is lоcked.\n${b64}\n` });
    expect(s.values['message.zero_width_count']).toBe(1);
    expect(s.values['message.base64_run']).toBe(true);
    expect(s.values['message.mixed_script_words']).toBe(2);
    const russian = await signalsOf({ body: 'Привет, как дела? Meeting at 10.' });
    expect(russian.values['message.mixed_script_words']).toBe(0);
  });

  it('finds the base64 run the regex it replaced found', () => {
    const regex = /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{120,}={0,2}/;
    // Runs just under, at and over the threshold, with padding, separators and non-ASCII between.
    const run = fc.integer({ min: 110, max: 130 }).map((n) => 'Ab9+/'.repeat(30).slice(0, n));
    const piece = fc.oneof(run, fc.constantFrom('=', '==', '===', ' ', '\n', '-', 'é', 'x', '\u0100'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const text = pieces.join('');
        const m = regex.exec(text);
        expect(findBase64Run(text)).toEqual(m ? { start: m.index, end: m.index + m[0].length } : null);
      }),
      { numRuns: 2000 },
    );
  });

  it('subject shouting', async () => {
    const s = await signalsOf({ headers: { Subject: 'YOU WON!!!' } });
    expect(s.values['message.subject_all_caps']).toBe(true);
    expect(s.values['message.subject_caps_ratio']).toBe(1);
    expect(s.values['message.subject_exclamations']).toBe(3);
    const calm = await signalsOf({ headers: { Subject: 'Lunch on Friday?' } });
    expect(calm.values['message.subject_all_caps']).toBe(false);
  });

  it('text statistics', async () => {
    const s = await signalsOf({ body: 'ABC def GHI jkl' });
    expect(s.values['message.word_count']).toBe(4);
    expect(s.values['message.uppercase_share']).toBe(0.5);
    // The decoded text part may carry a trailing newline.
    expect(Math.abs((s.values['message.text_length_log'] as number) - Math.log1p(15))).toBeLessThan(0.15);
  });

  it('list, reply and forwarded markers', async () => {
    const s = await signalsOf({ headers: { 'List-Id': '<x.lists.example>', 'In-Reply-To': '<a@b>', Subject: 'Fwd: report' } });
    expect(s.values['message.is_list_mail']).toBe(true);
    expect(s.values['message.is_reply']).toBe(true);
    expect(s.values['message.is_forwarded']).toBe(true);
    const body = await signalsOf({ body: 'fyi\n\n---------- Forwarded message ---------\nFrom: x' });
    expect(body.values['message.is_forwarded']).toBe(true);
  });

  it('a forwarded newsletter does not pick up impersonation or lookalike signals', async () => {
    const s = await signalsOf({
      headers: { From: 'Bob Jones <bob@contoso.example>', Subject: 'Fwd: PayPal spring offers', 'Authentication-Results': 'mx; dmarc=pass header.from=contoso.example' },
      body: '---------- Forwarded message ---------\nFrom: PayPal <news@paypal.com>\nSee https://www.paypal.com/offers',
    });
    for (const n of ['brand_display_name', 'lookalike_from_domain', 'lookalike_link_domain', 'spoofed_internal', 'vip_impersonation']) expect(s.values[`message.${n}`], n).toBe(false);
  });

  it('recipient not addressed (bcc-style) and recipient count', async () => {
    const s = await signalsOf({ headers: { To: 'someone@else.example', Cc: 'x@y.example' } });
    expect(s.values['message.recipient_not_addressed']).toBe(true);
    expect(s.values['message.recipient_count']).toBe(2);
    const direct = await signalsOf({ headers: { To: 'Bob <BOB@contoso.example>' } });
    expect(direct.values['message.recipient_not_addressed']).toBe(false);
  });
});
