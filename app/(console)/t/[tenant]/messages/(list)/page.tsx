import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { ListControls } from '@/components/messages-list/list-controls';
import { ListFrame, PendingArea } from '@/components/messages-list/list-frame';
import { ListEmpty, ViewProblems } from '@/components/messages-list/list-states';
import { MessagesTable } from '@/components/messages-list/messages-table';
import { ResultsBar } from '@/components/messages-list/results-bar';
import { RowCursor } from '@/components/messages-list/row-cursor';
import { formatTotal } from '@/components/messages-list/format';
import { clearedView, hasFilters, parseListView, viewHref, viewQuery, withChanges, type ListView, type ViewIssue } from '@/components/messages-list/search-params';
import { issuesForView, toListInput } from '@/components/messages-list/view-input';
import { isAppError } from '@/lib/errors';
import { areaRoles, loadForPage, requirePageUser, type Ctx } from '@/lib/server/auth';
import { findMessages, type FoundMessages } from '@/lib/server/messages/find';
import { listMessages, listRuleChoices, type MessageList } from '@/lib/server/messages/list';
import { getTenant } from '@/lib/server/tenants/get';

export const metadata: Metadata = { title: 'Messages' };

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const SEARCH_ID = 'message-search';

export default async function MessagesPage({ params, searchParams }: Props) {
  const { tenant } = await params;
  const ctx = await requirePageUser(areaRoles.messages);
  const parsed = parseListView(await searchParams);
  const { view } = parsed;
  const base = `/t/${tenant}/messages`;

  // The search box: an internal id or a Message-ID with exactly one message jumps straight to it.
  const found = view.q && parsed.issues.length === 0 ? await loadForPage(() => findMessages({ ctx, input: { tenant, query: view.q! } })) : null;
  if (found && found.kind !== 'text' && found.ids.length === 1) redirect(`${base}/${found.ids[0]}`);

  const missing = found && found.kind !== 'text' && found.ids.length === 0 ? found : null;
  const outcome = parsed.issues.length || missing ? { issues: parsed.issues } : await loadForPage(() => loadList(ctx, tenant, view, found));
  const info = 'list' in outcome ? outcome.list.tenant : await loadForPage(() => getTenant({ ctx, input: { slug: tenant } }));
  const issues = 'issues' in outcome ? outcome.issues : [];
  const rules = await listRuleChoices();

  return (
    <ListFrame>
      <div className="mb-3 flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h1 className="text-lg font-semibold tracking-tight text-zinc-900">{info.name}</h1>
        <span className="font-mono text-xs text-zinc-500">{info.slug}</span>
        <span className="text-zinc-300" aria-hidden="true">
          ·
        </span>
        <span className="text-zinc-600">Messages</span>
        <p className="ml-auto text-xs text-zinc-500">
          <Key>/</Key> search <Key>j</Key> <Key>k</Key> move <Key>Enter</Key> open
        </p>
      </div>
      <section aria-label="Message list" className="panel overflow-hidden">
        <ListControls base={base} view={view} invalid={issues.map((i) => i.key)} rules={rules} />
        {issues.length ? (
          <ViewProblems issues={issues} fixHref={viewHref(base, withoutKeys(view, issues))} />
        ) : missing ? (
          <NotFound found={missing} name={info.name} base={base} view={view} />
        ) : 'list' in outcome ? (
          <Results list={outcome.list} base={base} view={view} found={found} />
        ) : null}
      </section>
      <RowCursor key={viewQuery(view)} searchId={SEARCH_ID} />
    </ListFrame>
  );
}

/** listMessages, with its validation errors (a stale cursor, a too-short search) shown inline. */
async function loadList(ctx: Ctx, tenant: string, view: ListView, found: FoundMessages | null): Promise<{ list: MessageList } | { issues: ViewIssue[] }> {
  try {
    return { list: await listMessages({ ctx, input: toListInput(tenant, view, found) }) };
  } catch (error) {
    if (isAppError(error) && error.code === 'invalid_input' && error.issues?.length) return { issues: issuesForView(view, error.issues) };
    throw error;
  }
}

function Results({ list, base, view, found }: { list: MessageList; base: string; view: ListView; found: FoundMessages | null }) {
  const filtered = hasFilters(view);
  const clearHref = filtered ? viewHref(base, clearedView(view)) : null;
  const page = (cursor: string | null) => (cursor ? viewHref(base, withChanges(view, { cursor })) : null);
  const shared = found?.kind === 'message_id' ? `${list.items.length} messages share Message-ID ${found.value}` : null;
  return (
    <PendingArea>
      <ResultsBar position="top" summary={shared ?? formatTotal(list.total)} clearHref={clearHref} prevHref={page(list.prevCursor)} nextHref={page(list.nextCursor)} />
      {list.items.length > 0 ? (
        <>
          <MessagesTable base={base} items={list.items} now={new Date()} />
          {list.nextCursor || list.prevCursor ? (
            <ResultsBar position="bottom" summary="" clearHref={null} prevHref={page(list.prevCursor)} nextHref={page(list.nextCursor)} />
          ) : null}
        </>
      ) : view.cursor ? (
        <ListEmpty title="Nothing on this page" action={{ href: viewHref(base, withChanges(view, { cursor: undefined })), label: 'Back to the first page' }}>
          The messages this page started from are gone or no longer match. Start again from the first page.
        </ListEmpty>
      ) : list.filtered ? (
        <ListEmpty title="No messages match these filters" action={clearHref ? { href: clearHref, label: 'Clear filters' } : undefined}>
          Widen the date range, or remove a filter. Sender, domain and recipient match whole addresses.
        </ListEmpty>
      ) : (
        <ListEmpty title={`No messages ingested for ${list.tenant.name} yet`}>
          Messages appear here once mail for {list.tenant.domains.join(', ')} is ingested and scored by the detection engine.
        </ListEmpty>
      )}
    </PendingArea>
  );
}

function NotFound({ found, name, base, view }: { found: FoundMessages & { kind: 'id' | 'message_id' }; name: string; base: string; view: ListView }) {
  const what = found.kind === 'id' ? `id ${found.value}` : `Message-ID ${found.value}`;
  // A pasted address looks like a Message-ID; offer the sender filter it was probably meant for.
  const address = found.kind === 'message_id' ? found.value.replace(/^<|>$/g, '') : null;
  return (
    <ListEmpty title={`No message in ${name} has ${what}`} action={address ? { href: viewHref(base, withChanges(view, { q: undefined, sender: address })), label: `Messages from ${address}` } : undefined}>
      Ids and Message-IDs match exactly, and only within this tenant: a message delivered to another tenant is found from that
      tenant&rsquo;s list.
    </ListEmpty>
  );
}

function withoutKeys(view: ListView, issues: ViewIssue[]): ListView {
  const next: ListView = { ...view };
  for (const issue of issues) if (issue.key !== 'sort') delete next[issue.key];
  if (issues.some((i) => i.key === 'sort')) next.sort = 'newest';
  return next;
}

function Key({ children }: { children: string }) {
  return <kbd className="rounded border border-zinc-200 bg-white px-1 font-mono text-[10px] text-zinc-600">{children}</kbd>;
}
