import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { corpusDir } from '@/lib/testing/corpus';
import type { Ctx } from '@/lib/server/auth';

// Shared by the messages/tokens integration tests: corpus entries and a ctx from a user row.

export type ManifestEntry = { path: string; label: 'phish' | 'spam' | 'ham'; tenant: string; recipient: string; sha256: string };

let manifest: ManifestEntry[] | undefined;

export function readManifest(): ManifestEntry[] {
  manifest ??= readFileSync(path.join(corpusDir, 'manifest.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as ManifestEntry);
  return manifest;
}

export function readCorpusMessage(entry: ManifestEntry): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(path.join(corpusDir, entry.path)));
}

export function ctxOf(user: { id: string; email: string; name: string; role: Ctx['user']['role'] }): Ctx {
  return { user: { id: user.id, email: user.email, name: user.name, role: user.role }, sessionId: 'test' };
}
