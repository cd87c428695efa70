import { chromium, type Browser, type Page } from '@playwright/test';
import { demoPassword, demoUsers, expect, test } from './fixtures/test';
import { egressProxyChromiumArgs, egressProxyContextOptions, startEgressProxy, type EgressProxy } from './support/egress-proxy';
import { pickPhish } from './support/messages';

// The zero-external-request check. Playwright's request interception does not see requests made
// by sandboxed (opaque-origin) frames, so Chromium runs behind a recording proxy that forwards
// only to loopback (see e2e/support/egress-proxy.ts): the page's context goes through one proxy,
// Chromium's own background traffic through another, and every DNS name resolves to nothing.
// Then we open the message page of every corpus phish the time budget allows and require that
// the page's proxy saw no request to any host but the console.

const budgetMs = 110_000;

let proxy: EgressProxy;
let browserProxy: EgressProxy;
let browser: Browser;

test.beforeAll(async () => {
  proxy = await startEgressProxy();
  browserProxy = await startEgressProxy();
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: egressProxyChromiumArgs(browserProxy.port) });
});

test.afterAll(async () => {
  await browser?.close();
  await proxy?.stop();
  await browserProxy?.stop();
});

test('viewing phishing messages makes zero requests to other hosts', async ({ baseURL, clientAddress }) => {
  // The budget is checked before each message; the margin covers the last page, sign-in and teardown.
  test.setTimeout(budgetMs + 150_000);
  const messages = await pickPhish(['northwind', 'contoso', 'fabrikam'], 400);
  expect(messages.length).toBeGreaterThan(0);
  const context = await browser.newContext({ ...egressProxyContextOptions(proxy.port), baseURL, extraHTTPHeaders: { 'x-forwarded-for': clientAddress } });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(demoUsers.admin);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Primary' })).toBeVisible();
  proxy.clear();

  const started = Date.now();
  const leaks: string[] = [];
  let opened = 0;
  let rendered = 0;
  let proxiedPreviews = 0;
  for (const message of messages) {
    if (Date.now() - started > budgetMs) break;
    const previewPath = `/t/${message.tenant}/messages/${message.id}/preview`;
    await page.goto(`/t/${message.tenant}/messages/${message.id}`, { waitUntil: 'load' });
    // Text-only messages open on the text view; the others render the sandboxed preview, whose
    // document has our wrapper only if Chromium accepted it (the csp attribute refuses otherwise).
    if (await previewRendered(page, previewPath)) rendered++;
    opened++;
    // The preview document itself came through the proxy: the harness sees the frame's traffic.
    if (proxy.requests().some((entry) => entry.loopback && entry.url.endsWith(previewPath))) proxiedPreviews++;
    const external = proxy.external();
    if (external.length) leaks.push(`${message.tenant}/${message.id}: ${external.map((entry) => entry.url).join(', ')}`);
    proxy.clear();
  }
  await page.waitForTimeout(500); // late loads (CSS backgrounds, lazy images) would show up by now
  if (proxy.external().length) leaks.push(`late: ${proxy.external().map((entry) => entry.url).join(', ')}`);
  await context.close();

  console.log(`egress: opened ${opened} phishing messages (${rendered} rendered previews) in ${Math.round((Date.now() - started) / 1000)} s; external requests: ${leaks.length}`);
  expect(leaks).toEqual([]);
  expect(opened).toBeGreaterThanOrEqual(Math.min(messages.length, 5));
  // The harness really saw the frames: the previews rendered (the csp attribute did not refuse them).
  expect(rendered).toBeGreaterThan(0);
  expect(proxiedPreviews).toBeGreaterThanOrEqual(rendered);
});

/**
 * Whether the preview frame holds our wrapper. Hydration may replace the iframe element right
 * after load, detaching the frame we looked at; the frame locator re-resolves, so one retry does.
 */
async function previewRendered(page: Page, previewPath: string): Promise<boolean> {
  const frame = page.frameLocator(`iframe[src$="${previewPath}"]`);
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await page.locator(`iframe[src$="${previewPath}"]`).count()) === 0) return false;
      return (await frame.locator('.triage-message').count()) > 0;
    } catch (error) {
      if (attempt > 0 || !String(error).includes('detached')) throw error;
    }
  }
}
