import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, signIn } from './browser.ts';

// The live stream lasts as long as the session: when the session ends while a page is open
// (signed out from elsewhere, a password change, expiry, the account disabled), the server
// ends the stream with an `end` event and the page goes to the sign-in form by itself.

describe('live stream and session', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('an open page goes to the sign-in form when its session is signed out behind its back', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'kz.head');
    // The page's stream, opened afresh (a sign-out that comes before the server subscribed it
    // is caught by the check made when it subscribes).
    const stream = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/live');
    await page.goto('/');
    expect((await stream).status()).toBe(200);
    await page.getByTestId('slogan').waitFor();
    // Sign the session out through the API, not through the page: only the stream can tell it.
    const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
    const out = await page.request.post('/api/auth/sign-out', {
      headers: { 'X-CSRF-Token': session.csrfToken },
    });
    expect(out.status()).toBe(204);
    await page.getByLabel('Username').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('user-menu').count()).toBe(0);
    await context.close();
  });
});
