import { demoUsers, expect, signInAs, test } from './fixtures/test';
import { pickFlaggedWithBodyEvidence } from './support/messages';

// The engineer's sandbox: edit a rule, see compile errors with positions, watch a flagged message
// re-score live, backtest the draft over the tenant's history, then publish and roll back.

test('an engineer edits a rule, sees its errors, re-scores a message live and backtests the draft', async ({ page }) => {
  const message = await pickFlaggedWithBodyEvidence(['northwind']);
  await signInAs(page, demoUsers.engineer);
  // From the message page, the way an engineer arrives with a message in hand.
  await page.goto(`/t/northwind/messages/${message.id}`);
  await page.getByRole('link', { name: 'Test rules on it' }).click();
  await expect(page).toHaveURL(`/t/northwind/sandbox?message=${message.id}`);

  const check = page.getByRole('region', { name: 'Live re-score' });
  await expect(check.getByTestId('check-result')).toContainText('No change for this message.');
  await expect(page.getByRole('button', { name: 'Publish new version' })).toBeDisabled();

  // A new rule that reads a signal that does not exist: a positioned diagnostic, nothing runs.
  await page.getByRole('button', { name: 'Add rule' }).click();
  const expression = page.getByLabel('Expression', { exact: true });
  await expression.fill('message.no_such_signal');
  const diagnostics = page.locator('#rule-expression-diagnostics');
  await expect(diagnostics).toContainText(/line 1, column \d+/);
  await expect(page.getByRole('navigation', { name: 'Rules' }).getByRole('button', { name: /new_rule_1/ })).toContainText('error');
  await expect(check).toContainText('Fix the errors in the draft to re-score.');

  // A rule that fires on everything and takes 1,000 points off: the flagged message is released.
  await expression.fill('true');
  await page.getByLabel('Points').fill('-1000');
  await expect(diagnostics).toHaveText('No errors.');
  await expect(check.getByTestId('check-result')).toContainText('This draft changes the decision.');
  await expect(check.getByRole('cell', { name: 'safe' })).toBeVisible();
  await expect(check.getByTestId('check-result')).toContainText('new_rule_1');

  // Backtest: flagged messages of the tenant are released, and publishing asks for it first.
  await expect(page.getByText('Backtest this draft first.')).toBeVisible();
  await page.getByRole('button', { name: 'Backtest over history' }).click();
  const result = page.getByTestId('backtest-result');
  await expect(result).toContainText(/Replayed [\d,]+ stored messages/);
  // Other specs ingest into this tenant meanwhile, so the exact count is not fixed; some are released.
  await expect(result).toContainText(/[1-9][\d,]* released/);

  // A row of the backtest becomes the live message.
  const firstFlip = page.getByRole('table', { name: 'Messages whose verdict changes' }).getByRole('button').first();
  const subject = (await firstFlip.textContent())?.trim() ?? '';
  await firstFlip.click();
  await expect(page).toHaveURL(/message=[0-9a-f-]{36}/);
  await expect(check.getByTestId('check-result')).toContainText(subject);

  // Any edit makes the backtest stale, and publishing waits for a fresh one.
  await page.getByLabel('Points').fill('-900');
  await expect(result).toContainText('The draft changed since this backtest.');
  await expect(page.getByText('Backtest this draft first.')).toBeVisible();

  // An id that is not this tenant's is named in the panel; the draft itself stays checked.
  const stranger = '00000000-0000-4000-8000-000000000000';
  await check.getByLabel('Message id or link').fill(`https://elsewhere.example/t/x/messages/${stranger}`);
  await check.getByRole('button', { name: 'Use' }).click();
  await expect(check).toContainText(`No message ${stranger} in Northwind Traders.`);
  await expect(page.getByText('Backtest this draft first.')).toBeVisible();
});

test('an engineer publishes a draft and rolls it back', async ({ page }) => {
  await signInAs(page, demoUsers.engineer);
  await page.goto('/t/northwind/sandbox');
  const versions = page.getByRole('region', { name: 'Versions' });
  const before = (await versions.getByRole('row').filter({ hasText: 'published' }).locator('td').first().textContent())?.replace('published', '').trim();
  expect(before).toMatch(/^\d{4}\.\d{2}\.\d+$/);

  // A description-only edit: scoring cannot change, so other specs running now are unaffected.
  await page.getByRole('navigation', { name: 'Rules' }).getByRole('button', { name: /^vip_impersonation/ }).click();
  const description = page.getByLabel('Description', { exact: true });
  await description.fill(`${await description.inputValue()} (e2e ${Date.now()})`);
  await page.getByRole('button', { name: 'Backtest over history' }).click();
  await expect(page.getByTestId('backtest-result')).toContainText('No verdict changes.');

  await page.getByRole('button', { name: 'Publish new version' }).click();
  await expect(page.getByText('Say what changed and why')).toBeVisible();
  await page.getByLabel('What changed and why').fill('Clarify a rule description (end-to-end test).');
  await page.getByRole('button', { name: 'Publish new version' }).click();

  const published = versions.getByRole('row').filter({ hasText: 'published' });
  await expect(published).not.toContainText(before!);
  await expect(published).toContainText('Clarify a rule description');
  await expect(page.getByText('No changes yet.')).toBeVisible();

  // Roll back: the earlier version is published again, and the history says who and why.
  await versions.getByRole('row').filter({ hasText: before! }).getByRole('button', { name: 'Roll back to this' }).click();
  await page.getByLabel(`Why roll back to ${before}?`).fill('Undo the end-to-end test publish.');
  await page.getByRole('button', { name: `Roll back to ${before}` }).click();
  await expect(versions.getByRole('row').filter({ hasText: 'published' })).toContainText(before!);
  await versions.getByText(/^History/).click();
  await expect(versions).toContainText(`Rolled back to ${before}`);
  await expect(versions).toContainText('Undo the end-to-end test publish.');
});
