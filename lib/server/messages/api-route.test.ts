import { describe, expect, it } from 'vitest';
import { POST } from '@/app/api/v1/tenants/[slug]/messages/route';
import { GET as openapi } from '@/app/api/v1/openapi.json/route';
import { db } from '@/lib/db';
import { makeTenant, withTestDatabase } from '@/lib/server/auth/test-support';
import { insertToken } from '@/lib/server/tokens/insert';
import { readCorpusMessage, readManifest } from './test-support';

// The HTTP contract of POST /api/v1/tenants/{slug}/messages, called as Next calls the handler.

withTestDatabase();

function post(slug: string, body: BodyInit, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'message/rfc822' };
  if (token) headers.authorization = `Bearer ${token}`;
  const request = new Request(`http://localhost/api/v1/tenants/${slug}/messages`, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  return POST(request, { params: Promise.resolve({ slug }) });
}

describe('POST /api/v1/tenants/{slug}/messages', () => {
  it('stores (201), then answers the same row (200); errors carry the documented statuses', async () => {
    const tenant = await makeTenant();
    const other = await makeTenant();
    const { token } = await insertToken(db, { tenantId: tenant.id, slug: tenant.slug, name: 'api', createdBy: null });
    const raw = readCorpusMessage(readManifest()[0]);

    const created = await post(tenant.slug, raw, token);
    expect(created.status).toBe(201);
    const body = (await created.json()) as { id: string; url: string; verdict: string };
    expect(body.url).toBe(`/t/${tenant.slug}/messages/${body.id}`);
    const again = await post(tenant.slug, raw, token);
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(body.id);

    expect((await post(tenant.slug, raw)).status).toBe(401);
    expect((await post(tenant.slug, raw, 'trg_unknown')).status).toBe(401);
    expect((await post(other.slug, raw, token)).status).toBe(403);
    expect((await post('no-such-tenant-zz', raw, token)).status).toBe(403);

    const bad = await post(tenant.slug, new Uint8Array(0), token);
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_input');

    // A streamed body that passes the limit is cut off while reading.
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ > 30) controller.close();
        else controller.enqueue(chunk);
      },
    });
    expect((await post(tenant.slug, stream, token)).status).toBe(413);
  });

  it('serves an OpenAPI 3.1 document', async () => {
    const doc = (await (await openapi(new Request('http://localhost/api/v1/openapi.json'))).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/tenants/{slug}/messages');
  });
});
