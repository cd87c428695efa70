import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { APIRequestContext, Page } from '@playwright/test';
import { query } from './fixtures/db';
import { demoUsers, expect, signInAs, test } from './fixtures/test';

// Corrections end to end: support files a sender correction from a flagged message and sees it
// released by the background re-score; support files a domain correction that waits; an admin
// approves it; both timelines show what happened; the CSV export downloads.
//
// The flagged messages are this test's own, ingested through the real token API from senders
// unique to the run: releasing a shared corpus message would change data other specs read (they
// pick flagged corpus messages), and a unique sender keeps repeated runs from hitting the
// "same correction twice" path. The message is flagged by the engine, not assumed to be.

const TENANT = 'northwind';

/** A credential-phish look-alike from `from`, authenticated (DMARC pass) so the guard lets a correction apply. */
function flaggedEml(from: string, tag: string): string {
  const domain = from.split('@')[1];
  return [
    `Authentication-Results: mx.northwind.example; spf=pass smtp.mailfrom=${domain}; dkim=pass header.d=${domain}; dmarc=pass header.from=${domain}`,
    `From: IT Service Desk <${from}>`,
    'To: ops@northwind.example',
    `Subject: Urgent: verify your account now ${tag}`,
    `Message-ID: <${tag}@${domain}>`,
    'Date: Mon, 23 Nov 2026 09:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<html><body><p>Your account will be suspended. Verify your password immediately to avoid losing access.</p>',
    '<p>Urgent action required: confirm your login credentials within 24 hours.</p>',
    '<p><a href="http://198.51.100.7/login">https://portal.northwind.example/account</a></p>',
    '<form action="http://198.51.100.7/collect"><input name="password"></form>',
    '</body></html>',
    '',
  ].join('\r\n');
}

/** Ingests one message for the tenant with a throwaway ingest token; returns its id (asserting it was flagged). */
async function ingestFlagged(request: APIRequestContext, from: string): Promise<string> {
  const token = `trg_${randomBytes(32).toString('base64url')}`;
  const tokenId = randomUUID();
  await query(
    `INSERT INTO ingest_tokens (id, tenant_id, name, token_hash) SELECT $1, id, $2, $3 FROM tenants WHERE slug = $4`,
    [tokenId, `e2e corrections ${tokenId.slice(0, 8)}`, createHash('sha256').update(token).digest('hex'), TENANT],
  );
  try {
    const tag = randomBytes(4).toString('hex');
    const response = await request.post(`/api/v1/tenants/${TENANT}/messages`, {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'message/rfc822' },
      data: Buffer.from(flaggedEml(from, tag)),
    });
    expect(response.status(), await response.text()).toBe(201);
    const body = (await response.json()) as { id: string; flagged: boolean };
    expect(body.flagged).toBe(true);
    return body.id;
  } finally {
    await query('DELETE FROM ingest_tokens WHERE id = $1', [tokenId]);
  }
}

/** Navigates and waits until the page's scripts have loaded, so its forms are hydrated before use. */
async function open(page: Page, url: string) {
  await page.goto(url);
  await page.waitForLoadState('networkidle');
}

/** Checks a scope radio once the form is hydrated (a click on the server HTML alone is undone by hydration). */
async function pick(page: Page, scope: RegExp) {
  const radio = page.getByRole('radio', { name: scope });
  await expect(async () => {
    await radio.check();
    await expect(radio).toBeChecked({ timeout: 1_000 });
    await expect(page.getByRole('radio', { name: /^Sender address/ })).not.toBeChecked({ timeout: 1_000 });
  }).toPass();
}

/** Previews, acknowledges every guardrail warning shown, creates; returns the correction number. */
async function previewAndCreate(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Preview impact' }).click();
  const impact = page.getByRole('region', { name: 'Impact preview' });
  await expect(impact.getByText('would be released')).toBeVisible();
  const create = page.getByRole('button', { name: 'Create correction' });
  const warnings = impact.getByRole('checkbox');
  for (const box of await warnings.all()) {
    await expect(create).toBeDisabled();
    await box.check();
  }
  await create.click();
  await expect(page).toHaveURL(/\/corrections\/\d+\?notice=created$/);
  return Number(/\/corrections\/(\d+)/.exec(page.url())![1]);
}

