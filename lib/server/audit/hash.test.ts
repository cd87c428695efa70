import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, hashAuditRow, toAuditJson } from './hash';

const row = {
  id: 7n, at: new Date('2026-11-23T17:00:00.123Z'), actorId: null, actorEmail: 'system:seed', action: 'create', entity: 'user',
  entityId: 'u1', tenantId: null, data: { b: [1, 2.5, null, { z: 'é', a: true }], a: 'x' }, prevHash: GENESIS_HASH,
};

describe('audit hashing', () => {
  it('serialises canonically: sorted keys at every depth, no whitespace, undefined dropped', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { y: 1, x: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"x":2,"y":1}]},"b":1}');
    expect(canonicalJson({ 'é': 1, Z: 2, a: 3 })).toBe('{"Z":2,"a":3,"é":1}');
  });

  it('normalises data the way jsonb returns it', () => {
    expect(toAuditJson({ when: new Date(0), n: 12n, gone: undefined })).toEqual({ when: '1970-01-01T00:00:00.000Z', n: '12' });
    expect(toAuditJson(undefined)).toBeNull();
  });

  // Pinned: changing the serialisation would make every stored chain fail verification.
  it('hashes a row to a pinned value that ignores key order and covers every field', () => {
    const hash = hashAuditRow(row);
    expect(hash).toBe(hashAuditRow({ ...row, data: { a: 'x', b: [1, 2.5, null, { a: true, z: 'é' }] } }));
    expect(hash).toBe('838f39957371d837ae0dff0fcbf4f3071ca171707d45b48e47a566658531e5bf');
    for (const change of [{ id: 8n }, { at: new Date(row.at.getTime() + 1) }, { actorEmail: 'x' }, { action: 'revoke' }, { entity: 'grant' }, { entityId: 'u2' }, { tenantId: 't' }, { data: { a: 'y' } }, { prevHash: 'f'.repeat(64) }]) {
      expect(hashAuditRow({ ...row, ...change }), JSON.stringify(change, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toBe(hash);
    }
  });
});
