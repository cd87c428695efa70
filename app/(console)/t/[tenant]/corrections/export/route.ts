import { toFilters } from '@/components/corrections/list-params';
import { areaRoles } from '@/lib/server/auth';
import { exportCorrectionsCsv } from '@/lib/server/corrections/export-csv';
import { route } from '@/lib/server/http/route';

// The corrections table as CSV under the page's own URL filters (same mapping as the page), as
// a download named after the tenant choice and the date. exportCorrectionsCsv checks the tenant
// filter against the caller's grants before any name reaches the header.
export const GET = route({ roles: areaRoles.corrections }, async ({ ctx, params, request }) => {
  const routeTenant = String(params.tenant);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const filters = toFilters(query, routeTenant, ctx.user.role === 'admin');
  const { csv } = await exportCorrectionsCsv({ ctx, input: filters });
  const scope = filters.tenant === undefined ? 'all-tenants' : filters.tenant === '*' ? 'all-tenant-only' : filters.tenant;
  const filename = `corrections-${scope}-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename}"`,
      'cache-control': 'no-store',
    },
  });
});
