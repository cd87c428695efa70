import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One line of a corpus manifest.jsonl (see /work/shared/corpus/README.md). */
export type ManifestEntry = {
  path: string;
  label: 'phish' | 'spam' | 'ham';
  source: string;
  sourceId: string;
  tenant: string;
  recipient: string;
  bytes: number;
  sha256: string;
};

/** Reads DIR/manifest.jsonl; `path` is made absolute. */
export function readManifest(dir: string): ManifestEntry[] {
  const text = readFileSync(join(dir, 'manifest.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const entry = JSON.parse(line) as ManifestEntry;
      return { ...entry, path: join(dir, entry.path) };
    });
}
