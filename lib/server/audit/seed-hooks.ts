import 'server-only';
import { writeAudit, type AuditTx } from './write';

const SEED_ACTOR = 'system:seed';

/**
 * Audit rows for what the demo seed created for one account: the user (when new) and each new
 * grant. Called inside the seed's transaction, so the rows commit with the changes or not at all.
 */
export async function auditSeededAccount(tx: AuditTx, input: { user: { id: string; email: string; name: string; role: string }; userCreated: boolean; newGrants: { tenantId: string; slug: string }[] }): Promise<void> {
  const { user } = input;
  if (input.userCreated) {
    await writeAudit(tx, { actorId: null, actorEmail: SEED_ACTOR, action: 'create', entity: 'user', entityId: user.id, data: { email: user.email, name: user.name, role: user.role } });
  }
  for (const grant of input.newGrants) {
    await writeAudit(tx, { actorId: null, actorEmail: SEED_ACTOR, action: 'create', entity: 'grant', entityId: `${user.id}:${grant.tenantId}`, tenantId: grant.tenantId, data: { user: user.email, tenant: grant.slug } });
  }
}
