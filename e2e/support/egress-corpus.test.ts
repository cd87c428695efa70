import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_IFRAME_ATTRIBUTES, PREVIEW_RESPONSE_HEADERS } from '../../lib/server/render/preview-headers';
import { sanitizeEmailHtml } from '../../lib/server/render/sanitize-html';
import { egressProxyChromiumArgs, egressProxyContextOptions, startEgressProxy, type EgressProxy } from './egress-proxy';

// Real phishing from the corpus, sanitised and served the way the console will serve it, in real
// Chromium behind the recording proxy: zero external requests. A control run of a few raw messages
// in a plain sandboxed frame shows the same harness does see their remote loads (refused).
import { corpusDir } from '@/lib/testing/corpus';
const hasCorpus = existsSync(join(corpusDir, 'manifest.jsonl'));
const sampleSize = 50;

let server: Server;
let origin: string;
let proxy: EgressProxy;
let browserProxy: EgressProxy;
let browser: Browser;
const messages: { path: string; html: string; blocked: number }[] = [];

beforeAll(async () => {
  if (!hasCorpus) return;
  const phish = readFileSync(join(corpusDir, 'manifest.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.includes('"label": "phish"'))
    .map((line) => (JSON.parse(line) as { path: string }).path);
  for (const path of phish) {
    if (messages.length >= sampleSize) break;
    const email = await PostalMime.parse(readFileSync(join(corpusDir, path)));
    if (email.html) messages.push({ path, html: email.html, blocked: sanitizeEmailHtml(email.html).blocked.length });
  }
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const message = messages[Number(url.searchParams.get('i'))];
    const html = { 'Content-Type': 'text/html; charset=utf-8' };
    if (!message) response.writeHead(404).end();
    else if (url.pathname === '/view') response.writeHead(200, html).end(`<!DOCTYPE html><iframe ${attributes()} src="/doc?i=${url.searchParams.get('i')}"></iframe>`);
    else if (url.pathname === '/doc') response.writeHead(200, PREVIEW_RESPONSE_HEADERS).end(sanitizeEmailHtml(message.html).html);
    else if (url.pathname === '/raw-view') response.writeHead(200, html).end(`<!DOCTYPE html><iframe sandbox="" src="/raw?i=${url.searchParams.get('i')}"></iframe>`);
    else if (url.pathname === '/raw') response.writeHead(200, html).end(message.html);
    else response.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy = await startEgressProxy();
  browserProxy = await startEgressProxy();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: egressProxyChromiumArgs(browserProxy.port) });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await proxy?.stop();
  await browserProxy?.stop();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
});

function attributes(): string {
  return Object.entries(PREVIEW_IFRAME_ATTRIBUTES)
    .map(([name, value]) => `${name === 'referrerPolicy' ? 'referrerpolicy' : name}="${value}"`)
    .join(' ');
}

describe.skipIf(!hasCorpus)('corpus phishing in Chromium behind the egress proxy', () => {
  it('makes zero external requests for sanitised previews', { timeout: 120_000 }, async () => {
    const context = await browser.newContext(egressProxyContextOptions(proxy.port));
    const page = await context.newPage();
    proxy.clear();
    const leaks: string[] = [];
    for (const [index, message] of messages.entries()) {
      await page.goto(`${origin}/view?i=${index}`, { waitUntil: 'load' });
      const external = proxy.external();
      if (external.length) leaks.push(`${message.path}: ${external.map((entry) => entry.url).join(', ')}`);
      proxy.clear();
    }
    await page.waitForTimeout(500);
    expect(leaks).toEqual([]);
    expect(proxy.external()).toEqual([]);
    expect(messages.filter((message) => message.blocked > 0).length).toBeGreaterThan(10);
    await context.close();
  });

  it('control: the same harness sees raw messages reach out (and refuses them)', { timeout: 60_000 }, async () => {
    const context = await browser.newContext(egressProxyContextOptions(proxy.port));
    const page = await context.newPage();
    proxy.clear();
    const withRemote = messages.map((message, index) => ({ ...message, index })).filter((message) => message.blocked > 0).slice(0, 5);
    for (const message of withRemote) await page.goto(`${origin}/raw-view?i=${message.index}`, { waitUntil: 'load' });
    await page.waitForTimeout(1_000);
    expect(proxy.external().length).toBeGreaterThan(0);
    await context.close();
  });
});
