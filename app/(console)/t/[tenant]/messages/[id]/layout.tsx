import type { ReactNode } from 'react';
import { areaRoles, loadForPage, requirePageUser } from '@/lib/server/auth';
import { requireMessage } from '@/lib/server/messages/require-message';

type Props = { children: ReactNode; params: Promise<{ tenant: string; id: string }> };

// Above loading.tsx, so an unknown, malformed or other-tenant id answers a real 404 status
// instead of a streamed 200 whose body is the not-found page.
export default async function MessageLayout({ children, params }: Props) {
  const { tenant, id } = await params;
  const ctx = await requirePageUser(areaRoles.messages);
  await loadForPage(() => requireMessage({ ctx, input: { tenant, id } }));
  return children;
}
