import Link from 'next/link';
import { LogoMark } from '@/components/ui/icons';
import { NavLinks, type NavArea } from './nav-links';
import { TenantSwitcher } from './tenant-switcher';

type Props = {
  user: { name: string; email: string; role: string };
  tenants: { slug: string; name: string }[];
  areas: NavArea[];
  signOutAction: () => Promise<void>;
};

const roleLabel: Record<string, string> = { support: 'Support', engineer: 'Engineer', admin: 'Admin' };

export function TopBar({ user, tenants, areas, signOutAction }: Props) {
  const fallbackTenant = tenants[0]?.slug ?? null;
  return (
    <header className="sticky top-0 z-20 border-b border-zinc-800 bg-zinc-900 text-zinc-100">
      <div className="flex h-11 items-center gap-3 px-4">
        <Link href="/" className="flex items-center gap-1.5 rounded-md pr-1 text-[14px] font-semibold tracking-tight text-white">
          <LogoMark className="size-[18px] text-accent-500" />
          Triage
        </Link>
        <span className="h-5 w-px bg-zinc-700" aria-hidden="true" />
        <TenantSwitcher tenants={tenants} />
        <NavLinks areas={areas} fallbackTenant={fallbackTenant} tenantSlugs={tenants.map((t) => t.slug)} />
        <div className="ml-auto flex items-center gap-3">
          <div className="flex items-center gap-2 text-right leading-tight" title={user.email}>
            <span className="text-[13px] font-medium text-zinc-100">{user.name}</span>
            <span
              className="rounded bg-zinc-800 px-1.5 py-px text-xs font-medium text-zinc-300 ring-1 ring-zinc-700 ring-inset"
              data-testid="user-role"
            >
              {roleLabel[user.role] ?? user.role}
            </span>
          </div>
          <form action={signOutAction}>
            <button
              type="submit"
              className="rounded-md px-2 py-1 text-[13px] font-medium text-zinc-300 hover:bg-zinc-800 hover:text-white"
            >
              Sign out
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
