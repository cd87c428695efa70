import { demoPassword, demoUsers, expect, signIn, signInAs, test } from './fixtures/test';

const expectedNav = {
  support: ['Messages', 'Corrections'],
  engineer: ['Messages', 'Sandbox', 'Corrections'],
  admin: ['Messages', 'Sandbox', 'Corrections', 'Admin'],
} as const;

for (const role of ['support', 'engineer', 'admin'] as const) {
  test(`${role} signs in and sees exactly the ${role} navigation`, async ({ page }) => {
    await signInAs(page, demoUsers[role]);
    await expect(page).toHaveURL(/\/t\/[a-z-]+\/messages$/);
    const nav = page.getByRole('navigation', { name: 'Primary' }).getByRole('link');
    await expect(nav).toHaveText([...expectedNav[role]]);
    await expect(page.getByTestId('user-role')).toHaveText(role[0].toUpperCase() + role.slice(1));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  });
}

test('sign-in returns to the page that asked for it', async ({ page }) => {
  await page.goto('/t/northwind/corrections');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Ft%2Fnorthwind%2Fcorrections$/);
  await page.getByLabel('Email').fill(demoUsers.support);
  await page.getByLabel('Password').fill(demoPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/t\/northwind\/corrections$/);
  await expect(page.getByRole('heading', { name: 'No corrections filed' })).toBeVisible();
});

test('sign out ends the session', async ({ page }) => {
  await signInAs(page, demoUsers.engineer);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/t/northwind/messages');
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  expect((await page.request.get('/api/admin/users')).status()).toBe(401);
});

test('a wrong password is refused with a clear message', async ({ page, makeUser }) => {
  const user = await makeUser({ tenants: ['northwind'] });
  await signIn(page, user.email, 'not-the-password');
  await expect(page.locator('#sign-in-error')).toHaveText('Email or password is incorrect.');
  await expect(page).toHaveURL(/\/sign-in/);
  // Unknown accounts get the very same answer.
  await signIn(page, `nobody-${Date.now()}@triage.test`, 'whatever');
  await expect(page.locator('#sign-in-error')).toHaveText('Email or password is incorrect.');
});

test('a disabled account cannot sign in', async ({ page, makeUser }) => {
  const user = await makeUser({ tenants: ['northwind'], disabled: true });
  await signIn(page, user.email, user.password);
  await expect(page.locator('#sign-in-error')).toHaveText('Email or password is incorrect.');
});

test('failed sign-ins are rate limited per account', async ({ page, makeUser }) => {
  const user = await makeUser({ tenants: ['northwind'] });
  for (let i = 0; i < 5; i++) {
    await signIn(page, user.email, `wrong-${i}`);
    await expect(page.locator('#sign-in-error')).toHaveText('Email or password is incorrect.');
  }
  // Sixth attempt — even with the right password — is refused with when to retry.
  await signIn(page, user.email, user.password);
  await expect(page.locator('#sign-in-error')).toHaveText(/Too many failed sign-in attempts\. Try again in 1[45] minutes\./);
  await expect(page).toHaveURL(/\/sign-in/);
});

test('empty fields are explained inline', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Enter your email.')).toBeVisible();
  await expect(page.getByText('Enter your password.')).toBeVisible();
  await expect(page.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
});
