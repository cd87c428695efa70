import Link from 'next/link';
import type { ReactNode } from 'react';
import { formatDate } from '@/components/ui/format-date';
import type { HygieneCorrection } from '@/lib/server/corrections-hygiene/load';
import type { UnmatchedCorrection } from '@/lib/server/corrections-hygiene/never-matched';
import type { OverlappingPair } from '@/lib/server/corrections-hygiene/overlapping';
import type { CorrectionWithMaliciousReleases } from '@/lib/server/corrections-hygiene/released-malicious';
import { ScopeValue } from './corrections-table';
import { scopeKindLabel, VerdictBadge } from './status-badge';

// The four hygiene views (admins): each a small table of corrections worth a second look, and a
// sentence saying what it lists and what to do about it.

function Section({ title, count, explain, children }: { title: string; count: number; explain: string; children: ReactNode }) {
  return (
    <section aria-labelledby="hygiene-heading" className="panel overflow-hidden">
      <header className="border-b border-zinc-200 px-4 py-2.5">
        <h2 id="hygiene-heading" className="font-semibold text-zinc-900">
          {title} <span className="font-normal text-zinc-400">{count}</span>
        </h2>
        <p className="text-sm text-zinc-500">{explain}</p>
      </header>
      {count === 0 ? <p className="px-4 py-6 text-center text-zinc-500">Nothing here: no correction needs attention for this.</p> : children}
    </section>
  );
}

function Ref({ tenant, c }: { tenant: string; c: HygieneCorrection }) {
  return (
    <>
      <Link href={`/t/${c.tenant ?? tenant}/corrections/${c.id}`} className="mr-2 font-mono font-medium text-accent-700 hover:underline">
        #{c.id}
      </Link>
      <span className="mr-1.5 text-xs text-zinc-500">{scopeKindLabel[c.scope.kind]}</span>
      <ScopeValue scope={c.scope} />
    </>
  );
}

const tenantText = (c: HygieneCorrection) => c.tenant ?? 'all tenants';

export function NeverMatchedTable({ tenant, rows }: { tenant: string; rows: UnmatchedCorrection[] }) {
  return (
    <Section title="Never matched" count={rows.length} explain="Active corrections that no stored message is decided by. Revoke the ones nobody needs; a scope with messages in it that still never matched is usually stopped by the authentication guard.">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Correction</th>
            <th scope="col">Tenant</th>
            <th scope="col" className="text-right">Messages in scope</th>
            <th scope="col">Guard</th>
            <th scope="col">Author</th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td><Ref tenant={tenant} c={c} /></td>
              <td className="text-zinc-700">{tenantText(c)}</td>
              <td className="text-right">{c.inScope}</td>
              <td>{c.requireAuth ? 'on' : <span className="font-medium text-red-700">off</span>}</td>
              <td className="text-zinc-700">{c.createdBy ?? '—'}</td>
              <td className="text-zinc-600">{formatDate(c.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

export function ReleasedMaliciousTable({ tenant, rows }: { tenant: string; rows: CorrectionWithMaliciousReleases[] }) {
  return (
    <Section title="Released later-malicious" count={rows.length} explain="Active corrections that deliver messages now labelled phish or spam, or that the engine would call an attack without them. Review each and revoke if the sender is not trustworthy.">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Correction</th>
            <th scope="col">Tenant</th>
            <th scope="col" className="text-right">Malicious released</th>
            <th scope="col">Messages</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td className="whitespace-nowrap"><Ref tenant={tenant} c={c} /></td>
              <td className="text-zinc-700">{tenantText(c)}</td>
              <td className="text-right font-semibold text-red-700">{c.released}</td>
              <td>
                <details>
                  <summary className="cursor-pointer text-accent-700 hover:underline">
                    {c.messages.length < c.released ? `First ${c.messages.length}` : `Show ${c.messages.length}`}
                  </summary>
                  <ul className="mt-1 space-y-0.5">
                    {c.messages.map((m) => (
                      <li key={m.messageId} className="flex items-center gap-2 text-sm">
                        <VerdictBadge verdict={m.verdictBefore} />
                        {m.label ? <span className="text-xs text-red-700">{m.label}</span> : null}
                        <Link href={`/t/${m.tenant}/messages/${m.messageId}`} className="truncate text-zinc-800 hover:underline">
                          {m.subject || '(no subject)'}
                        </Link>
                        <span className="shrink-0 text-zinc-400">{formatDate(m.receivedAt)}</span>
                      </li>
                    ))}
                  </ul>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

export function ExpiringTable({ tenant, rows }: { tenant: string; rows: HygieneCorrection[] }) {
  return (
    <Section title="Expiring within 7 days" count={rows.length} explain="Active corrections that stop applying soon, soonest first. Extend the ones still needed before their messages are flagged again.">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Correction</th>
            <th scope="col">Tenant</th>
            <th scope="col">Expires</th>
            <th scope="col">Author</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.id}>
              <td><Ref tenant={tenant} c={c} /></td>
              <td className="text-zinc-700">{tenantText(c)}</td>
              <td className="font-medium text-amber-800">{c.expiresAt ? formatDate(c.expiresAt) : '—'}</td>
              <td className="text-zinc-700">{c.createdBy ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

export function OverlappingTable({ tenant, rows }: { tenant: string; rows: OverlappingPair[] }) {
  return (
    <Section title="Overlapping" count={rows.length} explain="Pairs of live corrections that can match the same message. Keep the narrower one unless both are needed.">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Correction</th>
            <th scope="col">Overlaps with</th>
            <th scope="col">Tenants</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ a, b }) => (
            <tr key={`${a.id}-${b.id}`}>
              <td><Ref tenant={tenant} c={a} /></td>
              <td><Ref tenant={tenant} c={b} /></td>
              <td className="text-zinc-700">
                {tenantText(a)} · {tenantText(b)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
