import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREVIEW_IFRAME_ATTRIBUTES, PREVIEW_RESPONSE_HEADERS } from '../../lib/server/render/preview-headers';
import { sanitizeEmailHtml } from '../../lib/server/render/sanitize-html';
import { egressProxyChromiumArgs, egressProxyContextOptions, startEgressProxy, type EgressProxy } from './egress-proxy';

// Proves the harness catches what request interception misses: a sandboxed frame's loads of
// remote images and CSS reach the proxy (and are refused); the same message sanitised and
// served with the preview headers makes none. Nothing here leaves the machine: the external
// addresses are reserved (.invalid, TEST-NET) and the proxy refuses them anyway.

const hostileMessage = `<html><head>
<link rel="stylesheet" href="http://203.0.113.5/y.css">
<style>body { background: url(http://198.51.100.7/z.png) }</style>
</head><body>
<p>Your account is locked</p>
<img src="https://example.invalid/x.png" alt="logo">
<div style="background-image:url('http://192.0.2.9/w.png')">verify</div>
</body></html>`;

const pageWith = (iframe: string) => `<!DOCTYPE html><html><body><h1>console</h1>${iframe}</body></html>`;
const iframeAttributes = Object.entries(PREVIEW_IFRAME_ATTRIBUTES)
  .map(([name, value]) => `${name === 'referrerPolicy' ? 'referrerpolicy' : name}="${value}"`)
  .join(' ');

let server: Server;
let origin: string;
let proxy: EgressProxy; // the page's traffic
let browserProxy: EgressProxy; // Chromium's own background requests, refused and ignored
let browser: Browser;

beforeAll(async () => {
  server = createServer((request, response) => {
    const html = { 'Content-Type': 'text/html; charset=utf-8' };
    if (request.url === '/leaky') response.writeHead(200, html).end(pageWith('<iframe sandbox="" src="/leaky-doc"></iframe>'));
    else if (request.url === '/leaky-doc') response.writeHead(200, html).end(hostileMessage);
    else if (request.url === '/safe') response.writeHead(200, html).end(pageWith(`<iframe ${iframeAttributes} src="/safe-doc"></iframe>`));
    else if (request.url === '/unprotected') response.writeHead(200, html).end(pageWith(`<iframe ${iframeAttributes} src="/unprotected-doc"></iframe>`));
    else if (request.url === '/unprotected-doc') response.writeHead(200, html).end(sanitizeEmailHtml(hostileMessage).html);
    else if (request.url === '/safe-doc') response.writeHead(200, PREVIEW_RESPONSE_HEADERS).end(sanitizeEmailHtml(hostileMessage).html);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy = await startEgressProxy();
  browserProxy = await startEgressProxy();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: egressProxyChromiumArgs(browserProxy.port) });
}, 20_000);

afterAll(async () => {
  await browser?.close();
  await proxy?.stop();
  await browserProxy?.stop();
  await new Promise((resolve) => server?.close(resolve));
});

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

function viaProxy(options: { method?: string; path: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port: proxy.port, method: options.method ?? 'GET', path: options.path });
    request.on('response', (response) => {
      let body = '';
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('connect', (response, socket) => {
      socket.destroy();
      resolve({ status: response.statusCode ?? 0, body: '' });
    });
    request.on('error', reject);
    request.end();
  });
}

describe('egress proxy', () => {
  it('refuses non-loopback HTTP and CONNECT, forwards loopback', async () => {
    proxy.clear();
    expect((await viaProxy({ path: 'http://203.0.113.5/y.css' })).status).toBe(403);
    expect((await viaProxy({ method: 'CONNECT', path: 'example.invalid:443' })).status).toBe(403);
    expect((await viaProxy({ path: `${origin}/leaky-doc` })).body).toContain('Your account is locked');
    expect(proxy.external().map((entry) => `${entry.method} ${entry.host}:${entry.port}`)).toEqual(['GET 203.0.113.5:80', 'CONNECT example.invalid:443']);
    expect(proxy.requests()).toHaveLength(3);
  });

  it('sees and refuses the remote loads of a sandboxed frame', async () => {
    proxy.clear();
    const page = await (await browser.newContext(egressProxyContextOptions(proxy.port))).newPage();
    await page.goto(`${origin}/leaky`);
    const expected = ['example.invalid', '203.0.113.5', '198.51.100.7', '192.0.2.9'];
    await waitFor(() => expected.every((host) => proxy.external().some((entry) => entry.host === host)), 8_000);
    const hosts = proxy.external().map((entry) => entry.host);
    expect(hosts).toEqual(expect.arrayContaining(expected));
    // The console itself was reached through the proxy as well (loopback is not bypassed).
    expect(proxy.requests().some((entry) => entry.loopback && entry.url.endsWith('/leaky-doc'))).toBe(true);
    await page.context().close();
  });

  it('records no external request for the sanitised preview', async () => {
    proxy.clear();
    const page = await (await browser.newContext(egressProxyContextOptions(proxy.port))).newPage();
    await page.goto(`${origin}/safe`, { waitUntil: 'load' });
    const frame = page.frames().find((candidate) => candidate.url().endsWith('/safe-doc'));
    expect(await frame?.content()).toContain('remote content blocked');
    await page.waitForTimeout(1_000); // late loads (CSS backgrounds) would show up by now
    expect(proxy.external()).toEqual([]);
    expect(proxy.requests().some((entry) => entry.url.endsWith('/safe-doc'))).toBe(true);
    await page.context().close();
  });

  it('refuses to render a preview served without the CSP (csp attribute fails closed)', async () => {
    proxy.clear();
    const page = await (await browser.newContext(egressProxyContextOptions(proxy.port))).newPage();
    await page.goto(`${origin}/unprotected`, { waitUntil: 'load' });
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
    expect(frame).toBeDefined();
    expect(await frame!.content().catch(() => '')).not.toContain('remote content blocked');
    expect(proxy.external()).toEqual([]);
    await page.context().close();
  });
});
