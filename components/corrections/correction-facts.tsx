import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatDateTime } from '@/components/ui/format';
import { ScopeValue } from './corrections-table';
import type { Detail } from './detail-types';
import { scopeKindLabel, warningLabel } from './status-badge';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="py-1.5 text-zinc-500">{term}</dt>
      <dd className="min-w-0 py-1.5 text-zinc-900">{children}</dd>
    </>
  );
}


/** What the correction allows and on which terms. */
export function CorrectionFacts({ tenant, correction: c }: { tenant: string; correction: Detail }) {
  return (
    <section aria-labelledby="facts-heading" className="panel">
      <h2 id="facts-heading" className="border-b border-zinc-200 px-4 py-2 font-semibold text-zinc-900">
        Terms
      </h2>
      <dl className="grid grid-cols-[170px_minmax(0,1fr)] divide-zinc-100 px-4 py-1 text-[13px]">
        <Row term="Scope">
          <span className="mr-2 text-zinc-500">{scopeKindLabel[c.scope.kind]}</span>
          <span className="break-all">
            <ScopeValue scope={c.scope} />
          </span>
          {c.scope.kind === 'domain' || c.scope.kind === 'rule_domain' ? <span className="ml-1 text-zinc-500">and subdomains</span> : null}
        </Row>
        <Row term="Tenant">{c.tenant ? c.tenant.name : <span className="font-medium text-amber-800">All tenants</span>}</Row>
        <Row term="Authentication guard">
          {c.requireAuth ? (
            'On: applies only when SPF, DKIM or DMARC pass and align'
          ) : (
            <>
              <span className="font-medium text-red-700">Off</span>
              {c.authGuardReason ? <span className="text-zinc-700"> — {c.authGuardReason}</span> : null}
            </>
          )}
        </Row>
        <Row term="Expires">
          {c.expiresAt ? <time dateTime={c.expiresAt}>{formatDateTime(c.expiresAt)}</time> : <span className="font-medium text-amber-800">Never</span>}
        </Row>
        <Row term="Reason">
          <p className="whitespace-pre-wrap">{c.reason}</p>
        </Row>
        <Row term="Ticket">{c.ticket ? <span className="font-mono">{c.ticket}</span> : <span className="text-zinc-400">None</span>}</Row>
        <Row term="Filed from">
          {c.originMessageId ? (
            <Link href={`/t/${c.tenant?.slug ?? tenant}/messages/${c.originMessageId}`} className="text-accent-700 hover:underline">
              Originating message
            </Link>
          ) : (
            <span className="text-zinc-400">No message recorded</span>
          )}
        </Row>
        <Row term="Version">
          <span className="text-zinc-600">{c.version}</span>
        </Row>
      </dl>
    </section>
  );
}

/** The impact preview as it stood when the correction was filed, and the warnings acknowledged. */
export function CreationFigures({ correction: c }: { correction: Detail }) {
  const p = c.preview;
  return (
    <section aria-labelledby="figures-heading" className="panel">
      <h2 id="figures-heading" className="border-b border-zinc-200 px-3 py-2 text-xs font-medium tracking-wide text-zinc-500 uppercase">
        Previewed at filing
      </h2>
      {p.released === null ? (
        <p className="px-3 py-2.5 text-zinc-500">No preview was recorded.</p>
      ) : (
        <div className="space-y-2 px-3 py-2.5">
          <p className="text-zinc-800">
            Would release <strong className="font-semibold">{p.released}</strong> of {p.scanned ?? '?'} stored {p.scanned === 1 ? 'message' : 'messages'} in scope
            {p.malicious ? (
              <>
                , <strong className="font-semibold text-red-700">{p.malicious}</strong> of them malicious or attack
              </>
            ) : null}
            .
          </p>
          {p.warnings.length > 0 ? (
            <div>
              <p className="text-sm text-zinc-500">Warnings acknowledged by the author:</p>
              <ul className="mt-0.5 flex flex-wrap gap-1">
                {p.warnings.map((w) => (
                  <li key={w} className="rounded bg-amber-50 px-1.5 py-px text-xs text-amber-900 ring-1 ring-amber-200 ring-inset">
                    {warningLabel(w)}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p className="text-sm text-zinc-500">No guardrail warnings.</p>
          )}
        </div>
      )}
    </section>
  );
}
