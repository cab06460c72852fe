import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, signIn } from './browser.ts';

// The server sends a strict Content-Security-Policy (only the site's own scripts, styles
// inline for Mantine, no framing). The built UI and the API reference must still work under
// it: Chromium reports every blocked load or script as a `securitypolicyviolation` event and a
// console error, and the pages are checked to have rendered.

/** Collects what the policy blocked, and the page's uncaught errors, from page load on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} in ${e.sourceFile}`),
    );
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content[- ]Security[- ]Policy/i.test(message.text()))
      problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return async () => [
    ...problems,
    ...(await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? [])),
  ];
}

describe('Content-Security-Policy', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the pages render with nothing blocked', async () => {
    const { context, page } = await newPage(browser);
    const violations = await watchViolations(page);
    const response = await page.goto('/sign-in');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await signIn(page, 'secretariat.admin');
    expect(await violations(), 'sign-in').toEqual([]);
    for (const path of [
      '/',
      '/proposals',
      '/decisions',
      '/clearances',
      '/states',
      '/people',
      '/notifications',
      '/record',
      '/admin/users',
      '/account',
    ]) {
      await page.goto(path);
      await page.getByTestId('user-menu').waitFor();
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      expect(await violations(), path).toEqual([]);
    }
    await context.close();
  });

  it('the API reference renders its operations under the policy', async () => {
    const { context, page } = await newPage(browser);
    const violations = await watchViolations(page);
    await page.goto('/api/docs');
    await page.locator('.swagger-ui .opblock').first().waitFor();
    expect(await violations()).toEqual([]);
    await context.close();
  });
});
