'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Badge } from '@/components/ui/badge';
import { Notice } from '@/components/ui/field';
import { formatDateTime } from '@/components/ui/format';
import { sandboxRequests } from '@/lib/query/keys';
import { rollbackRulesetInput } from '@/lib/server/rulesets/change-input';
import type { SandboxStart } from '@/lib/server/sandbox/get';

type Versions = SandboxStart['versions'];

/** Every ruleset version, which one is live, and rolling back to an earlier one. */
export function VersionsPanel({ tenant, versions }: { tenant: string; versions: Versions }) {
  const [target, setTarget] = useState<string | null>(null);
  return (
    <section aria-labelledby="versions-heading" className="panel overflow-hidden">
      <header className="border-b border-zinc-200 px-4 py-2.5">
        <h2 id="versions-heading" className="font-semibold text-zinc-900">Versions</h2>
        <p className="text-xs text-zinc-500">Rolling back makes an earlier version the published one again; new mail is scored with it at once.</p>
      </header>
      <table className="table">
        <thead>
          <tr><th scope="col">Version</th><th scope="col">Note</th><th scope="col">By</th><th scope="col">Created</th><th scope="col" /></tr>
        </thead>
        <tbody>
          {versions.versions.map((v) => (
            <tr key={v.version}>
              <td className="whitespace-nowrap font-mono text-xs">
                {v.version} {v.active ? <Badge tone="accent">published</Badge> : null}
              </td>
              <td className="max-w-xs text-xs break-words text-zinc-700">{v.note}</td>
              <td className="text-xs text-zinc-500">{v.createdBy ?? (v.shipped ? 'shipped' : 'unknown')}</td>
              <td className="whitespace-nowrap text-xs text-zinc-500">{v.createdAt ? formatDateTime(v.createdAt) : '—'}</td>
              <td className="text-right">
                {v.active ? null : (
                  <button type="button" className="btn h-7 px-2" onClick={() => setTarget(v.version)} aria-expanded={target === v.version}>
                    Roll back to this
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {target ? <RollbackForm key={target} tenant={tenant} version={target} onCancel={() => setTarget(null)} /> : null}
      {versions.activations.length ? (
        <details className="border-t border-zinc-200">
          <summary className="cursor-pointer px-4 py-2 text-sm text-zinc-600">History ({versions.activations.length})</summary>
          <ol className="divide-y divide-zinc-100 text-xs">
            {versions.activations.map((a, i) => (
              <li key={i} className="flex flex-wrap gap-x-2 px-4 py-1.5">
                <span className="text-zinc-500">{formatDateTime(a.activatedAt)}</span>
                <span className="font-medium">{a.kind === 'rollback' ? 'Rolled back to' : 'Published'} {a.version}</span>
                <span className="text-zinc-500">by {a.activatedBy ?? 'unknown'}</span>
                <span className="basis-full break-words text-zinc-700">{a.reason}</span>
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </section>
  );
}

function RollbackForm({ tenant, version, onCancel }: { tenant: string; version: string; onCancel: () => void }) {
  const router = useRouter();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const rollback = useMutation({
    mutationFn: () => sandboxRequests.rollback(tenant, { version, reason: reason.trim() }),
    onSuccess: () => {
      onCancel();
      router.refresh();
    },
  });
  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = rollbackRulesetInput.shape.reason.safeParse(reason);
    if (!checked.success) return setError(checked.error.issues[0]?.message ?? 'Say why');
    setError(null);
    rollback.mutate();
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2 border-t border-zinc-200 bg-zinc-50 px-4 py-3">
      <label htmlFor="rollback-reason" className="block text-[13px] font-medium text-zinc-800">Why roll back to {version}?</label>
      <textarea id="rollback-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus aria-invalid={error ? true : undefined} aria-describedby={error ? 'rollback-reason-error' : undefined} className="input h-auto py-1.5" />
      {error ? <p id="rollback-reason-error" className="text-sm text-red-700">{error}</p> : null}
      {rollback.isError ? <Notice tone="error">{rollback.error.message}</Notice> : null}
      <div className="flex gap-2">
        <button type="submit" className="btn btn-primary" disabled={rollback.isPending}>{rollback.isPending ? 'Rolling back…' : `Roll back to ${version}`}</button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
