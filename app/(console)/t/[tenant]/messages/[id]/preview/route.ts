import { areaRoles } from '@/lib/server/auth';
import { route } from '@/lib/server/http/route';
import { getMessagePreview } from '@/lib/server/messages/detail/get-preview';
import { PREVIEW_RESPONSE_HEADERS } from '@/lib/server/render';

// The sanitised message document for the page's sandboxed iframe. Served with the preview
// headers (CSP forbidding every load, sandbox, frame-ancestors 'self'); proxy.ts leaves this
// path's CSP and framing headers to us. See docs/decisions/0003-safe-message-rendering.md.
export const GET = route({ roles: areaRoles.messages }, async ({ ctx, params }) => {
  const { html } = await getMessagePreview({ ctx, input: { tenant: String(params.tenant), id: String(params.id) } });
  return new Response(html, { status: 200, headers: PREVIEW_RESPONSE_HEADERS });
});
