import type { ReactNode } from 'react';
import { TopBar } from '@/components/shell/top-bar';
import type { NavArea } from '@/components/shell/nav-links';
import { canUse, requirePageUser } from '@/lib/server/auth';
import { listTenants } from '@/lib/server/tenants/list';
import { signOutAction } from './actions';

const areaOrder: NavArea[] = ['messages', 'sandbox', 'corrections', 'admin'];

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const ctx = await requirePageUser();
  const tenants = await listTenants({ ctx });
  const areas = areaOrder.filter((area) => canUse(ctx.user.role, area));
  return (
    <div className="flex min-h-dvh flex-col">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-1.5">
        Skip to content
      </a>
      <TopBar user={ctx.user} tenants={tenants} areas={areas} signOutAction={signOutAction} />
      <main id="main" className="mx-auto w-full max-w-[1400px] flex-1 px-6 py-5">
        {children}
      </main>
    </div>
  );
}
