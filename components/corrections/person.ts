import type { Person } from '@/lib/server/corrections/summary';

/** How a person is named in lists and timelines; accounts deleted since show as such. */
export function personLabel(p: Pick<Person, 'email'> | null): string {
  if (!p) return '—';
  return p.email ?? 'deleted account';
}
