'use client';

import { useParams, usePathname, useRouter } from 'next/navigation';
import { ChevronDownIcon } from '@/components/ui/icons';

type Props = { tenants: { slug: string; name: string }[] };

/**
 * The selected tenant lives in the URL (/t/<slug>/…); switching keeps the current section.
 * A native select: keyboard and screen-reader behaviour for free.
 */
export function TenantSwitcher({ tenants }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useParams<{ tenant?: string }>();
  // A slug outside the granted list (a 404 page) shows as "no selection", not as the first option.
  const current = tenants.some((t) => t.slug === params.tenant) ? params.tenant! : '';

  function switchTo(slug: string) {
    const section = pathname.match(/^\/t\/[^/]+\/([^/]+)/)?.[1] ?? 'messages';
    router.push(`/t/${slug}/${section}`);
  }

  if (tenants.length === 0) return <span className="text-xs text-zinc-400">No tenants granted</span>;

  return (
    <div className="relative">
      <label htmlFor="tenant-switcher" className="sr-only">
        Tenant
      </label>
      <select
        id="tenant-switcher"
        value={current}
        onChange={(e) => switchTo(e.target.value)}
        className="h-7 appearance-none rounded-md border border-zinc-700 bg-zinc-800 pr-7 pl-2.5 text-[13px] font-medium text-zinc-100 hover:border-zinc-600"
      >
        {current === '' ? (
          <option value="" disabled>
            Select tenant…
          </option>
        ) : null}
        {tenants.map((t) => (
          <option key={t.slug} value={t.slug}>
            {t.name}
          </option>
        ))}
      </select>
      <ChevronDownIcon className="pointer-events-none absolute top-1/2 right-2 size-3.5 -translate-y-1/2 text-zinc-400" />
    </div>
  );
}
