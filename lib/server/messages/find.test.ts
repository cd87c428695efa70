import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { errorCode, makeTenant, makeUser, withTestDatabase } from '@/lib/server/auth/test-support';
import { classifySearch, findMessages } from './find';
import { ingestMessage } from './ingest';
import { ctxOf, readCorpusMessage, readManifest } from './test-support';

withTestDatabase();

describe('classifySearch', () => {
  it('tells ids and Message-IDs from subject text', () => {
    expect(classifySearch('3f2b8c1e-9a4d-4e6f-8b7a-1c2d3e4f5a6b')).toBe('id');
    expect(classifySearch(' 3F2B8C1E-9A4D-4E6F-8B7A-1C2D3E4F5A6B ')).toBe('id');
    expect(classifySearch('<abc.123@mail.example.com>')).toBe('message_id');
    expect(classifySearch('abc.123@mail.example.com')).toBe('message_id');
    expect(classifySearch('Your invoice is ready')).toBe('text');
    expect(classifySearch('re: a@b.c and more')).toBe('text');
    expect(classifySearch('3f2b8c1e-9a4d')).toBe('text');
  });
});

describe('findMessages', () => {
  it('resolves internal ids and Message-IDs inside the tenant only', async () => {
    const tenant = await makeTenant();
    const other = await makeTenant();
    const admin = ctxOf(await makeUser({ role: 'admin' }));
    const withId = readManifest().find((e) => /^Message-ID:/im.test(Buffer.from(readCorpusMessage(e)).toString('latin1')))!;
    const mine = await ingestMessage({ ctx: admin, tenant: tenant.slug, raw: readCorpusMessage(withId), recipient: withId.recipient });
    const theirs = await ingestMessage({ ctx: admin, tenant: other.slug, raw: readCorpusMessage(readManifest()[7]), recipient: 'x@y.example' });
    const support = ctxOf(await makeUser({ role: 'support', tenantIds: [tenant.id] }));
    const find = (query: string) => findMessages({ ctx: support, input: { tenant: tenant.slug, query } });

    expect(await find(mine.id)).toEqual({ kind: 'id', value: mine.id, ids: [mine.id] });
    expect(await find(mine.id.toUpperCase())).toMatchObject({ ids: [mine.id] });
    // Another tenant's id is as absent as a made-up one.
    expect(await find(theirs.id)).toEqual({ kind: 'id', value: theirs.id, ids: [] });

    const stored = (await db.message.findUniqueOrThrow({ where: { id: mine.id } })).messageId!;
    const bare = stored.replace(/^<|>$/g, '');
    expect(await find(stored)).toEqual({ kind: 'message_id', value: `<${bare}>`, ids: [mine.id] });
    expect(await find(`  ${bare} `)).toMatchObject({ kind: 'message_id', ids: [mine.id] });
    expect(await find('<nobody-sent-this@nowhere.example>')).toMatchObject({ kind: 'message_id', ids: [] });
    expect(await find('quarterly report')).toEqual({ kind: 'text', value: 'quarterly report' });

    expect(await errorCode(findMessages({ ctx: support, input: { tenant: other.slug, query: theirs.id } }))).toBe('not_found');
    expect(await errorCode(find('   '))).toBe('invalid_input');
  });
});
