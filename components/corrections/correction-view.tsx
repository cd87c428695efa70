'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { Notice } from '@/components/ui/field';
import { formatDateTime } from '@/components/ui/format';
import { correctionQuery } from '@/lib/query/keys';
import { CorrectionActions, type CorrectionActionFns, type Viewer } from './correction-actions';
import { CorrectionFacts, CreationFigures } from './correction-facts';
import { CorrectionTimeline } from './correction-timeline';
import { personLabel } from './person';
import { RescoreRuns } from './rescore-runs';
import { StatusBadge } from './status-badge';
import type { Detail } from './detail-types';

type Props = {
  tenant: string;
  initial: Detail;
  notice: 'created' | 'existing' | null;
  viewer: Viewer;
  actions: CorrectionActionFns;
};

const POLL_MS = 1500;

const isBusy = (d: Detail | undefined) => !!d?.rescoreRuns.some((r) => r.status === 'queued' || r.status === 'running');

/**
 * One correction: what it allows and on what terms, the figures it was filed with, its re-score
 * runs (polled while one is in progress) and its full timeline, with the actions the viewer may take.
 */
export function CorrectionView({ tenant, initial, notice, viewer, actions }: Props) {
  const query = useQuery({
    ...correctionQuery(tenant, initial.id),
    initialData: initial,
    refetchInterval: (q) => (isBusy(q.state.data) ? POLL_MS : false),
  });
  const c = query.data;

  return (
    <>
      <div className="mb-1 text-sm text-zinc-500">
        <Link href={`/t/${tenant}/corrections`} className="hover:text-zinc-800 hover:underline">
          Corrections
        </Link>{' '}
        / {c.label}
      </div>
      <div className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1">
        <h1 className="text-lg font-semibold tracking-tight text-zinc-900">
          Correction {c.label}
        </h1>
        <StatusBadge status={c.status} />
        <span className="font-mono text-[13px] text-zinc-700">{c.scopeText}</span>
        <span className="text-sm text-zinc-500">
          filed by {personLabel(c.createdBy)} · {formatDateTime(c.createdAt)}
        </span>
      </div>

      <div className="mb-4 space-y-2 empty:hidden">
        {notice === 'created' ? (
          <Notice tone="success">
            Correction {c.label} created.{' '}
            {c.status === 'pending' ? 'It waits for an admin’s approval before it applies.' : 'It applies now; affected messages are re-scored below.'}
          </Notice>
        ) : null}
        {notice === 'existing' ? (
          <Notice tone="info">This exact correction already exists, so no new one was made: this is {c.label}.</Notice>
        ) : null}
        {query.isError ? (
          <Notice tone="warning">Could not refresh this correction ({query.error.message}). The figures below may be out of date.</Notice>
        ) : null}
      </div>

      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_380px]">
        <div className="space-y-4">
          <CorrectionFacts tenant={tenant} correction={c} />
          <RescoreRuns runs={c.rescoreRuns} polling={isBusy(c)} />
          <CorrectionTimeline events={c.events} />
        </div>
        <div className="space-y-4 lg:sticky lg:top-16">
          <CorrectionActions tenant={tenant} correction={c} viewer={viewer} actions={actions} />
          <CreationFigures correction={c} />
        </div>
      </div>
    </>
  );
}
