'use client';

import Link from 'next/link';
import { useState, useTransition } from 'react';
import type { VerifyChainResult } from '@/lib/server/audit/verify-log';

const problemLabel = { content_edited: 'content edited', row_missing: 'row missing', link_broken: 'link broken' } as const;

/** "Verify chain": runs the server-side check (admins only) and says intact or names the first broken row. */
export function AuditVerify({ verify }: { verify: () => Promise<VerifyChainResult> }) {
  const [result, setResult] = useState<VerifyChainResult | null>(null);
  const [pending, startTransition] = useTransition();
  const run = () =>
    startTransition(async () => {
      setResult(await verify().catch(() => ({ ok: false as const, message: 'The check could not reach the server. Try again.' })));
    });
  return (
    <section aria-label="Chain verification" className="panel flex items-center gap-3 px-4 py-2.5">
      <button type="button" className="btn" onClick={run} disabled={pending}>
        {pending ? 'Verifying…' : 'Verify chain'}
      </button>
      <div role="status" aria-live="polite" className="min-w-0 text-sm">
        {pending ? <span className="text-zinc-500">Recomputing every hash in id order…</span> : <Outcome result={result} />}
      </div>
    </section>
  );
}

function Outcome({ result }: { result: VerifyChainResult | null }) {
  if (!result) return <span className="text-zinc-500">Recomputes every row’s hash and link, as <code className="font-mono">npm run audit:verify</code> does.</span>;
  if (!result.ok) return <span className="text-red-700">{result.message}</span>;
  const { report } = result;
  if (report.intact) {
    return (
      <span className="text-emerald-700">
        <strong className="font-semibold">Audit log intact</strong>: {report.rows.toLocaleString('en')} rows checked in {report.seconds.toFixed(1)} s
        {report.tailHash ? <span className="ml-2 font-mono text-xs text-zinc-500" title={report.tailHash}>tail {report.tailHash.slice(0, 16)}</span> : null}
      </span>
    );
  }
  const { broken } = report;
  return (
    <span className="text-red-700">
      <strong className="font-semibold">
        Chain broken at row {broken.id} ({problemLabel[broken.problem]})
      </strong>
      : {broken.detail}.{' '}
      <Link className="underline" href={`/admin/audit?before=${(BigInt(broken.id) + 1n).toString()}`}>
        Show the row
      </Link>
    </span>
  );
}
