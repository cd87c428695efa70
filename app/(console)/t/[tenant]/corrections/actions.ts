'use server';

import type { ActionResult } from '@/components/corrections/action-result';
import { toAppError } from '@/lib/errors';
import { areaRoles, requireUser, type Ctx } from '@/lib/server/auth';
import type { z } from 'zod';
import { approveCorrection } from '@/lib/server/corrections/approve';
import { createCorrection } from '@/lib/server/corrections/create';
import { editCorrection } from '@/lib/server/corrections/edit';
import type { CorrectionDraft, editCorrectionInput } from '@/lib/server/corrections/input';
import { previewCorrection } from '@/lib/server/corrections/preview';
import { rejectCorrection } from '@/lib/server/corrections/reject';
import { revokeCorrection } from '@/lib/server/corrections/revoke';

// Thin adapters: session → one operation → a value the form can read (see action-result.ts).
// Inputs are validated again by each operation; nothing here trusts the client.

async function run<T>(operation: (ctx: Ctx) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const ctx = await requireUser(areaRoles.corrections);
    return { ok: true, data: await operation(ctx) };
  } catch (error) {
    const e = toAppError(error);
    return { ok: false, code: e.code, message: e.userMessage, issues: e.issues };
  }
}

export async function previewCorrectionAction(draft: CorrectionDraft) {
  return run((ctx) => previewCorrection({ ctx, input: draft }));
}

export async function createCorrectionAction(input: CorrectionDraft & { acknowledgedWarnings: string[] }) {
  return run(async (ctx) => {
    const { correction, created } = await createCorrection({ ctx, input });
    return { id: correction.id, created };
  });
}

export async function approveCorrectionAction(input: { id: number; version: number; comment?: string }) {
  return run(async (ctx) => (await approveCorrection({ ctx, input })).correction.version);
}

export async function rejectCorrectionAction(input: { id: number; version: number; comment?: string }) {
  return run(async (ctx) => (await rejectCorrection({ ctx, input })).correction.version);
}

export async function revokeCorrectionAction(input: { id: number; version: number; reason: string }) {
  return run(async (ctx) => (await revokeCorrection({ ctx, input })).correction.version);
}

export async function editCorrectionAction(input: z.input<typeof editCorrectionInput>) {
  return run(async (ctx) => (await editCorrection({ ctx, input })).version);
}
