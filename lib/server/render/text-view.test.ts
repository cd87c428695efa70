import { describe, expect, it } from 'vitest';
import { buildTextView, extractVisibleText, highlightRanges, splitUrls } from './text-view';

describe('buildTextView', () => {
  it('prefers the plain-text part', () => {
    expect(buildTextView({ text: 'Hello', html: '<p>Other</p>' })).toMatchObject({ source: 'text', text: 'Hello' });
  });

  it('falls back to the visible text of the HTML, without script, style or head', () => {
    const view = buildTextView({ html: '<head><title>T</title><style>p{}</style></head><p>Pay <b>now</b></p><script>x()</script><div>at https://evil.example/pay.</div>' });
    expect(view.source).toBe('html');
    expect(view.text).toBe('Pay now\n\nat https://evil.example/pay.');
    expect(view.segments.filter((segment) => segment.kind === 'url').map((segment) => segment.text)).toEqual(['https://evil.example/pay']);
  });

  it('says when there is no body at all', () => {
    expect(buildTextView({})).toEqual({ source: 'none', text: '', segments: [] });
  });
});

describe('splitUrls', () => {
  it('marks URLs (including defanged and www.) as data, with offsets into the text', () => {
    const text = 'Go to www.evil.example/x, or (hxxps://b.example/y) now';
    const segments = splitUrls(text);
    expect(segments.map((segment) => [segment.kind, segment.text])).toEqual([
      ['text', 'Go to '],
      ['url', 'www.evil.example/x'],
      ['text', ', or ('],
      ['url', 'hxxps://b.example/y'],
      ['text', ') now'],
    ]);
    for (const segment of segments) expect(text.slice(segment.start, segment.end)).toBe(segment.text);
  });

  it('keeps markup in text as text', () => {
    expect(splitUrls('<script>alert(1)</script>')).toEqual([{ kind: 'text', text: '<script>alert(1)</script>', start: 0, end: 25 }]);
  });
});

describe('highlightRanges', () => {
  it('splits text at range edges and lists covering ranges, overlaps included', () => {
    expect(highlightRanges('verify your account now', [{ start: 0, end: 6, id: 'a' }, { start: 3, end: 19, id: 'b' }])).toEqual([
      { text: 'ver', start: 0, end: 3, marks: ['a'] },
      { text: 'ify', start: 3, end: 6, marks: ['a', 'b'] },
      { text: ' your account', start: 6, end: 19, marks: ['b'] },
      { text: ' now', start: 19, end: 23, marks: [] },
    ]);
  });

  it('clamps, ignores empty and invalid ranges, and never splits a surrogate pair', () => {
    const text = 'a😀b';
    expect(highlightRanges(text, [{ start: -5, end: 2, id: 'x' }, { start: 3, end: 3, id: 'empty' }, { start: NaN, end: 99, id: 'nan' }])).toEqual([
      { text: 'a😀', start: 0, end: 3, marks: ['x', 'nan'] },
      { text: 'b', start: 3, end: 4, marks: ['nan'] },
    ]);
  });

  it('returns the whole text unmarked when there are no ranges', () => {
    expect(highlightRanges('plain', [])).toEqual([{ text: 'plain', start: 0, end: 5, marks: [] }]);
    expect(highlightRanges('', [])).toEqual([]);
  });
});

describe('extractVisibleText', () => {
  it('stays fast on pathological markup', () => {
    const started = performance.now();
    extractVisibleText('<b> </b>'.repeat(200_000) + '<p>'.repeat(100_000));
    buildTextView({ text: 'http://'.repeat(200_000) + ' www.'.repeat(100_000) });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('decodes entities and collapses whitespace', () => {
    expect(extractVisibleText('<p>A&amp;B&nbsp;C\n\n   D</p><br><br><br><p>E</p>')).toBe('A&B\u00a0C D\n\nE');
  });
});