test('support files a sender and a domain correction; admin approves; history and CSV show both', async ({ page, request }) => {
  // Two re-score runs and three sign-ins: more than the default budget.
  test.setTimeout(Math.max(test.info().timeout, 150_000));
  const run = randomBytes(4).toString('hex');
  const senderMessage = await ingestFlagged(request, `helpdesk@e2e-sender-${run}.example`);
  const domainMessage = await ingestFlagged(request, `billing@mail.e2e-domain-${run}.example`);

  await signInAs(page, demoUsers.support);

  // 1. Sender correction from the message page: active at once, the message is released.
  const sender = await test.step('sender correction applies and releases the message', async () => {
    await open(page, `/t/${TENANT}/messages/${senderMessage}`);
    await page.getByRole('link', { name: 'Allow…' }).click();
    await expect(page.getByRole('heading', { name: 'New correction' })).toBeVisible();
    await expect(page.getByRole('radio', { name: /^Sender address/ })).toBeChecked();
    await expect(page.getByRole('textbox', { name: 'Sender address' })).toHaveValue(`helpdesk@e2e-sender-${run}.example`);

    // Client-side validation names the field before anything is sent.
    await page.getByRole('button', { name: 'Preview impact' }).click();
    await expect(page.getByText('Say why, in at least 10 characters')).toBeVisible();
    await page.getByLabel('Reason').fill(`Our IT vendor's service desk (e2e ${run}); confirmed by phone.`);
    const impact = page.getByRole('region', { name: 'Impact preview' });
    await page.getByRole('button', { name: 'Preview impact' }).click();
    await expect(impact.getByText('Takes effect as soon as it is created')).toBeVisible();
    // Editing the form throws the preview away: what is created is always what was previewed.
    await page.getByLabel('Ticket').fill(`E2E-${run}`);
    await expect(impact.getByText('would be released')).toHaveCount(0);
    const id = await previewAndCreate(page);

    await expect(page.getByRole('heading', { name: `Correction #${id}` })).toBeVisible();
    await expect(page.getByText('Active', { exact: true })).toBeVisible();
    // The background re-score finishes and says it released the message (polled by the page).
    await expect(page.getByTestId('rescore-run')).toContainText('1 released', { timeout: 30_000 });

    await open(page, `/t/${TENANT}/messages/${senderMessage}`);
    await expect(page.getByRole('link', { name: `correction #${id}` })).toBeVisible();
    return id;
  });

  // 2. Domain correction: waits for an admin; its author cannot approve it.
  const domain = await test.step('domain correction waits for approval', async () => {
    await open(page, `/t/${TENANT}/corrections/new?message=${domainMessage}`);
    await pick(page, /^Sender domain/);
    await expect(page.getByRole('textbox', { name: 'Sender domain' })).toHaveValue(`e2e-domain-${run}.example`);
    await page.getByLabel('Reason').fill(`Billing notices from this partner's domain (e2e ${run}).`);
    await page.getByRole('button', { name: 'Preview impact' }).click();
    await expect(page.getByText('Waits for an admin’s approval')).toBeVisible();
    const id = await previewAndCreateAfterPreview(page);
    await expect(page.getByText('Pending approval').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Approve' })).toBeDisabled();
    await expect(page.getByText('Only admins approve or reject corrections.')).toBeVisible();
    return id;
  });

  // 3. The admin finds it among pending approvals and approves it.
  await test.step('admin approves the domain correction', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInAs(page, demoUsers.admin);
    await open(page, `/t/${TENANT}/corrections?status=pending`);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: `#${domain}`, exact: true }) });
    await expect(row).toContainText('needs you');
    await row.getByRole('link', { name: `#${domain}`, exact: true }).click();
    await page.getByLabel(/^Comment/).fill('Checked with the partner; domain is theirs.');
    await page.getByRole('button', { name: 'Approve' }).click();
    await expect(page.getByText('Active', { exact: true })).toBeVisible();
    await expect(page.getByTestId('rescore-run')).toContainText('released', { timeout: 30_000 });
  });

  // 4. Both timelines tell the story.
  await test.step('history shows both timelines', async () => {
    const domainTimeline = page.getByTestId('timeline');
    await expect(domainTimeline).toContainText(`Filed by ${demoUsers.support}, waiting for approval`);
    await expect(domainTimeline).toContainText(`Approved by ${demoUsers.admin}`);
    await expect(domainTimeline).toContainText('Checked with the partner');
    // The re-score runs in the background; the page polls until it finishes.
    await expect(domainTimeline).toContainText('Re-score finished', { timeout: 30_000 });

    await open(page, `/t/${TENANT}/corrections/${sender}`);
    const senderTimeline = page.getByTestId('timeline');
    await expect(senderTimeline).toContainText(`Filed by ${demoUsers.support}, active at once`);
    await expect(senderTimeline).toContainText('Impact previewed');
    await expect(senderTimeline).toContainText('Re-score finished', { timeout: 30_000 });
    await expect(senderTimeline).toContainText('1 released');
  });

  // 5. CSV export of the filtered table downloads, named with tenant and date.
  await test.step('CSV export downloads', async () => {
    await open(page, `/t/${TENANT}/corrections?q=${encodeURIComponent(`e2e ${run}`)}`);
    await expect(page.getByRole('link', { name: `#${sender}`, exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: `#${domain}`, exact: true })).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^corrections-${TENANT}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toMatch(/^id,tenant,status,scope_kind,/);
    expect(lines).toHaveLength(3);
    expect(csv).toContain(`#${sender},${TENANT},active,sender,`);
    expect(csv).toContain(`#${domain},${TENANT},active,domain,`);
  });
});

