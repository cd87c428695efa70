import type { ReactNode } from 'react';
import { areaRoles, loadForPage, requirePageUser } from '@/lib/server/auth';
import { requireCorrection } from '@/lib/server/corrections/require';

type Props = { children: ReactNode; params: Promise<{ tenant: string; id: string }> };

// Above loading.tsx, so an unknown or invisible correction answers a real 404 status.
export default async function CorrectionLayout({ children, params }: Props) {
  const { id } = await params;
  const ctx = await requirePageUser(areaRoles.corrections);
  await loadForPage(() => requireCorrection({ ctx, input: { id } }));
  return children;
}
