import { readFileSync } from 'node:fs';
import { contentDocument } from '../../lib/engine/content/tokens';
import type { TrainingDocument } from '../../lib/engine/content/train';
import { parseMessage } from '../../lib/engine/parse';
import type { ManifestEntry } from './corpus';

/** The content model's view of every manifest message (null where it does not parse). */
export async function loadCorpusTokens(entries: readonly ManifestEntry[]): Promise<(TrainingDocument | null)[]> {
  const out: (TrainingDocument | null)[] = [];
  for (const entry of entries) {
    const parsed = await parseMessage(readFileSync(entry.path));
    if (!parsed.ok) {
      out.push(null);
      continue;
    }
    const doc = contentDocument(parsed.message);
    out.push({ tokens: doc.tokens.map((t) => t.token), length: doc.length });
  }
  return out;
}
