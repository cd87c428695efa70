import { describe, expect, it } from 'vitest';
import { contentBody, contentDocument } from './tokens';

const message = (subject: string, text: string, htmlText = '') => ({ subject, text, htmlText });

const contentTokens = (m: ReturnType<typeof message>) => contentDocument(m).tokens;

describe('contentDocument', () => {
  it('gives subject words, body words and body word pairs, each once, at their first place', () => {
    const tokens = contentTokens(message('Verify Account', 'Please verify your account. Verify now!'));
    expect(tokens.map((t) => t.token)).toEqual([
      's:verify', 's:account',
      'please', 'verify', 'please verify', 'your', 'verify your', 'account', 'your account', 'account verify', 'now', 'verify now',
    ]);
    const verify = tokens.find((t) => t.token === 'verify')!;
    expect(verify).toMatchObject({ place: 'text', start: 7, end: 13 });
    expect(tokens.find((t) => t.token === 'verify your')).toMatchObject({ start: 7, end: 18 });
    expect(tokens.find((t) => t.token === 's:account')).toMatchObject({ place: 'subject', start: 7, end: 14 });
  });

  it('counts every token occurrence, repeats included, as the length', () => {
    // 2 subject words + 6 body words + 5 pairs.
    expect(contentDocument(message('Verify Account', 'Please verify your account. Verify now!')).length).toBe(13);
  });

  it('leaves out pure numbers and one-letter words but keeps words with digits and other scripts', () => {
    const tokens = contentTokens(message('', 'a 2024 $500 win5 Überweisung пароль ١٢٣ ²³'));
    expect(tokens.map((t) => t.token)).toEqual(['win5', 'überweisung', 'win5 überweisung', 'пароль', 'überweisung пароль']);
  });

  it('keeps offsets into the original text even where lower-casing changes length', () => {
    const text = 'İstanbul office';
    const office = contentTokens(message('', text)).find((t) => t.token === 'office')!;
    expect(text.slice(office.start, office.end)).toBe('office');
  });

  it('reads the HTML text when the text part is a stub beside it', () => {
    expect(contentBody(message('', 'View in browser', 'x'.repeat(100)))).toMatchObject({ place: 'html' });
    expect(contentBody(message('', 'A real text alternative of similar length', 'x'.repeat(60)))).toMatchObject({ place: 'text' });
    expect(contentBody(message('', '', 'only html'))).toEqual({ place: 'html', body: 'only html' });
  });

  it('bounds the work on huge bodies', () => {
    const tokens = contentTokens(message('', 'word '.repeat(1000) + Array.from({ length: 50_000 }, (_, i) => `w${i}x`).join(' ')));
    expect(tokens.length).toBeLessThan(10_000);
  });
});
