import type { ReactNode } from 'react';
import { formatDateTime } from '@/components/ui/format';
import type { DetailEvent } from './detail-types';
import { personLabel } from './person';
import { warningLabel } from './status-badge';

// The timeline reads event data defensively: it is JSON written by several operations over time,
// and a missing field must not break the page that audits it.

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

const fieldNames: Record<string, string> = { reason: 'Reason', ticket: 'Ticket', expiresAt: 'Expiry' };

function showValue(field: string, v: unknown): string {
  if (v === null || v === undefined || v === '') return field === 'expiresAt' ? 'never' : 'none';
  if (field === 'expiresAt' && typeof v === 'string') return formatDateTime(v);
  return String(v);
}

function describe(e: DetailEvent): { title: string; tone: 'plain' | 'good' | 'bad' | 'system'; body?: ReactNode } {
  const d = e.data;
  const who = personLabel(e.actor);
  switch (e.kind) {
    case 'created':
      return { title: `Filed by ${who}${d.status === 'pending' ? ', waiting for approval' : d.status === 'active' ? ', active at once' : ''}`, tone: 'plain' };
    case 'previewed': {
      const warnings = Array.isArray(d.warnings) ? d.warnings.filter((w): w is string => typeof w === 'string') : [];
      return {
        title: 'Impact previewed',
        tone: 'system',
        body: (
          <>
            Would release {num(d.released) ?? '?'} of {plural(num(d.scanned) ?? 0, 'stored message')} in scope
            {num(d.releasedMalicious) ? `, ${num(d.releasedMalicious)} malicious or attack` : ''}
            {num(d.guardSkipped) ? `; ${num(d.guardSkipped)} kept by the guard` : ''}.
            {warnings.length ? ` Warnings acknowledged: ${warnings.map(warningLabel).join(', ')}.` : ''}
          </>
        ),
      };
    }
    case 'approved':
      return { title: `Approved by ${who}`, tone: 'good', body: str(d.comment) ? <q>{str(d.comment)}</q> : undefined };
    case 'rejected':
      return { title: `Rejected by ${who}`, tone: 'bad', body: str(d.comment) ? <q>{str(d.comment)}</q> : undefined };
    case 'edited': {
      const changes = (d.changes ?? {}) as Record<string, { from?: unknown; to?: unknown }>;
      return {
        title: `Edited by ${who}`,
        tone: 'plain',
        body: (
          <ul>
            {Object.entries(changes).map(([field, change]) => (
              <li key={field}>
                {fieldNames[field] ?? field}: <span className="text-zinc-500 line-through">{showValue(field, change?.from)}</span> →{' '}
                {showValue(field, change?.to)}
              </li>
            ))}
          </ul>
        ),
      };
    }
    case 'revoked':
      return { title: `Revoked by ${who}`, tone: 'bad', body: str(d.reason) ? <q>{str(d.reason)}</q> : undefined };
    case 'expired':
      return { title: 'Expired', tone: 'system' };
    case 'rescore_started':
      return { title: `Re-score started${str(d.reason) ? ` (${str(d.reason)})` : ''}`, tone: 'system' };
    case 'rescore_finished':
      return {
        title: 'Re-score finished',
        tone: 'system',
        body: `${plural(num(d.total) ?? 0, 'message')} re-scored: ${num(d.released) ?? 0} released, ${num(d.restored) ?? 0} flagged again.`,
      };
    case 'rescore_failed':
      return { title: 'Re-score failed', tone: 'bad', body: `${num(d.done) ?? 0} of ${num(d.total) ?? 0} were re-scored before it stopped.` };
    default:
      return { title: e.kind, tone: 'system' };
  }
}

const dot = { plain: 'bg-zinc-400', good: 'bg-emerald-500', bad: 'bg-red-500', system: 'bg-zinc-300' } as const;

/** Everything that happened to the correction, oldest first: who did what, when. */
export function CorrectionTimeline({ events }: { events: DetailEvent[] }) {
  return (
    <section aria-labelledby="timeline-heading" className="panel">
      <h2 id="timeline-heading" className="border-b border-zinc-200 px-4 py-2 font-semibold text-zinc-900">
        Timeline <span className="font-normal text-zinc-400">{events.length}</span>
      </h2>
      {events.length === 0 ? (
        <p className="px-4 py-3 text-zinc-500">No events recorded.</p>
      ) : (
        <ol className="px-4 py-2" data-testid="timeline">
          {events.map((e) => {
            const { title, tone, body } = describe(e);
            return (
              <li key={e.id} className="relative flex gap-3 pb-3 last:pb-1">
                <span className={`mt-[7px] size-2 shrink-0 rounded-full ${dot[tone]}`} aria-hidden="true" />
                <div className="min-w-0 flex-1">
                  <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                    <span className={tone === 'system' ? 'text-zinc-600' : 'font-medium text-zinc-900'}>{title}</span>
                    <time dateTime={e.at} className="text-sm text-zinc-500">
                      {formatDateTime(e.at)}
                    </time>
                  </div>
                  {body ? <div className="text-sm text-zinc-600">{body}</div> : null}
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
