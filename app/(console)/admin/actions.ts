'use server';

import { revalidatePath } from 'next/cache';
import { toAppError } from '@/lib/errors';
import { areaRoles, requireUser } from '@/lib/server/auth';
import { createIngestToken } from '@/lib/server/tokens/create';
import { revokeIngestToken } from '@/lib/server/tokens/revoke';

export type CreateTokenState = { ok: true; tenant: string; name: string; token: string } | { ok: false; message: string; fields?: Record<string, string> } | null;

// Answers with a value: a thrown error reaches the browser as a bare digest in production.
export async function createTokenAction(_prev: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  try {
    const ctx = await requireUser(areaRoles.admin);
    const created = await createIngestToken({ ctx, input: { tenant: String(form.get('tenant') ?? ''), name: String(form.get('name') ?? '') } });
    revalidatePath('/admin');
    return { ok: true, tenant: created.tenant, name: created.name, token: created.token };
  } catch (error) {
    const e = toAppError(error);
    const fields = Object.fromEntries((e.issues ?? []).map((i) => [i.path, i.message]));
    return { ok: false, message: e.code === 'invalid_input' ? 'Check the fields below.' : e.userMessage, fields };
  }
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  const ctx = await requireUser(areaRoles.admin);
  await revokeIngestToken({ ctx, input: { tenant: String(form.get('tenant') ?? ''), id: String(form.get('id') ?? '') } });
  revalidatePath('/admin');
}
