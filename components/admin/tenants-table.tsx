import type { TenantSummary } from '@/lib/server/tenants/list';

export function TenantsTable({ tenants }: { tenants: TenantSummary[] }) {
  return (
    <section aria-labelledby="tenants-heading" className="panel overflow-hidden">
      <header className="flex items-center justify-between border-b border-zinc-200 px-4 py-2.5">
        <h2 id="tenants-heading" className="font-semibold text-zinc-900">
          Tenants <span className="font-normal text-zinc-400">{tenants.length}</span>
        </h2>
      </header>
      <div className="overflow-x-auto">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Slug</th>
              <th scope="col">Name</th>
              <th scope="col">Domains</th>
              <th scope="col" className="text-right">
                VIPs
              </th>
            </tr>
          </thead>
          <tbody>
            {tenants.map((t) => (
              <tr key={t.slug}>
                <td className="font-mono text-sm text-zinc-800">{t.slug}</td>
                <td>{t.name}</td>
                <td className="font-mono text-sm text-zinc-600">{t.domains.join(', ')}</td>
                <td className="text-right">{t.vipCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
