import type { ReactNode } from 'react';
import { areaRoles, requirePageUser } from '@/lib/server/auth';

// The role check sits in a layout, above loading.tsx's Suspense boundary, so a refused role
// gets a real 404 status instead of a streamed 200 with a 404 body.
export default async function SandboxLayout({ children }: { children: ReactNode }) {
  await requirePageUser(areaRoles.sandbox);
  return children;
}
