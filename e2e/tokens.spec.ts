import { demoUsers, expect, signInAs, test } from './fixtures/test';

// An admin issues an ingest token in Admin, the API accepts it, and once revoked it is refused.

const message = (id: string) =>
  [
    'From: Billing <billing@tokens-e2e.example>',
    'To: ap@fabrikam.example',
    'Subject: Statement for November',
    `Message-ID: <${id}@tokens-e2e.example>`,
    'Date: Mon, 23 Nov 2026 09:00:00 +0000',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Your statement is attached to your account as usual.',
    '',
  ].join('\r\n');

test('an admin creates an ingest token, the API takes it, and a revoked token is refused', async ({ page, request }) => {
  await signInAs(page, demoUsers.admin);
  await page.goto('/admin');
  const name = `e2e-${Date.now().toString(36)}`;
  const form = page.getByRole('form', { name: 'New ingest token' });
  await form.getByLabel('Tenant').selectOption('fabrikam');
  await form.getByLabel('Name').fill(name);
  await form.getByRole('button', { name: 'Create token' }).click();
  const shown = page.getByLabel('New token');
  await expect(shown).toHaveValue(/^trg_/);
  const token = await shown.inputValue();

  const post = (id: string) =>
    request.post('/api/v1/tenants/fabrikam/messages', { headers: { authorization: `Bearer ${token}`, 'content-type': 'message/rfc822' }, data: message(id) });
  expect((await post(`${name}-1`)).status()).toBe(201);

  const tokens = page.getByRole('table', { name: 'Ingest tokens' });
  const row = tokens.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('fabrikam');
  await row.getByRole('button', { name: `Revoke token ${name} of fabrikam` }).click();
  await expect(row).toContainText('revoked');
  // Reloading never shows the secret again.
  await page.reload();
  await expect(page.getByLabel('New token')).toHaveCount(0);
  expect((await post(`${name}-2`)).status()).toBe(401);
});
