import { demoUsers, expect, signInAs, test } from './fixtures/test';

test('anonymous page visits redirect to sign-in', async ({ page }) => {
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fadmin$/);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('anonymous API calls answer 401 JSON; health is public', async ({ request }) => {
  const users = await request.get('/api/admin/users');
  expect(users.status()).toBe(401);
  expect(await users.json()).toEqual({ error: { code: 'unauthenticated', message: 'Sign in to continue.' } });
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', db: 'ok', version: expect.any(String) });
});

test('a support user calling an admin-only route gets 403', async ({ page }) => {
  await signInAs(page, demoUsers.support);
  const response = await page.request.get('/api/admin/users');
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe('forbidden');
});

test('an admin gets the users list from the same route', async ({ page }) => {
  await signInAs(page, demoUsers.admin);
  const response = await page.request.get('/api/admin/users');
  expect(response.status()).toBe(200);
  const emails = ((await response.json()) as { email: string }[]).map((u) => u.email);
  expect(emails).toEqual(expect.arrayContaining(Object.values(demoUsers)));
});

test('a support user cannot see a tenant they were not granted (404)', async ({ page }) => {
  await signInAs(page, demoUsers.support);
  const response = await page.goto('/t/fabrikam/messages');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Tenant' }).locator('option', { hasText: 'Fabrikam' })).toHaveCount(0);
});

test('a support user cannot open Admin or Sandbox pages', async ({ page }) => {
  await signInAs(page, demoUsers.support);
  expect((await page.goto('/admin'))?.status()).toBe(404);
  expect((await page.goto('/t/northwind/sandbox'))?.status()).toBe(404);
});

test('the tenant switcher keeps the section and the URL holds the tenant', async ({ page }) => {
  await signInAs(page, demoUsers.engineer);
  await page.goto('/t/northwind/messages');
  await expect(page.getByRole('heading', { name: 'Northwind Traders', exact: true })).toBeVisible();
  await page.getByRole('combobox', { name: 'Tenant' }).selectOption('fabrikam');
  await expect(page).toHaveURL(/\/t\/fabrikam\/messages$/);
  await expect(page.getByRole('heading', { name: 'Fabrikam Inc', exact: true })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Messages' })).toBeVisible();
});

test('the admin page lists users and tenants', async ({ page }) => {
  await signInAs(page, demoUsers.admin);
  await page.getByRole('link', { name: 'Admin' }).click();
  await expect(page).toHaveURL(/\/admin$/);
  const users = page.getByRole('region', { name: /Users/ });
  await expect(users.getByRole('cell', { name: demoUsers.support })).toBeVisible();
  const tenants = page.getByRole('region', { name: /Tenants/ });
  await expect(tenants.getByRole('cell', { name: 'fabrikam', exact: true })).toBeVisible();
});

test('unknown pages render the 404 page', async ({ page }) => {
  await signInAs(page, demoUsers.engineer);
  const response = await page.goto('/definitely/not/here');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to the console' })).toBeVisible();
});

test('pages carry security headers', async ({ request }) => {
  const response = await request.get('/sign-in');
  const headers = response.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['referrer-policy']).toBe('same-origin');
});

test('cross-origin state-changing requests are refused', async ({ request }) => {
  const response = await request.post('/sign-in', { headers: { origin: 'https://evil.example' }, data: {} });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe('cross_origin');
});
