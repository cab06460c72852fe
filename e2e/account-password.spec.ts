import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, signIn } from './browser.ts';

/** A write through the page's session, as the web client makes it (the CSRF token from the session). */
async function post(page: Page, path: string, data: unknown) {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  return page.request.post(path, { data, headers: { 'x-csrf-token': session.csrfToken } });
}

describe('changing the password on the account page', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('offers "Also revoke my API tokens", checked, and revokes them with the change', async () => {
    // A person of its own, so no other test's demo account changes password.
    const admin = await newPage(browser);
    await signIn(admin.page, 'secretariat.admin');
    const created = await post(admin.page, '/api/users', {
      username: 'e2e.password',
      displayName: 'Password Tester',
      password: 'the-first-password',
      affiliation: 'delegation',
      stateCode: 'BY',
      role: 'delegate',
      accessLevel: 'restricted',
    });
    expect(created.status()).toBe(201);
    await admin.context.close();

    const { context, page } = await newPage(browser);
    await signIn(page, 'e2e.password', { password: 'the-first-password' });
    const token = await post(page, '/api/me/tokens', { name: 'a script' });
    expect(token.status()).toBe(201);
    const bearer = { authorization: `Bearer ${((await token.json()) as { token: string }).token}` };
    expect((await page.request.get('/api/users', { headers: bearer })).status()).toBe(200);

    await page.goto('/account');
    const form = page.getByTestId('password-form');
    const revoke = form.getByLabel('Also revoke my API tokens');
    await revoke.waitFor();
    expect(await revoke.isChecked()).toBe(true);
    await form.getByLabel(/^Current password/).fill('the-first-password');
    await form.getByLabel(/^New password/).fill('the-second-password');
    await form.getByLabel(/^Repeat the new password/).fill('the-second-password');
    const sent = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/auth/password');
    await form.getByRole('button', { name: 'Change password' }).click();
    expect((await sent).postDataJSON()).toMatchObject({ revokeTokens: true });
    await page.getByText('Your password was changed and your API tokens were revoked.').waitFor();

    expect((await page.request.get('/api/users', { headers: bearer })).status()).toBe(401);
    // This session goes on.
    expect((await page.request.get('/api/auth/session')).status()).toBe(200);
    await context.close();
  });
});
