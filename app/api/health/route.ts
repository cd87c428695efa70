import { checkHealth } from '@/lib/server/http/check-health';
import { publicRoute } from '@/lib/server/http/route';

// Public: load balancers and uptime checks call it without a session.
export const GET = publicRoute(async () => {
  const health = await checkHealth();
  return Response.json(health, { status: health.db === 'ok' ? 200 : 503, headers: { 'cache-control': 'no-store' } });
});
