import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { formatDateTime } from '@/components/ui/format';
import type { MessageDetailView } from '@/lib/server/messages/detail/get-detail';
import type { AddressView } from '@/lib/server/messages/detail/headers';
import { formatBytes } from './verdict-badge';

/** Who, to whom, when: the envelope and headers a support person checks first. */
export function HeaderSummary({ view }: { view: MessageDetailView }) {
  const h = view.headers;
  const fromDomain = h?.from?.domain ?? '';
  const differs = (a: AddressView) => !!fromDomain && a.domain !== fromDomain;
  return (
    <section aria-label="Headers" className="panel px-4 py-3">
      <dl className="grid grid-cols-[110px_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
        <Row label="From">{h?.from ? <Address a={h.from} /> : <Missing />}</Row>
        {h?.sender ? <Row label="Sender"><Address a={h.sender} warn={differs(h.sender)} /></Row> : null}
        <Row label="Reply-To">{h?.replyTo.length ? h.replyTo.map((a) => <Address key={a.address} a={a} warn={differs(a)} />) : <Missing text="none" />}</Row>
        <Row label="Return-Path">{h?.returnPath ? <Address a={h.returnPath} warn={differs(h.returnPath)} /> : <Missing />}</Row>
        <Row label="To"><AddressList list={h?.to ?? []} /></Row>
        {h?.cc.length ? <Row label="Cc"><AddressList list={h.cc} /></Row> : null}
        <Row label="Recipient"><span className="font-mono">{view.recipient || '—'}</span> <span className="text-xs text-zinc-500">(envelope, tenant mailbox)</span></Row>
        <Row label="Date">{h?.date ? <time dateTime={h.date}>{formatDateTime(h.date)}</time> : <Missing text="missing or unparseable" />} <span className="text-xs text-zinc-500">(claimed by sender)</span></Row>
        <Row label="Received"><time dateTime={view.receivedAt}>{formatDateTime(view.receivedAt)}</time></Row>
        <Row label="Size">{formatBytes(view.size)}</Row>
        <Row label="Message-ID"><span className="font-mono break-all">{h?.messageId ?? '—'}</span></Row>
        <Row label="SHA-256"><span className="font-mono text-xs break-all text-zinc-600">{view.fingerprint}</span></Row>
      </dl>
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-zinc-500">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </>
  );
}

function Address({ a, warn = false }: { a: AddressView; warn?: boolean }) {
  return (
    <span className="mr-3 inline-flex flex-wrap items-center gap-1.5">
      {a.name ? <span className="font-medium text-zinc-900">{a.name}</span> : null}
      <span className="font-mono text-zinc-700">&lt;{a.address}&gt;</span>
      {warn ? <Badge tone="warning">not the From domain</Badge> : null}
    </span>
  );
}

function AddressList({ list }: { list: AddressView[] }) {
  if (!list.length) return <Missing text="none" />;
  const shown = list.slice(0, 20);
  return (
    <>
      {shown.map((a, i) => <Address key={`${a.address}-${i}`} a={a} />)}
      {list.length > shown.length ? <span className="text-zinc-500">and {list.length - shown.length} more</span> : null}
    </>
  );
}

function Missing({ text = 'missing' }: { text?: string }) {
  return <span className="text-zinc-400">{text}</span>;
}
