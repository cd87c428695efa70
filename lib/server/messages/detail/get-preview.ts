import 'server-only';
import PostalMime from 'postal-mime';
import { z } from 'zod';
import { parseMessage } from '@/lib/engine';
import { AppError } from '@/lib/errors';
import type { Ctx } from '@/lib/server/auth';
import { sanitizeEmailHtml } from '@/lib/server/render';
import { getMessage } from '../get';

// The sanitised preview document of a stored message (served by the preview route handler with
// PREVIEW_RESPONSE_HEADERS into a sandboxed iframe). cid: images become bounded data: URLs;
// everything remote is blocked by sanitizeEmailHtml.

const inlineImageTypes = new Set(['image/png', 'image/gif', 'image/jpeg', 'image/webp']);
const maxInlineImageBytes = 1_000_000;

export async function getMessagePreview({ ctx, input }: { ctx: Ctx; input: { tenant: string; id: string } }): Promise<{ html: string; blocked: number }> {
  if (!z.uuid().safeParse(input.id).success) throw new AppError('not_found', { message: 'malformed message id' });
  const stored = await getMessage({ ctx, input: { tenant: input.tenant, id: input.id, includeRaw: true } });
  const raw = stored.raw ?? new Uint8Array();
  // The engine's parser first: it enforces the size/depth limits before anything else reads the bytes.
  const parsed = await parseMessage(raw);
  if (!parsed.ok) return sanitized(`<p>This message could not be parsed (${parsed.error.code}). Use the raw source view.</p>`);
  const html = parsed.message.html.trim() ? parsed.message.html : textAsHtml(parsed.message.text);
  const cidImages = html.includes('cid:') ? await inlineImages(raw) : undefined;
  return sanitized(html, cidImages);
}

function sanitized(html: string, cidImages?: Map<string, string>) {
  const result = sanitizeEmailHtml(html, { cidImages });
  return { html: result.html, blocked: result.blocked.length };
}

/** A text-only message still gets a rendered tab: its text, escaped by the sanitiser, in a <pre>. */
function textAsHtml(text: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<pre style="white-space:pre-wrap;font:13px/1.5 ui-monospace,monospace">${escaped}</pre>`;
}

async function inlineImages(raw: Uint8Array): Promise<Map<string, string>> {
  const images = new Map<string, string>();
  const email = await PostalMime.parse(raw, { attachmentEncoding: 'base64', maxNestingDepth: 21, maxRfc822NestingDepth: 3 });
  for (const a of email.attachments) {
    if (!a.contentId || !inlineImageTypes.has(a.mimeType.toLowerCase()) || typeof a.content !== 'string') continue;
    if (a.content.length * 0.75 > maxInlineImageBytes) continue;
    images.set(a.contentId.replace(/^<|>$/g, ''), `data:${a.mimeType.toLowerCase()};base64,${a.content}`);
  }
  return images;
}