/** Like previewAndCreate, for a form whose preview is already showing. */
async function previewAndCreateAfterPreview(page: Page): Promise<number> {
  const impact = page.getByRole('region', { name: 'Impact preview' });
  const create = page.getByRole('button', { name: 'Create correction' });
  for (const box of await impact.getByRole('checkbox').all()) await box.check();
  await create.click();
  await expect(page).toHaveURL(/\/corrections\/\d+\?notice=created$/);
  return Number(/\/corrections\/(\d+)/.exec(page.url())![1]);
}

test('the corrections table filters by URL and a stale version is refused', async ({ page, request }) => {
  test.setTimeout(Math.max(test.info().timeout, 90_000));
  const run = randomBytes(4).toString('hex');
  const message = await ingestFlagged(request, `alerts@e2e-stale-${run}.example`);
  await signInAs(page, demoUsers.support);
  await open(page, `/t/${TENANT}/corrections/new?message=${message}`);
  await pick(page, /^This exact message/);
  await page.getByLabel('Reason').fill(`Single alert forwarded by the customer (e2e ${run}).`);
  const id = await previewAndCreate(page);

  // Filters live in the URL: the text filter finds exactly this correction.
  await open(page, `/t/${TENANT}/corrections?q=${encodeURIComponent(`e2e ${run}`)}`);
  await expect(page.getByRole('link', { name: `#${id}`, exact: true })).toBeVisible();
  await expect(page.getByText('1 correction', { exact: true })).toBeVisible();

  // Someone else edits it after this page loaded: revoking with the old version is refused.
  await open(page, `/t/${TENANT}/corrections/${id}`);
  await expect(page.getByRole('heading', { name: `Correction #${id}` })).toBeVisible();
  await query('UPDATE corrections SET version = version + 1 WHERE id = $1', [id]);
  const revoke = page.getByRole('form', { name: 'Revoke' });
  await revoke.getByLabel('Reason').fill('Filed against the wrong message');
  await revoke.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByText('Changed by someone else — reload to see the current version.')).toBeVisible();
  await page.getByRole('button', { name: 'Reload' }).click();
  await expect(page.getByText('Changed by someone else — reload to see the current version.')).toHaveCount(0);
  await revoke.getByRole('button', { name: 'Revoke' }).click();
  await expect(page.getByText('Revoked', { exact: true })).toBeVisible();
});
