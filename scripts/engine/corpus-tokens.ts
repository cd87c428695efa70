import { readFileSync } from 'node:fs';
import { contentTokens } from '../../lib/engine/content/tokens';
import { parseMessage } from '../../lib/engine/parse';
import type { ManifestEntry } from './corpus';

/** The content model's tokens of every manifest message (null where it does not parse). */
export async function loadCorpusTokens(entries: readonly ManifestEntry[]): Promise<(string[] | null)[]> {
  const out: (string[] | null)[] = [];
  for (const entry of entries) {
    const parsed = await parseMessage(readFileSync(entry.path));
    out.push(parsed.ok ? contentTokens(parsed.message).map((t) => t.token) : null);
  }
  return out;
}
