import type { Metadata } from 'next';
import { notFound, redirect } from 'next/navigation';
import { CorrectionView } from '@/components/corrections/correction-view';
import { areaRoles, loadForPage, requirePageUser } from '@/lib/server/auth';
import { getCorrection } from '@/lib/server/corrections/get';
import type { Jsonified } from '@/lib/query/keys';
import type { CorrectionDetail } from '@/lib/server/corrections/get';
import {
  approveCorrectionAction,
  editCorrectionAction,
  rejectCorrectionAction,
  revokeCorrectionAction,
} from '../actions';

type Props = { params: Promise<{ tenant: string; id: string }>; searchParams: Promise<{ notice?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Correction #${(await params).id}` };
}

export default async function CorrectionPage({ params, searchParams }: Props) {
  const { tenant, id } = await params;
  const { notice } = await searchParams;
  if (!/^\d{1,9}$/.test(id)) notFound();
  const ctx = await requirePageUser(areaRoles.corrections);
  const correction = await loadForPage(() => getCorrection({ ctx, input: { id } }));
  // One address per correction: a tenant's correction lives under its own tenant.
  if (correction.tenant && correction.tenant.slug !== tenant) {
    redirect(`/t/${correction.tenant.slug}/corrections/${correction.id}${typeof notice === 'string' ? `?notice=${encodeURIComponent(notice)}` : ''}`);
  }
  // The same JSON shape the page's polling query gets, so both feed one cache entry.
  const initial = JSON.parse(JSON.stringify(correction)) as Jsonified<CorrectionDetail>;
  return (
    <CorrectionView
      tenant={tenant}
      initial={initial}
      notice={notice === 'created' || notice === 'existing' ? notice : null}
      viewer={{ id: ctx.user.id, role: ctx.user.role }}
      actions={{ approve: approveCorrectionAction, reject: rejectCorrectionAction, revoke: revokeCorrectionAction, edit: editCorrectionAction }}
    />
  );
}
