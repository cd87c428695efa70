import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { CorrectionForm } from '@/components/corrections/correction-form';
import { toOriginMessage } from '@/components/corrections/origin-message';
import { EmptyState } from '@/components/ui/empty-state';
import { CheckListIcon } from '@/components/ui/icons';
import { PageHeader } from '@/components/ui/page-header';
import { areaRoles, loadForPage, requirePageUser } from '@/lib/server/auth';
import { getMessage } from '@/lib/server/messages/get';
import { getTenant } from '@/lib/server/tenants/get';
import { createCorrectionAction, previewCorrectionAction } from '../actions';

export const metadata: Metadata = { title: 'New correction' };

type Props = { params: Promise<{ tenant: string }>; searchParams: Promise<{ message?: string | string[] }> };

export default async function NewCorrectionPage({ params, searchParams }: Props) {
  const { tenant } = await params;
  const { message: messageParam } = await searchParams;
  const ctx = await requirePageUser(areaRoles.corrections);
  const info = await loadForPage(() => getTenant({ ctx, input: { slug: tenant } }));
  const messageId = z.uuid().safeParse(messageParam);

  // A correction always starts from the message it is about: that is what keeps it narrow.
  if (!messageId.success) {
    return (
      <>
        <PageHeader title="New correction" />
        <EmptyState
          icon={<CheckListIcon />}
          title="Start from the message"
          action={
            <Link href={`/t/${tenant}/messages`} className="btn">
              Go to messages
            </Link>
          }
        >
          Corrections are filed from a wrongly flagged message: open it in Messages and choose “Allow…”. The form is
          then prefilled with its sender, domain and the rules that fired.
        </EmptyState>
      </>
    );
  }

  const message = await loadForPage(() => getMessage({ ctx, input: { tenant, id: messageId.data } }));
  return (
    <>
      <PageHeader
        title="New correction"
        description={`Allow mail for ${info.name} that the engine wrongly flagged. Preview the impact, then create it.`}
      />
      <CorrectionForm
        tenant={tenant}
        tenantName={info.name}
        message={toOriginMessage(message)}
        isAdmin={ctx.user.role === 'admin'}
        previewAction={previewCorrectionAction}
        createAction={createCorrectionAction}
      />
    </>
  );
}
