import 'server-only';
import type { IngestTenant } from './ingest-batch';
import type { Sql } from './sql';

/** The tenant profile scoring needs (domains, VIPs), by id. */
export async function loadIngestTenant(sql: Sql, where: { id: string } | { slug: string }): Promise<IngestTenant | null> {
  const [tenant] = await sql<{ id: string; slug: string; domains: string[] | null }>(
    'id' in where ? `SELECT id::text AS id, slug, domains FROM tenants WHERE id = $1::uuid` : `SELECT id::text AS id, slug, domains FROM tenants WHERE slug = $1`,
    ['id' in where ? where.id : where.slug],
  );
  if (!tenant) return null;
  const vips = await sql<{ name: string; addresses: string[] | null }>(`SELECT name, addresses FROM vips WHERE tenant_id = $1::uuid ORDER BY name`, [tenant.id]);
  return { ...tenant, domains: tenant.domains ?? [], vips: vips.map((v) => ({ name: v.name, addresses: v.addresses ?? [] })) };
}
