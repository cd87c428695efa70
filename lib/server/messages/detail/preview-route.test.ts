import { describe, expect, it, vi } from 'vitest';
import type { Ctx } from '@/lib/server/auth';
import { makeTenant, makeUser, withTestDatabase } from '@/lib/server/auth/test-support';
import { PREVIEW_RESPONSE_HEADERS } from '@/lib/server/render';
import { ingestMessage } from '../ingest';
import { ctxOf, readCorpusMessage, readManifest } from '../test-support';

// The preview route handler end to end (session stubbed): the exact preview headers, sanitised
// HTML, and errors that never fall back to serving anything unprotected.

let caller: Ctx | null = null;
vi.mock('@/lib/server/auth', async (original) => {
  const actual = await original<typeof import('@/lib/server/auth')>();
  const { AppError } = await import('@/lib/errors');
  return {
    ...actual,
    requireUser: async () => {
      if (!caller) throw new AppError('unauthenticated');
      return caller;
    },
  };
});

const { GET } = await import('../../../../app/(console)/t/[tenant]/messages/[id]/preview/route');

withTestDatabase();

const get = (tenant: string, id: string) =>
  GET(new Request(`http://127.0.0.1/t/${tenant}/messages/${id}/preview`), { params: Promise.resolve({ tenant, id }) });

describe('GET …/messages/[id]/preview', () => {
  it('serves the sanitised document with exactly the preview headers', async () => {
    const tenant = await makeTenant();
    const admin = ctxOf(await makeUser({ role: 'admin' }));
    // A phish with remote images: the placeholders must show.
    const entries = readManifest().filter((e) => e.label === 'phish').slice(0, 30);
    caller = ctxOf(await makeUser({ role: 'support', tenantIds: [tenant.id] }));
    let blockedSeen = false;
    for (const e of entries) {
      const { id } = await ingestMessage({ ctx: admin, tenant: tenant.slug, raw: readCorpusMessage(e), recipient: e.recipient });
      const response = await get(tenant.slug, id);
      expect(response.status).toBe(200);
      for (const [name, value] of Object.entries(PREVIEW_RESPONSE_HEADERS)) expect(response.headers.get(name)).toBe(value);
      const html = await response.text();
      expect(html).not.toMatch(/<script|<a\b[^>]*\shref=|\s(?:src|href|background)="(?:https?:)?\/\//i);
      if (html.includes('remote content blocked')) blockedSeen = true;
    }
    expect(blockedSeen).toBe(true);
  });

  it('answers 401 without a session and 404 for other tenants or malformed ids, never with HTML', async () => {
    const tenant = await makeTenant();
    caller = null;
    expect((await get(tenant.slug, '00000000-0000-4000-8000-000000000000')).status).toBe(401);
    caller = ctxOf(await makeUser({ role: 'support' }));
    for (const response of [await get(tenant.slug, '00000000-0000-4000-8000-000000000000'), await get(tenant.slug, 'not-an-id')]) {
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    }
  });
});
