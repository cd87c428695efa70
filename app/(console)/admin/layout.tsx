import type { ReactNode } from 'react';
import { areaRoles, requirePageUser } from '@/lib/server/auth';

// Above loading.tsx's Suspense boundary, so non-admins get a real 404 status (see sandbox).
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePageUser(areaRoles.admin);
  return children;
}
