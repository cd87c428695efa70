import type { TenantOverview } from '@/lib/server/tenants/get-overview';

/** Messages' header: who this tenant is and whom attackers would impersonate there. */
export function TenantOverviewHeader({ tenant }: { tenant: TenantOverview }) {
  return (
    <section aria-labelledby="tenant-name" className="panel mb-4">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1 border-b border-zinc-200 px-4 py-3">
        <h1 id="tenant-name" className="text-lg font-semibold tracking-tight text-zinc-900">
          {tenant.name}
        </h1>
        <span className="font-mono text-xs text-zinc-500">{tenant.slug}</span>
        <span className="text-zinc-300" aria-hidden="true">
          ·
        </span>
        <span className="text-zinc-600">Messages</span>
      </div>
      <dl className="grid grid-cols-1 gap-x-8 gap-y-3 px-4 py-3 md:grid-cols-[minmax(180px,auto)_1fr]">
        <div>
          <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase">Domains</dt>
          <dd className="mt-1 flex flex-wrap gap-1.5">
            {tenant.domains.map((d) => (
              <span key={d} className="rounded bg-zinc-100 px-1.5 py-px font-mono text-sm text-zinc-700">
                {d}
              </span>
            ))}
          </dd>
        </div>
        <div>
          <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase">
            VIPs <span className="text-zinc-400">({tenant.vips.length})</span>
          </dt>
          <dd className="mt-1">
            {tenant.vips.length === 0 ? (
              <span className="text-zinc-500">None listed — display-name impersonation checks have nobody to protect.</span>
            ) : (
              <table className="text-[13px]">
                <tbody>
                  {tenant.vips.map((v) => (
                    <tr key={v.name}>
                      <td className="py-0.5 pr-4 font-medium whitespace-nowrap text-zinc-900">{v.name}</td>
                      <td className="py-0.5 pr-4 whitespace-nowrap text-zinc-500">{v.title ?? '—'}</td>
                      <td className="py-0.5 font-mono text-sm text-zinc-600">{v.addresses.join(', ')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
