'use client';

import Link from 'next/link';
import { useParams, usePathname } from 'next/navigation';

export type NavArea = 'messages' | 'sandbox' | 'corrections' | 'admin';

const labels: Record<NavArea, string> = {
  messages: 'Messages',
  sandbox: 'Sandbox',
  corrections: 'Corrections',
  admin: 'Admin',
};

type Props = {
  /** Areas the server says this role may use, in display order. */
  areas: NavArea[];
  /** Tenant for tenant-scoped links when the URL has none (e.g. on /admin). */
  fallbackTenant: string | null;
  /** Granted slugs: a slug in the URL that is not among them (a 404) never feeds the links. */
  tenantSlugs: string[];
};

/** Primary navigation. Hides what the role cannot use; the server still gates every route. */
export function NavLinks({ areas, fallbackTenant, tenantSlugs }: Props) {
  const pathname = usePathname();
  const params = useParams<{ tenant?: string }>();
  const tenant = params.tenant && tenantSlugs.includes(params.tenant) ? params.tenant : fallbackTenant;

  return (
    <nav aria-label="Primary" className="flex items-center gap-0.5">
      {areas.map((area) => {
        const href = area === 'admin' ? '/admin' : tenant ? `/t/${tenant}/${area}` : null;
        if (!href) return null;
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={area}
            href={href}
            aria-current={active ? 'page' : undefined}
            className={`rounded-md px-2.5 py-1 text-[13px] font-medium transition-colors ${
              active ? 'bg-zinc-800 text-white' : 'text-zinc-300 hover:bg-zinc-800/60 hover:text-white'
            }`}
          >
            {labels[area]}
          </Link>
        );
      })}
    </nav>
  );
}
