import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, signIn } from './browser.ts';

describe('user administration', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lets the secretariat administrator create a user and disable it', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'secretariat.admin');
    await page.getByRole('link', { name: 'User administration' }).click();
    await page.getByTestId('users-table').waitFor();

    await page.getByTestId('create-user').click();
    const dialog = page.getByRole('dialog', { name: 'Create a user' });
    await dialog.waitFor();
    await dialog.getByLabel('Username').fill('e2e.delegate');
    await dialog.getByLabel('Initial password').fill('a-long-enough-password');
    await dialog.getByLabel('Full name').fill('Test Delegate');
    await dialog.getByLabel('E-mail').fill('e2e.delegate@example.org');
    await dialog.getByRole('combobox', { name: 'Member state' }).click();
    await page.getByRole('option').first().click();
    await dialog.getByRole('combobox', { name: 'Access level' }).click();
    await page.getByRole('option', { name: 'Confidential' }).click();
    await dialog.getByRole('button', { name: 'Create user' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const row = page.getByTestId('users-table').getByRole('row').filter({ hasText: 'e2e.delegate' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Active');
    // A person's level is their access level, in the column header and on the row.
    await page.getByRole('columnheader', { name: 'Role and access level' }).waitFor();
    expect(await row.textContent()).toContain('Confidential');

    await row.getByRole('button', { name: 'Disable Test Delegate' }).click();
    const confirm = page.getByRole('dialog', { name: 'Disable this account?' });
    await confirm.getByRole('button', { name: 'Disable' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await row.getByTestId('status-disabled').waitFor();
    await row.getByRole('button', { name: 'Enable Test Delegate' }).waitFor();

    // The account really is disabled: it cannot sign in.
    const attempt = await page.request.post('/api/auth/sign-in', {
      data: { username: 'e2e.delegate', password: 'a-long-enough-password' },
    });
    expect(attempt.status()).toBeGreaterThanOrEqual(400);
    await context.close();
  });

  it('does not offer a head of delegation the create button', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'by.head');
    const response = await page.request.get('/api/users');
    const { abilities } = (await response.json()) as { abilities: { create: boolean } };
    expect(abilities.create).toBe(false);

    await page.goto('/admin/users');
    await page.getByTestId('users-table').waitFor();
    expect(await page.getByTestId('create-user').count()).toBe(0);
    await context.close();
  });
});
