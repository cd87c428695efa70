import { describe, expect, it } from 'vitest';
import { clearedView, dayRange, hasFilters, parseListView, viewQuery, withChanges } from './search-params';

describe('list URL state', () => {
  it('reads every filter and writes it back in a stable order', () => {
    const { view, issues } = parseListView({
      sort: 'score', to: '2026-11-20', from: '2026-11-01', label: 'yes', recipient: 'ap@northwind.example', domain: 'paypal.com',
      sender: 'a@b.com', rule: 'credential_lure', flagged: 'yes', verdict: 'attack', q: ' invoice ', cursor: 'abc',
    });
    expect(issues).toEqual([]);
    expect(view).toMatchObject({ q: 'invoice', verdict: 'attack', flagged: 'yes', label: 'yes', sort: 'score', cursor: 'abc' });
    expect(viewQuery(view)).toBe(
      '?q=invoice&verdict=attack&flagged=yes&rule=credential_lure&sender=a%40b.com&domain=paypal.com&recipient=ap%40northwind.example&from=2026-11-01&to=2026-11-20&label=yes&sort=score&cursor=abc',
    );
    expect(parseListView(new URLSearchParams(viewQuery(view))).view).toEqual(view);
    expect(hasFilters(view)).toBe(true);
    expect(viewQuery(clearedView(view))).toBe('?sort=score');
    expect(viewQuery({ sort: 'newest' })).toBe('');
  });

  it('reports unusable values with a reason instead of dropping them silently', () => {
    const { view, issues } = parseListView({ verdict: 'evil', flagged: 'maybe', from: '2026-02-30', to: '2026-01-01x', sort: 'random', rule: 'a b' });
    expect(view).toEqual({ sort: 'newest' });
    expect(issues.map((i) => i.key).sort()).toEqual(['flagged', 'from', 'rule', 'sort', 'to', 'verdict']);
    expect(issues.find((i) => i.key === 'verdict')).toMatchObject({ value: 'evil', message: expect.stringContaining('attack') });
    const reversed = parseListView({ from: '2026-11-20', to: '2026-11-01' });
    expect(reversed.issues).toEqual([{ key: 'to', value: '2026-11-01', message: expect.stringContaining('ends before') }]);
  });

  it('drops the cursor when the view changes and treats date ranges as whole UTC days', () => {
    const view = { sort: 'newest' as const, cursor: 'abc', verdict: 'spam' as const };
    expect(withChanges(view, { verdict: 'attack' }).cursor).toBeUndefined();
    expect(withChanges(view, { cursor: 'def' }).cursor).toBe('def');
    const { from, to } = dayRange({ sort: 'newest', from: '2026-11-01', to: '2026-11-01' });
    expect(from?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(to?.toISOString()).toBe('2026-11-02T00:00:00.000Z');
  });
});
