import { describe, expect, it } from 'vitest';
import { compareVersionsDesc, nextVersion, versionPrefix } from './version-number';

describe('nextVersion', () => {
  const nov = new Date('2026-11-24T10:00:00Z');

  it("goes one past the month's highest number, counted numerically", () => {
    expect(nextVersion(nov, ['2026.11.3'])).toBe('2026.11.4');
    expect(nextVersion(nov, ['2026.11.3', '2026.11.9', '2026.11.10', '2026.10.40', '2026.12.7'])).toBe('2026.11.11');
  });

  it('starts at 1 in a month with no versions, by the UTC calendar, with a two-digit month', () => {
    expect(nextVersion(nov, [])).toBe('2026.11.1');
    expect(nextVersion(new Date('2027-01-01T00:30:00+01:00'), ['2026.12.4'])).toBe('2026.12.5');
    expect(nextVersion(new Date('2027-01-01T00:00:00Z'), ['2026.12.4'])).toBe('2027.01.1');
    expect(versionPrefix(new Date('2027-03-15T12:00:00Z'))).toBe('2027.03.');
  });

  it('ignores strings that are not versions', () => {
    expect(nextVersion(nov, ['2026.11.x', '2026.11', 'draft', '2026.11.2-rc'])).toBe('2026.11.1');
  });
});

describe('compareVersionsDesc', () => {
  it('orders newest first, numerically by part', () => {
    expect(['2026.11.9', '2027.01.1', '2026.11.10', '2026.12.1', '2026.9.1'].sort(compareVersionsDesc)).toEqual(['2027.01.1', '2026.12.1', '2026.11.10', '2026.11.9', '2026.9.1']);
    expect(compareVersionsDesc('2026.11.3', '2026.11.3')).toBe(0);
  });
});
