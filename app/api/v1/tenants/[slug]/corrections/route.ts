import { publicRoute } from '@/lib/server/http/route';
import { requireUser } from '@/lib/server/auth';
import { listActiveCorrections } from '@/lib/server/corrections/list-active';
import { readBearer } from '@/lib/server/tokens/verify';

type Context = { params: Promise<{ slug: string }> };

// Active corrections for the scoring pipeline: an ingest token of this tenant, or a signed-in
// session with access to it (proxy.ts lets /api/v1 through without a session, so both reach here).
export async function GET(request: Request, context: Context): Promise<Response> {
  return publicRoute(async () => {
    const { slug } = await context.params;
    const token = readBearer(request.headers);
    const result = token || request.headers.has('authorization')
      ? await listActiveCorrections({ token, tenant: slug })
      : await listActiveCorrections({ ctx: await requireUser(), tenant: slug });
    return Response.json(result, { headers: { 'cache-control': 'no-store' } });
  })(request);
}
