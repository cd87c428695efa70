import Link from 'next/link';
import type { MessageDetailView } from '@/lib/server/messages/detail/get-detail';
import { AuthPanel, ReceivedChain } from './auth-panel';
import { ContextPanel } from './context-panel';
import { EvidenceFocusProvider } from './evidence-focus';
import { HeaderSummary } from './header-summary';
import { MessageBody } from './message-body';
import { AttachmentsTable, LinksTable } from './parts-tables';
import { RescorePanel } from './rescore-panel';
import { ActionText, formatPoints, LabelBadge, VerdictBadge } from './verdict-badge';
import { WhyPanel } from './why-panel';

type Props = { view: MessageDetailView; iframeAttributes: Record<string, string>; canAllow: boolean; canTestRules: boolean };

/** The message page: what it is (left) and why it got its verdict (right, stays in view). */
export function MessageView({ view, iframeAttributes, canAllow, canTestRules }: Props) {
  const subject = view.headers?.subject ?? '';
  return (
    <EvidenceFocusProvider initialTab={view.hasHtml ? 'rendered' : 'text'}>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/t/${view.tenant}/messages`} className="text-zinc-500 hover:text-zinc-900">
          ← Messages
        </Link>
      </nav>
      <div className="mt-1 mb-3 flex items-start justify-between gap-4">
        <div className="min-w-0">
          <h1 className="text-lg font-semibold tracking-tight break-words text-zinc-900">{subject || <span className="text-zinc-400">(no subject)</span>}</h1>
          <div className="mt-1 flex flex-wrap items-center gap-2 text-sm">
            <VerdictBadge verdict={view.summary.verdict} />
            <span>
              score <strong>{formatPoints(view.summary.score, false)}</strong>
            </span>
            <span className="text-zinc-600">
              <ActionText action={view.summary.action} />
            </span>
            {view.label ? <LabelBadge label={view.label} /> : null}
            {view.parseError ? <span className="text-amber-800">Parser: {view.parseError}</span> : null}
          </div>
        </div>
        <div className="flex shrink-0 gap-2">
          {canTestRules ? (
            <Link href={`/t/${view.tenant}/sandbox?message=${view.id}`} className="btn btn-ghost">
              Test rules on it
            </Link>
          ) : null}
          {canAllow ? (
            <Link href={`/t/${view.tenant}/corrections/new?message=${view.id}`} className="btn">
              Allow…
            </Link>
          ) : null}
        </div>
      </div>
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_420px]">
        <div className="min-w-0 space-y-4">
          <HeaderSummary view={view} />
          <MessageBody view={view} iframeAttributes={iframeAttributes} />
          <LinksTable links={view.links} />
          <AttachmentsTable attachments={view.attachments} />
          <AuthPanel auth={view.auth} />
          <ReceivedChain received={view.received} />
          <ContextPanel context={view.context} />
        </div>
        <aside aria-label="Verdict explanation" className="space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100dvh-2rem)] lg:overflow-y-auto">
          <WhyPanel why={view.why} tenant={view.tenant} />
          <RescorePanel tenant={view.tenant} id={view.id} />
        </aside>
      </div>
    </EvidenceFocusProvider>
  );
}
