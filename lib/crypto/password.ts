import 'server-only';
import { hash, verify, type Options } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes, 1 lane): ~20-40 ms per hash on one core, cheap
// enough for sign-in and the seed, expensive enough to make offline guessing slow.
// `2` is Algorithm.Argon2id; the package declares it as a const enum, which isolatedModules cannot import.
const ARGON2ID_OPTIONS: Options = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 };

/** Hashes a password with argon2id; the result is a self-describing PHC string ($argon2id$v=19$…). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID_OPTIONS);
}

/**
 * Whether the password matches the PHC hash. Parameters are read from the hash itself, so hashes
 * made with older settings keep verifying. A malformed hash is a non-match, never a throw.
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
