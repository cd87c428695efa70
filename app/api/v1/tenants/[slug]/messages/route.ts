import { DEFAULT_PARSE_LIMITS } from '@/lib/engine';
import { AppError } from '@/lib/errors';
import { publicRoute } from '@/lib/server/http/route';
import { ingestMessage } from '@/lib/server/messages/ingest';
import { readBodyWithLimit } from '@/lib/server/messages/read-body';
import { readBearer, verifyIngestToken } from '@/lib/server/tokens/verify';

type Context = { params: Promise<{ slug: string }> };

// Token-authenticated ingestion (proxy.ts lets /api/v1 through without a session). The token is
// checked before the body is read, so unauthenticated clients cannot make us buffer 25 MiB.
export async function POST(request: Request, context: Context): Promise<Response> {
  return publicRoute(async () => {
    const { slug } = await context.params;
    const token = readBearer(request.headers);
    const principal = await verifyIngestToken(token);
    if (principal.tenantSlug !== slug) throw new AppError('forbidden', { userMessage: 'This token is not valid for that tenant.' });
    const raw = await readBodyWithLimit(request, DEFAULT_PARSE_LIMITS.maxBytes);
    const recipient = new URL(request.url).searchParams.get('recipient') ?? undefined;
    const result = await ingestMessage({ token, tenant: slug, raw, recipient });
    const body = { id: result.id, verdict: result.verdict, flagged: result.flagged, score: result.score, url: `/t/${result.tenant}/messages/${result.id}` };
    return Response.json(body, { status: result.created ? 201 : 200, headers: { 'cache-control': 'no-store' } });
  })(request);
}
