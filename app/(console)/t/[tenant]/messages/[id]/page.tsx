import type { Metadata } from 'next';
import { MessageView } from '@/components/message/message-view';
import { areaRoles, canUse, loadForPage, requirePageUser } from '@/lib/server/auth';
import { getMessageDetail } from '@/lib/server/messages/detail/get-detail';
import { PREVIEW_IFRAME_ATTRIBUTES } from '@/lib/server/render';

export const metadata: Metadata = { title: 'Message' };

type Props = { params: Promise<{ tenant: string; id: string }> };

export default async function MessagePage({ params }: Props) {
  const { tenant, id } = await params;
  const ctx = await requirePageUser(areaRoles.messages);
  // Unknown, other-tenant and malformed ids all become the 404 page.
  const view = await loadForPage(() => getMessageDetail({ ctx, input: { tenant, id } }));
  return <MessageView view={view} iframeAttributes={{ ...PREVIEW_IFRAME_ATTRIBUTES }} canAllow={canUse(ctx.user.role, 'corrections')} canTestRules={canUse(ctx.user.role, 'sandbox')} />;
}
