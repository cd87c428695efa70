import { publicRoute } from '@/lib/server/http/route';
import { openApiDocument } from '@/lib/server/messages/openapi';

// Public: the API description holds no tenant data.
export const GET = publicRoute(() => Response.json(openApiDocument, { headers: { 'cache-control': 'public, max-age=300' } }));
