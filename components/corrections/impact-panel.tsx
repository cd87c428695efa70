'use client';

import Link from 'next/link';
import { AlertIcon } from '@/components/ui/icons';
import { formatDate } from '@/components/ui/format-date';
import type { PreviewResult, PreviewSample } from '@/lib/server/corrections/preview';
import { VerdictBadge } from './status-badge';

export type ImpactPreview = PreviewResult;

type Props = {
  tenant: string;
  preview: ImpactPreview | undefined;
  pending: boolean;
  acknowledged: ReadonlySet<string>;
  onAcknowledge: (code: string, on: boolean) => void;
};

/** The preview's figures, the released messages one click away, and a checkbox per guardrail warning. */
export function ImpactPanel({ tenant, preview, pending, acknowledged, onAcknowledge }: Props) {
  return (
    <section aria-labelledby="impact-heading" aria-busy={pending} className="panel">
      <h2 id="impact-heading" className="border-b border-zinc-200 px-3 py-2 text-xs font-medium tracking-wide text-zinc-500 uppercase">
        Impact preview
      </h2>
      {!preview ? (
        <p className="px-3 py-3 text-zinc-600">
          {pending
            ? 'Replaying the correction over this tenant’s stored mail…'
            : 'Preview replays the correction over this tenant’s stored mail with the engine and shows what it would release. Any change to the form needs a new preview.'}
        </p>
      ) : (
        <div className="space-y-3 px-3 py-3">
          <dl className="grid grid-cols-3 gap-2 text-center">
            <Figure label="would be released" value={preview.released} />
            <Figure label="of them malicious or attack" value={preview.releasedMalicious} tone={preview.releasedMalicious > 0 ? 'danger' : 'plain'} />
            <Figure label="stored messages in scope" value={preview.scanned} />
          </dl>
          <Notes preview={preview} />
          {preview.releasedMalicious > 0 ? (
            <SampleList tenant={tenant} title={`Show the malicious ones (${preview.releasedMalicious})`} total={preview.releasedMalicious} sample={preview.maliciousSample} />
          ) : null}
          {preview.released > 0 ? (
            <SampleList tenant={tenant} title={`Show the released messages (${preview.released})`} total={preview.released} sample={preview.sample} />
          ) : (
            <p className="text-sm text-zinc-500">No stored message would change from flagged to delivered; it would apply to future mail.</p>
          )}

          {preview.warnings.length > 0 ? (
            <fieldset className="space-y-1.5">
              <legend className="mb-1 text-[13px] font-medium text-amber-900">
                {preview.warnings.length === 1 ? 'One warning to acknowledge' : `${preview.warnings.length} warnings to acknowledge`}
              </legend>
              {preview.warnings.map((w) => (
                <label key={w.code} className="flex cursor-pointer items-start gap-2 rounded-md border border-amber-200 bg-amber-50 px-2.5 py-1.5 text-amber-950">
                  <input
                    type="checkbox"
                    checked={acknowledged.has(w.code)}
                    onChange={(e) => onAcknowledge(w.code, e.target.checked)}
                    className="mt-[3px] accent-amber-700"
                  />
                  <span>
                    <AlertIcon className="mr-1 inline size-3.5 align-[-2px] text-amber-700" />
                    {w.message}
                    {w.correctionIds?.length ? (
                      <span className="ml-1">
                        {w.correctionIds.map((id) => (
                          <Link key={id} href={`/t/${tenant}/corrections/${id}`} className="mr-1 font-medium text-accent-700 hover:underline">
                            #{id}
                          </Link>
                        ))}
                      </span>
                    ) : null}
                  </span>
                </label>
              ))}
            </fieldset>
          ) : null}

          <p className={`rounded-md px-2.5 py-1.5 text-sm ${preview.needsApproval ? 'bg-amber-50 text-amber-900' : 'bg-emerald-50 text-emerald-800'}`}>
            {preview.needsApproval
              ? 'Waits for an admin’s approval before it applies (and cannot be approved by you).'
              : 'Takes effect as soon as it is created; affected messages are re-scored in the background.'}
          </p>
        </div>
      )}
    </section>
  );
}

function Figure({ label, value, tone = 'plain' }: { label: string; value: number; tone?: 'plain' | 'danger' }) {
  return (
    // dt must precede dd; column-reverse shows the number on top.
    <div className="flex flex-col-reverse rounded-md border border-zinc-200 px-2 py-1.5">
      <dt className="text-xs text-zinc-500">{label}</dt>
      <dd className={`text-lg font-semibold ${tone === 'danger' ? 'text-red-700' : 'text-zinc-900'}`}>{value.toLocaleString('en-US')}</dd>
    </div>
  );
}

function Notes({ preview }: { preview: ImpactPreview }) {
  const notes: string[] = [];
  if (preview.matched > preview.released) {
    notes.push(`${preview.matched - preview.released} more match but were delivered already.`);
  }
  if (preview.guardSkipped > 0) {
    notes.push(`${preview.guardSkipped} in scope failed authentication, so the guard leaves them flagged.`);
  }
  if (preview.truncated) notes.push(`Stopped after ${preview.scanned.toLocaleString('en-US')} messages; the real figures are higher.`);
  if (notes.length === 0) return null;
  return <p className="text-sm text-zinc-500">{notes.join(' ')}</p>;
}

/** A sample of messages behind a figure, one click away, each linking to the message page. */
function SampleList({ tenant, title, total, sample }: { tenant: string; title: string; total: number; sample: PreviewSample[] }) {
  return (
    <details>
      <summary className="cursor-pointer text-accent-700 hover:underline">{title}</summary>
      <ul className="mt-1.5 max-h-64 divide-y divide-zinc-100 overflow-y-auto rounded border border-zinc-200">
        {sample.map((m) => (
          <li key={m.id} className="flex items-center gap-2 px-2 py-1 text-sm">
            <VerdictBadge verdict={m.verdict} />
            {m.malicious && m.label && m.label !== 'ham' ? <span className="text-xs font-medium text-red-700">{m.label}</span> : null}
            <Link href={`/t/${tenant}/messages/${m.id}`} className="min-w-0 flex-1 truncate text-zinc-800 hover:underline" title={`${m.fromAddress} — ${m.subject}`}>
              {m.subject || '(no subject)'}
            </Link>
            <time className="shrink-0 text-zinc-400" dateTime={new Date(m.receivedAt).toISOString()}>
              {formatDate(m.receivedAt)}
            </time>
          </li>
        ))}
      </ul>
      {total > sample.length ? <p className="mt-1 text-xs text-zinc-500">The first {sample.length} of {total.toLocaleString('en-US')}.</p> : null}
    </details>
  );
}
