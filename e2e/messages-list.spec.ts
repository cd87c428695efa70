import { query as sql } from './fixtures/db';
import { expect, signInAs, test } from './fixtures/test';

// The Messages list against the seeded corpus (scripts/test.ts → demo seed ingests ../shared/corpus).
// Test data is read from the database the server uses, never hard-coded: the engine's verdicts
// and the corpus may change, the list must agree with whatever was stored.

const TENANT = 'northwind';
const LIST = `/t/${TENANT}/messages`;
const number = new Intl.NumberFormat('en-US');


const inTenant = `tenant_id = (SELECT id FROM tenants WHERE slug = '${TENANT}')`;

test.beforeEach(async ({ page, makeUser }) => {
  const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE ${inTenant}`);
  expect(n, `the e2e database has no ${TENANT} messages: the demo seed must ingest the corpus`).toBeGreaterThan(10);
  const user = await makeUser({ role: 'support', tenants: [TENANT] });
  await signInAs(page, user.email, user.password);
});

test('filters to flagged messages, then by a rule; the view survives a reload', async ({ page }) => {
  await page.goto(LIST);
  const table = page.getByRole('table', { name: 'Messages' });
  await expect(table).toBeVisible();

  const [{ flagged }] = await sql<{ flagged: number }>(`SELECT count(*)::int AS flagged FROM messages WHERE ${inTenant} AND flagged`);
  await page.getByLabel('Flagged', { exact: true }).selectOption('yes');
  await expect(page).toHaveURL(/[?&]flagged=yes/);
  await expect(page.getByTestId('messages-count')).toHaveText(`${number.format(flagged)} messages`);
  const verdicts = await table.locator('tbody td:nth-child(5)').allInnerTexts();
  expect(verdicts.length).toBeGreaterThan(0);
  expect(new Set(verdicts.map((v) => v.trim()))).toEqual(new Set(verdicts.map((v) => v.trim()).filter((v) => v === 'attack' || v === 'spam')));

  // The flagged rule with the most hits (under the count cap, so the count is exact).
  const [rule] = await sql<{ rule: string; n: number }>(
    `SELECT r AS rule, count(*)::int AS n FROM messages, unnest(fired_rules) AS r WHERE ${inTenant} AND flagged GROUP BY r HAVING count(*) BETWEEN 2 AND 1000 ORDER BY n DESC, r LIMIT 1`,
  );
  expect(rule, 'no rule fired on flagged northwind messages').toBeTruthy();
  await page.getByLabel('Rule fired').selectOption(rule.rule);
  await expect(page).toHaveURL(new RegExp(`[?&]rule=${rule.rule}(&|$)`));
  await expect(page).toHaveURL(/[?&]flagged=yes/);
  await expect(page.getByTestId('messages-count')).toHaveText(`${number.format(rule.n)} messages`);

  const firstSubject = await table.locator('tbody tr').first().locator('td:nth-child(4)').innerText();
  await page.reload();
  await expect(page.getByLabel('Flagged', { exact: true })).toHaveValue('yes');
  await expect(page.getByLabel('Rule fired')).toHaveValue(rule.rule);
  await expect(page.getByTestId('messages-count')).toHaveText(`${number.format(rule.n)} messages`);
  await expect(table.locator('tbody tr').first().locator('td:nth-child(4)')).toHaveText(firstSubject);

  await page.getByRole('link', { name: 'Clear filters' }).first().click();
  await expect(page).toHaveURL(new RegExp(`${LIST}$`));
  await expect(page.getByLabel('Rule fired')).toHaveValue('');
});

test('j/k move a row cursor and Enter opens the message; keys are ignored while typing', async ({ page }) => {
  await page.goto(LIST);
  const rows = page.locator('tbody tr[data-message-row]');
  await expect(rows.first()).toBeVisible();
  const search = page.getByRole('searchbox', { name: 'Search messages' });

  // Typing j in the search box types a j; it does not move the cursor.
  await search.focus();
  await page.keyboard.type('jk');
  await expect(search).toHaveValue('jk');
  await expect(page.locator('tr[aria-current="true"]')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await search.fill('');
  await page.keyboard.press('Escape');

  await page.locator('h1').click();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(rows.nth(1)).toHaveAttribute('aria-current', 'true');
  await expect(page.locator('tr[aria-current="true"]')).toHaveCount(1);
  const href = await rows.nth(1).getAttribute('data-message-row');
  expect(href).toMatch(new RegExp(`^${LIST}/[0-9a-f-]{36}$`));
  await page.keyboard.press('Enter');
  // The message page is built separately; the URL is what this list promises.
  await expect(page).toHaveURL(new RegExp(`${href}$`));

  await page.goto(LIST);
  await page.locator('h1').click();
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
});

test('a Message-ID in the search box jumps straight to the message; text searches subjects', async ({ page }) => {
  const [target] = await sql<{ id: string; message_id: string }>(
    `SELECT min(id::text) AS id, message_id FROM messages WHERE ${inTenant} AND message_id LIKE '<%@%>'
     GROUP BY message_id HAVING count(*) = 1 ORDER BY message_id LIMIT 1`,
  );
  expect(target, 'no northwind message with a unique Message-ID').toBeTruthy();
  await page.goto(LIST);
  const search = page.getByRole('searchbox', { name: 'Search messages' });
  // Pasted without the angle brackets, as people copy it out of a header.
  await search.fill(target.message_id.slice(1, -1));
  await search.press('Enter');
  await expect(page).toHaveURL(new RegExp(`${LIST}/${target.id}$`));

  // The same by the internal id, as a pasted URL would carry it.
  await page.goto(`${LIST}?q=${target.id}`);
  await expect(page).toHaveURL(new RegExp(`${LIST}/${target.id}$`));

  await page.goto(`${LIST}?q=${encodeURIComponent('<no-such-message@nowhere.example>')}`);
  await expect(page.getByRole('heading', { name: /No message in .* has Message-ID <no-such-message@nowhere\.example>/ })).toBeVisible();

  const [word] = await sql<{ w: string; n: number }>(
    `SELECT w, count(*)::int AS n FROM messages, regexp_split_to_table(lower(subject), '[^a-z]+') AS w
     WHERE ${inTenant} AND length(w) >= 6 GROUP BY w HAVING count(*) BETWEEN 2 AND 40 ORDER BY n DESC, w LIMIT 1`,
  );
  const [{ n }] = await sql<{ n: number }>(`SELECT count(*)::int AS n FROM messages WHERE ${inTenant} AND subject ILIKE $1`, [`%${word.w}%`]);
  await search.fill(word.w);
  await search.press('Enter');
  await expect(page).toHaveURL(new RegExp(`[?&]q=${word.w}`));
  await expect(page.getByTestId('messages-count')).toHaveText(`${number.format(n)} ${n === 1 ? 'message' : 'messages'}`);
});

test('bad URL values are named inline and no rows pretend to be filtered', async ({ page }) => {
  const response = await page.goto(`${LIST}?verdict=evil&from=2026-02-30`);
  expect(response?.status()).toBe(200);
  // Scoped: Next's route announcer is an (empty) alert too.
  const alert = page.getByRole('region', { name: 'Message list' }).getByRole('alert');
  await expect(alert).toContainText('This view has values the list cannot use');
  await expect(alert).toContainText('Not a verdict');
  await expect(alert).toContainText('Not a date');
  await expect(page.getByRole('table', { name: 'Messages' })).toHaveCount(0);
  await alert.getByRole('link', { name: 'Show the list without them' }).click();
  await expect(page).toHaveURL(new RegExp(`${LIST}$`));
  await expect(page.getByRole('table', { name: 'Messages' })).toBeVisible();

  await page.goto(`${LIST}?sender=nobody-at-all%40nowhere.example`);
  await expect(page.getByRole('heading', { name: 'No messages match these filters' })).toBeVisible();
});
