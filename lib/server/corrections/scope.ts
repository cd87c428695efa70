import type { Correction, CorrectionScope } from '@/lib/engine';

// A correction's scope is stored as flat columns (scope_kind + the fields that kind uses) so it
// can be filtered and indexed; these convert between the columns and the engine's union.

export type ScopeColumns = {
  scope_kind: string;
  scope_address: string | null;
  scope_domain: string | null;
  scope_rule_id: string | null;
  scope_fingerprint: string | null;
};

/** The engine's scope from stored columns. */
export function scopeFromColumns(row: ScopeColumns): CorrectionScope {
  switch (row.scope_kind) {
    case 'sender':
      return { kind: 'sender', address: row.scope_address ?? '' };
    case 'domain':
      return { kind: 'domain', domain: row.scope_domain ?? '' };
    case 'rule_sender':
      return { kind: 'rule_sender', ruleId: row.scope_rule_id ?? '', address: row.scope_address ?? '' };
    case 'rule_domain':
      return { kind: 'rule_domain', ruleId: row.scope_rule_id ?? '', domain: row.scope_domain ?? '' };
    case 'message':
      return { kind: 'message', fingerprint: row.scope_fingerprint ?? '' };
    default:
      // The table's CHECK constraint makes this unreachable; a new kind must be added here.
      throw new Error(`unknown correction scope kind ${row.scope_kind}`);
  }
}

/** Stored columns for a scope (values already normalised by the zod schema). */
export function scopeToColumns(scope: CorrectionScope): ScopeColumns {
  return {
    scope_kind: scope.kind,
    scope_address: 'address' in scope ? scope.address.toLowerCase() : null,
    scope_domain: 'domain' in scope ? scope.domain.toLowerCase() : null,
    scope_rule_id: 'ruleId' in scope ? scope.ruleId : null,
    scope_fingerprint: 'fingerprint' in scope ? scope.fingerprint.toLowerCase() : null,
  };
}

/** The engine's correction: its id is the correction number, shown to people as "#N". */
export function toEngineCorrection(row: ScopeColumns & { id: number; require_auth: boolean }): Correction {
  return { id: String(row.id), scope: scopeFromColumns(row), requireAuth: row.require_auth };
}

/** How a scope reads in lists and messages. */
export function describeScope(scope: CorrectionScope): string {
  switch (scope.kind) {
    case 'sender':
      return `sender ${scope.address}`;
    case 'domain':
      return `domain ${scope.domain}`;
    case 'rule_sender':
      return `rule ${scope.ruleId} for sender ${scope.address}`;
    case 'rule_domain':
      return `rule ${scope.ruleId} for domain ${scope.domain}`;
    case 'message':
      return `message ${scope.fingerprint.slice(0, 12)}…`;
  }
}
