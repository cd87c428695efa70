import type { ErrorCode, Issue } from '@/lib/errors';

// Server actions answer with a value instead of throwing: in production a thrown error reaches
// the browser as a bare digest, and the form needs the code (409 → "changed by someone else")
// and the zod issues (→ field messages).

export type ActionFailure = { ok: false; code: ErrorCode; message: string; issues?: Issue[] };
export type ActionResult<T> = { ok: true; data: T } | ActionFailure;

/** Field path → first message, for mapping server issues onto the form's fields. */
export function issuesByPath(issues: Issue[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues ?? []) out[issue.path] ??= issue.message;
  return out;
}

/** What to say for a failed action; a stale version gets the one message people learn to recognise. */
export function failureMessage(failure: ActionFailure): string {
  if (failure.code === 'conflict' && /version|changed/i.test(failure.message)) {
    return 'Changed by someone else — reload to see the current version.';
  }
  return failure.message;
}

/** Thrown by `unwrap` so react-query mutations see a failed action as an error, code and issues intact. */
export class ActionFailedError extends Error {
  constructor(readonly failure: ActionFailure) {
    super(failureMessage(failure));
    this.name = 'ActionFailedError';
  }
}

export function unwrap<T>(result: ActionResult<T>): T {
  if (!result.ok) throw new ActionFailedError(result);
  return result.data;
}
