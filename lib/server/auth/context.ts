import 'server-only';
import type { Role } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { SessionUser } from './session';

export type { Role };

/** What every server operation receives: who is asking, through which session. */
export type Ctx = { user: SessionUser; sessionId: string };

/** Which roles may use each area of the console. The nav and the server read the same table. */
export const areaRoles = {
  messages: ['support', 'engineer', 'admin'],
  corrections: ['support', 'engineer', 'admin'],
  sandbox: ['engineer', 'admin'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof areaRoles;

export function canUse(role: Role, area: Area): boolean {
  return (areaRoles[area] as readonly Role[]).includes(role);
}

/** Throws `forbidden` unless the caller's role is one of `roles`. Call first in every operation. */
export function authorize(ctx: Ctx, roles: readonly Role[]): void {
  if (!roles.includes(ctx.user.role)) {
    throw new AppError('forbidden', { message: `role ${ctx.user.role} is not one of ${roles.join(', ')}` });
  }
}
