import 'server-only';
import { createHash, randomBytes } from 'node:crypto';

// Ingest tokens are 32 random bytes shown once; only their SHA-256 is stored, so a database leak
// does not leak working tokens. The `trg_` prefix lets secret scanners recognise them.

export const TOKEN_PREFIX = 'trg_';

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
