import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError, issuesFromZod } from '@/lib/errors';
// Direct module imports, as in list.ts: keeps this runnable from scripts outside Next.
import { areaRoles, authorize, type Ctx } from '@/lib/server/auth/context';
import { requireTenant } from '@/lib/server/auth/require-tenant';
import { messageIdForms } from './list';

export const findMessageInput = z.object({
  tenant: z.string().min(1),
  query: z.string().trim().min(1, 'Type something to search for.').max(998, 'Too long for a search (at most 998 characters).'),
});

/**
 * What a search box entry is. `id` and `message_id` carry the tenant's matching messages (newest
 * first, at most FIND_LIMIT); `text` means "search subjects" and was not looked up.
 */
export type FoundMessages = { kind: 'id' | 'message_id'; value: string; ids: string[] } | { kind: 'text'; value: string };

export const FIND_LIMIT = 50;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// RFC 5322 msg-id: "<" id-left "@" id-right ">", brackets optional when pasted. No spaces.
const messageId = /^<?[^\s<>@]+@[^\s<>@]+>?$/;

/** Classifies a search box entry; internal ids and Message-IDs resolve to the tenant's messages. */
export function classifySearch(query: string): 'id' | 'message_id' | 'text' {
  const q = query.trim();
  if (uuid.test(q)) return 'id';
  if (messageId.test(q)) return 'message_id';
  return 'text';
}

/**
 * Resolves the search box: an internal id (uuid) or a Message-ID (with or without <>) to the
 * messages of this tenant that carry it, so the page can jump straight to a single match.
 * Another tenant's message is as invisible as a missing one.
 */
export async function findMessages({ ctx, input }: { ctx: Ctx; input: z.input<typeof findMessageInput> }): Promise<FoundMessages> {
  authorize(ctx, areaRoles.messages);
  const parsed = findMessageInput.safeParse(input);
  if (!parsed.success) throw new AppError('invalid_input', { issues: issuesFromZod(parsed.error) });
  const { query } = parsed.data;
  const tenant = await requireTenant(ctx, parsed.data.tenant);
  const kind = classifySearch(query);
  if (kind === 'text') return { kind, value: query };
  const rows =
    kind === 'id'
      ? await db.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM messages WHERE tenant_id = $1::uuid AND id = $2::uuid`, tenant.id, query.toLowerCase())
      : await db.$queryRawUnsafe<{ id: string }[]>(
          `SELECT id::text AS id FROM messages WHERE tenant_id = $1::uuid AND message_id = ANY($2::text[]) ORDER BY received_at DESC, id DESC LIMIT ${FIND_LIMIT}`,
          tenant.id,
          messageIdForms(query),
        );
  return { kind, value: kind === 'message_id' ? messageIdForms(query)[0] : query.toLowerCase(), ids: rows.map((r) => r.id) };
}
