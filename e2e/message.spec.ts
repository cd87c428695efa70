import { randomUUID } from 'node:crypto';
import { demoUsers, expect, signInAs, test } from './fixtures/test';
import { pickFlaggedWithBodyEvidence } from './support/messages';

// The message page as support uses it: open a flagged message from the seeded corpus, see why it
// was flagged, jump from evidence to the highlighted text, read text and raw views, re-score.


test('support investigates a flagged message', async ({ page }) => {
  const message = await pickFlaggedWithBodyEvidence(['northwind', 'contoso']);
  await signInAs(page, demoUsers.support);
  await page.goto(`/t/${message.tenant}/messages/${message.id}`);

  const why = page.getByRole('region', { name: 'Why this was flagged' });
  await expect(why).toBeVisible();
  await expect(why.getByText(`${message.verdict}`, { exact: true }).first()).toBeVisible();

  // Evidence → the text view opens with that text highlighted.
  const evidence = why.getByRole('button', { name: new RegExp(`(plain|HTML) text: ${escapeRegExp(message.evidence.slice(0, 40).trim()).replace(/\s+/g, '\\s+')}`) }).first();
  await evidence.click();
  await expect(page.getByRole('tab', { name: 'Text' })).toHaveAttribute('aria-selected', 'true');
  const active = page.locator('[role="tabpanel"] mark[data-active]');
  await expect(active.first()).toBeVisible();
  // Overlapping evidence (a rule's phrase and a content-model word in it) splits one highlight
  // into adjacent runs; together they hold the evidence text.
  await expect.poll(async () => (await active.allTextContents()).join('')).toContain(message.evidence.slice(0, 20));
  await expect(evidence).toHaveAttribute('aria-pressed', 'true');

  // Raw source: escaped text, headers included.
  await page.getByRole('tab', { name: 'Raw source' }).click();
  await expect(page.getByTestId('raw-source')).toContainText(/^(?:[\s\S]*\n)?(?:received|from|subject|message-id|return-path|delivered-to|x-[\w-]+):/im);

  // Rendered: the sandboxed iframe pointing at the preview route.
  await page.getByRole('tab', { name: 'Rendered' }).click();
  const frame = page.locator('iframe[sandbox=""]');
  await expect(frame).toHaveAttribute('src', `/t/${message.tenant}/messages/${message.id}/preview`);

  // Re-score: either "no change" or a before/after table, never an error.
  await page.getByRole('button', { name: 'Re-score now' }).click();
  await expect(page.getByTestId('rescore-result')).toContainText(/No change|Before/);
  await expect(page.getByText('Re-score failed')).toHaveCount(0);

  // The allow button leads to the correction form for this message.
  await expect(page.getByRole('link', { name: 'Allow…' })).toHaveAttribute('href', `/t/${message.tenant}/corrections/new?message=${message.id}`);
  // The sandbox is for engineers and admins: support is not offered it.
  await expect(page.getByRole('link', { name: 'Test rules on it' })).toHaveCount(0);
});

test('unknown, malformed and other-tenant message ids show the 404 page', async ({ page }) => {
  await signInAs(page, demoUsers.support);
  for (const path of [`/t/northwind/messages/${randomUUID()}`, '/t/northwind/messages/not-an-id', '/t/fabrikam/messages/' + randomUUID()]) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  }
});

test('a message of a tenant support cannot see is a 404, even with a real id', async ({ page }) => {
  const fabrikam = await pickFlaggedWithBodyEvidence(['fabrikam']);
  await signInAs(page, demoUsers.support);
  await page.goto(`/t/fabrikam/messages/${fabrikam.id}`);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  // …and the same id under a tenant support does see.
  await page.goto(`/t/northwind/messages/${fabrikam.id}`);
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
  const preview = await page.request.get(`/t/northwind/messages/${fabrikam.id}/preview`);
  expect(preview.status()).toBe(404);
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
