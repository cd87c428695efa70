// The Messages list's whole state lives in the URL so a view can be pasted into a ticket. This
// module is the one reader and writer of those search params, shared by the server page and the
// client controls. Readable keys and values (`verdict=attack&flagged=yes&sort=score`) on purpose.
//
// Invalid values are never dropped silently: they come back as issues, which the page shows
// inline instead of running a query that would look filtered but is not.

export const verdictValues = ['attack', 'spam', 'graymail', 'safe'] as const;
export type VerdictValue = (typeof verdictValues)[number];

export const sortValues = ['newest', 'oldest', 'score'] as const;
export type SortValue = (typeof sortValues)[number];
export const sortLabels: Record<SortValue, string> = { newest: 'Newest first', oldest: 'Oldest first', score: 'Highest score' };
/** URL sort → listMessages sort. */
export const sortInput = { newest: 'received_desc', oldest: 'received_asc', score: 'score_desc' } as const;

export type YesNo = 'yes' | 'no';

export type ListView = {
  /** Search box: subject text, or a Message-ID / internal id (the page resolves those). */
  q?: string;
  verdict?: VerdictValue;
  flagged?: YesNo;
  rule?: string;
  sender?: string;
  domain?: string;
  recipient?: string;
  /** Received on or after this UTC day (YYYY-MM-DD). */
  from?: string;
  /** Received on or before this UTC day (YYYY-MM-DD, inclusive). */
  to?: string;
  /** Has a ground-truth label. */
  label?: YesNo;
  sort: SortValue;
  cursor?: string;
};

export type ViewKey = Exclude<keyof ListView, 'sort'> | 'sort';
export type ViewIssue = { key: ViewKey; value: string; message: string };

/** Keys that narrow the list (the search text included); sort and cursor do not. */
export const filterKeys = ['q', 'verdict', 'flagged', 'rule', 'sender', 'domain', 'recipient', 'from', 'to', 'label'] as const;

/** Order of keys in written URLs: stable, so equal views have equal URLs. */
const keyOrder: ViewKey[] = [...filterKeys, 'sort', 'cursor'];

const day = /^(\d{4})-(\d{2})-(\d{2})$/;
const textLimits: Partial<Record<ViewKey, number>> = { q: 998, sender: 320, domain: 255, recipient: 320, rule: 200, cursor: 500 };

type Params = Record<string, string | string[] | undefined> | URLSearchParams;

function read(params: Params, key: string): string | undefined {
  const raw = params instanceof URLSearchParams ? params.get(key) ?? undefined : params[key];
  const value = Array.isArray(raw) ? raw[0] : raw;
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function isDay(value: string): boolean {
  const m = day.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.getUTCDate() === Number(m[3]);
}

/** searchParams → the view plus every value that could not be used, with a message for a person. */
export function parseListView(params: Params): { view: ListView; issues: ViewIssue[] } {
  const issues: ViewIssue[] = [];
  const view: ListView = { sort: 'newest' };
  const bad = (key: ViewKey, value: string, message: string) => issues.push({ key, value, message });

  for (const key of ['q', 'sender', 'domain', 'recipient', 'cursor'] as const) {
    const value = read(params, key);
    if (value === undefined) continue;
    if (value.length > (textLimits[key] ?? 200)) bad(key, value.slice(0, 40) + '…', `Too long (at most ${textLimits[key]} characters).`);
    else view[key] = value;
  }
  const verdict = read(params, 'verdict');
  if (verdict !== undefined) {
    if ((verdictValues as readonly string[]).includes(verdict)) view.verdict = verdict as VerdictValue;
    else bad('verdict', verdict, 'Not a verdict: use attack, spam, graymail or safe.');
  }
  for (const key of ['flagged', 'label'] as const) {
    const value = read(params, key);
    if (value === undefined) continue;
    if (value === 'yes' || value === 'no') view[key] = value;
    else bad(key, value, 'Use yes or no.');
  }
  const rule = read(params, 'rule');
  if (rule !== undefined) {
    if (/^[A-Za-z0-9_.:-]{1,200}$/.test(rule)) view.rule = rule;
    else bad('rule', rule, 'Not a rule id (letters, digits and _ . : - only).');
  }
  for (const key of ['from', 'to'] as const) {
    const value = read(params, key);
    if (value === undefined) continue;
    if (isDay(value)) view[key] = value;
    else bad(key, value, 'Not a date: use YYYY-MM-DD (UTC).');
  }
  if (view.from && view.to && view.from > view.to) {
    bad('to', view.to, `The range ends before it starts (${view.from}).`);
    delete view.to;
  }
  const sort = read(params, 'sort');
  if (sort !== undefined) {
    if ((sortValues as readonly string[]).includes(sort)) view.sort = sort as SortValue;
    else bad('sort', sort, 'Unknown sort: use newest, oldest or score.');
  }
  return { view, issues };
}

/** The query string of a view ('' for the default view), keys in a stable order. */
export function viewQuery(view: ListView): string {
  const search = new URLSearchParams();
  for (const key of keyOrder) {
    const value = view[key];
    if (value === undefined || value === '' || (key === 'sort' && value === 'newest')) continue;
    search.set(key, value);
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function viewHref(base: string, view: ListView): string {
  return `${base}${viewQuery(view)}`;
}

/** A changed view always starts again at the first page: a cursor belongs to its filters. */
export function withChanges(view: ListView, changes: Partial<ListView>): ListView {
  const next: ListView = { ...view, ...changes };
  if (!('cursor' in changes)) delete next.cursor;
  return next;
}

export function hasFilters(view: ListView): boolean {
  return filterKeys.some((key) => view[key] !== undefined);
}

/** The view without any filter (sort kept): the "Clear filters" target. */
export function clearedView(view: ListView): ListView {
  return { sort: view.sort };
}

/** The inclusive UTC day range as the half-open instants listMessages takes. */
export function dayRange(view: ListView): { from?: Date; to?: Date } {
  const from = view.from ? new Date(`${view.from}T00:00:00Z`) : undefined;
  const to = view.to ? new Date(Date.parse(`${view.to}T00:00:00Z`) + 86_400_000) : undefined;
  return { from, to };
}
