import { demoUsers, expect, signInAs, test } from './fixtures/test';

// The seeded database's own audit rows (system:seed created the demo users and grants).

test('an admin reads the audit log, filters it through the URL and verifies the chain', async ({ page }) => {
  await signInAs(page, demoUsers.admin);
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Audit log' }).click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  const table = page.getByRole('table');
  // Other specs add rows in parallel, so only the filtered view is predictable.
  await expect(table.locator('tbody tr').first()).toBeVisible();

  await page.getByLabel('Entity').selectOption('grant');
  await page.getByLabel('Actor').fill('system:seed');
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/entity=grant/);
  await expect(page).toHaveURL(/actor=system%3Aseed/);
  const rows = table.locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  for (const text of await rows.allInnerTexts()) expect(text).toMatch(/system:seed[\s\S]*grant/);

  await page.getByRole('button', { name: 'Verify chain' }).click();
  await expect(page.getByRole('status')).toContainText(/Audit log intact: [\d,]+ rows/);
});

test('invalid filters in the URL are named, not a crash', async ({ page }) => {
  await signInAs(page, demoUsers.admin);
  const response = await page.goto('/admin/audit?from=2026-02-31&entity=nope');
  expect(response?.status()).toBe(200);
  await expect(page.getByText('Not a real date.')).toBeVisible();
  await expect(page.getByText('Pick one of the listed entities.')).toBeVisible();
});

test('non-admins get a 404 for the audit log', async ({ page }) => {
  await signInAs(page, demoUsers.support);
  const response = await page.goto('/admin/audit');
  expect(response?.status()).toBe(404);
});
