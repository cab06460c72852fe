import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, signIn } from './browser.ts';

describe('sign-in', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the demo banner and refuses a wrong password', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/');
    await page.waitForURL('**/sign-in');
    await page.getByTestId('demo-banner').waitFor();
    expect(await page.getByTestId('demo-banner').textContent()).toContain('demonstration');

    await page.getByLabel('Username').fill('by.head');
    await page.getByLabel(/^Password/).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The username or password is incorrect.');
    expect(page.url()).toMatch(/\/sign-in$/);
    await context.close();
  });

  it('signs in with the right password and out again', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'by.head');
    expect(new URL(page.url()).pathname).toBe('/');
    const session = await page.request.get('/api/auth/session');
    expect(session.status()).toBe(200);
    const { user } = (await session.json()) as { user: { displayName: string } };
    expect(await page.getByTestId('user-menu').getAttribute('aria-label')).toContain(user.displayName);

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    expect((await page.request.get('/api/auth/session')).status()).toBe(401);
    await context.close();
  });
});
