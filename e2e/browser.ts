import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const DEMO_PASSWORD = 'accord-demo';

export const baseUrl = (): string => inject('baseUrl');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh context (own cookies and storage) in English at laptop width. */
export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    locale: 'en-GB',
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  return { context, page };
}

/** The language the signed-in person's pages are shown in (their remembered preference). */
export async function sessionLocale(page: Page): Promise<'en' | 'ru'> {
  const response = await page.request.get('/api/auth/session');
  const { user } = (await response.json()) as { user: { locale: 'en' | 'ru' } };
  return user.locale;
}

/** Switches the header language switch and waits until the server has remembered it. */
export async function switchLanguage(page: Page, locale: 'en' | 'ru'): Promise<void> {
  const saved = page.waitForResponse(
    (r) => new URL(r.url()).pathname === '/api/me' && r.request().method() === 'PATCH',
  );
  await page.getByTestId('language-switch').getByText(locale.toUpperCase()).click();
  expect((await saved).status()).toBe(200);
  await page.locator(`html[lang="${locale}"]`).waitFor({ state: 'attached' });
}

/**
 * Signs in through the (English) form and waits for the signed-in header. Some demo
 * people prefer Russian; unless told otherwise the page is switched to English.
 */
export async function signIn(
  page: Page,
  username: string,
  { password = DEMO_PASSWORD, english = true }: { password?: string; english?: boolean } = {},
): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Username').fill(username);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('user-menu').waitFor();
  if (english && (await sessionLocale(page)) !== 'en') await switchLanguage(page, 'en');
}
