import { describe, expect, it } from 'vitest';
import { errorCode, makeTenant, makeUser, withTestDatabase } from '@/lib/server/auth/test-support';
import { ingestMessage } from '../ingest';
import { ctxOf, readCorpusMessage, readManifest } from '../test-support';
import { getMessageDetail, type MessageDetailView } from './get-detail';
import { getMessagePreview } from './get-preview';
import type { TextRun } from './text';

withTestDatabase();

/** The text under each mark id, joined across runs (a mark can be split by URLs or other marks). */
function markedText(runs: TextRun[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const run of runs) for (const id of run.marks) out.set(id, (out.get(id) ?? '') + run.text);
  return out;
}

async function setup(count = 12) {
  const tenant = await makeTenant();
  const ctx = ctxOf(await makeUser({ role: 'support', tenantIds: [tenant.id] }));
  const admin = ctxOf(await makeUser({ role: 'admin' }));
  const phish = readManifest().filter((e) => e.label === 'phish').slice(0, count);
  const ids: string[] = [];
  for (const e of phish) ids.push((await ingestMessage({ ctx: admin, tenant: tenant.slug, raw: readCorpusMessage(e), label: 'phish', recipient: e.recipient })).id);
  return { tenant, ctx, ids };
}

describe('getMessageDetail', () => {
  it('highlights exactly the evidence text in the body and headers', async () => {
    const { tenant, ctx, ids } = await setup();
    let bodyMarks = 0;
    let headerMarks = 0;
    for (const id of ids) {
      const view: MessageDetailView = await getMessageDetail({ ctx, input: { tenant: tenant.slug, id } });
      expect(view.why?.contributions.length).toBeGreaterThan(0);
      const marked = new Map([...view.texts.flatMap((p) => [...markedText(p.runs)]), ...view.headerLines.flatMap((h) => [...markedText(h.runs)])]);
      for (const c of view.why!.contributions) {
        if (c.kind === 'correction') continue;
        for (const e of c.evidence) {
          if (e.target === 'text' || e.target === 'html') {
            bodyMarks++;
            expect(marked.get(e.id!)).toBe(e.text);
          }
          if (e.target === 'header' && marked.has(e.id!)) {
            headerMarks++;
            expect(marked.get(e.id!)!.toLowerCase()).toBe(e.text.toLowerCase());
          }
        }
      }
      // Contributions arrive largest first, as the engine ordered them.
      const sizes = view.why!.contributions.map((c) => Math.abs(c.contribution));
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
      expect(view.summary.verdict).toBe(view.why!.verdict);
    }
    expect(bodyMarks).toBeGreaterThan(0);
    expect(headerMarks).toBeGreaterThan(0);
  });

  it('404s for a malformed id, an unknown id and another tenant\'s message', async () => {
    const { tenant, ctx, ids } = await setup(1);
    expect(await errorCode(getMessageDetail({ ctx, input: { tenant: tenant.slug, id: 'not-a-uuid' } }))).toBe('not_found');
    expect(await errorCode(getMessageDetail({ ctx, input: { tenant: tenant.slug, id: '00000000-0000-4000-8000-000000000000' } }))).toBe('not_found');
    const other = await makeTenant();
    const admin = ctxOf(await makeUser({ role: 'admin' }));
    expect(await errorCode(getMessageDetail({ ctx: admin, input: { tenant: other.slug, id: ids[0] } }))).toBe('not_found');
    // Not granted the tenant at all: also 404, never 403.
    const stranger = ctxOf(await makeUser({ role: 'support' }));
    expect(await errorCode(getMessageDetail({ ctx: stranger, input: { tenant: tenant.slug, id: ids[0] } }))).toBe('not_found');
    expect(await errorCode(getMessagePreview({ ctx: stranger, input: { tenant: tenant.slug, id: ids[0] } }))).toBe('not_found');
  });

  it('builds links, attachments, auth and the Received chain from the raw message', async () => {
    const { tenant, ctx, ids } = await setup();
    const views = await Promise.all(ids.map((id) => getMessageDetail({ ctx, input: { tenant: tenant.slug, id } })));
    const withLinks = views.find((v) => v.links.rows.length > 0)!;
    expect(withLinks.links.rows[0]).toMatchObject({ index: 0, href: expect.stringMatching(/^(https?|hxxps?|ftp|mailto):|^www\./i) });
    for (const v of views) {
      expect(v.auth!.checks.map((c) => c.method)).toEqual(expect.arrayContaining(['SPF', 'DKIM', 'DMARC', 'ARC']));
      expect(v.received.hops.every((h, i) => h.step === i + 1)).toBe(true);
      expect(v.raw.bytes).toBe(v.size);
      expect(v.context.baseline.messages).toBeGreaterThan(0);
    }
  });
});

describe('getMessagePreview', () => {
  it('returns a sanitised document with no remote loads', async () => {
    const { tenant, ctx, ids } = await setup();
    for (const id of ids) {
      const { html } = await getMessagePreview({ ctx, input: { tenant: tenant.slug, id } });
      expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
      expect(html).toContain('Content-Security-Policy');
      expect(html).not.toMatch(/<script|\son\w+=|<(?:img|source|video|audio|iframe|embed|object|link)\b[^>]*\s(?:src|href)="(?:https?:)?\/\//i);
      expect(html).not.toMatch(/url\(\s*['"]?(?:https?:)?\/\//i);
      expect(html).not.toMatch(/<a\b[^>]*\shref=/i);
    }
  });
});
