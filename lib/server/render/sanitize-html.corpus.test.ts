import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import PostalMime from 'postal-mime';
import { describe, expect, it } from 'vitest';
import { sanitizeEmailHtml } from './sanitize-html';
import { findLiveContent } from './testing/find-live-content';
import { buildTextView } from './text-view';

// Every HTML part in the development corpus (real phishing included) must come out inert, and
// nothing may throw. Skipped where the corpus is not checked out next to the repository.
import { corpusDir } from '@/lib/testing/corpus';
const hasCorpus = existsSync(join(corpusDir, 'manifest.jsonl'));

type Entry = { path: string; label: string };

describe.skipIf(!hasCorpus)('sanitizeEmailHtml over the corpus', () => {
  it('leaves nothing live in any message and never throws', { timeout: 240_000 }, async () => {
    const entries = readFileSync(join(corpusDir, 'manifest.jsonl'), 'utf8')
      .split('\n')
      .filter((line) => line.trim())
      .map((line) => JSON.parse(line) as Entry);
    const failures: string[] = [];
    let withHtml = 0;
    let blockedTotal = 0;
    for (const entry of entries) {
      const email = await PostalMime.parse(readFileSync(join(corpusDir, entry.path)));
      buildTextView({ text: email.text, html: email.html });
      if (!email.html) continue;
      withHtml++;
      const cidImages = Object.fromEntries(
        email.attachments
          .filter((part) => part.contentId && /^image\/(png|gif|jpeg|webp)$/i.test(part.mimeType))
          .map((part) => [part.contentId!, `data:${part.mimeType};base64,${Buffer.from(part.content as ArrayBuffer).toString('base64')}`]),
      );
      const { html, blocked } = sanitizeEmailHtml(email.html, { cidImages });
      blockedTotal += blocked.length;
      const problems = findLiveContent(html);
      if (problems.length) failures.push(`${entry.path} (${entry.label}): ${problems.slice(0, 3).join(' | ')}`);
    }
    expect(failures).toEqual([]);
    expect(withHtml).toBeGreaterThan(1_000);
    expect(blockedTotal).toBeGreaterThan(0);
  });
});
