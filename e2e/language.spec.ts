import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, sessionLocale, signIn, switchLanguage } from './browser.ts';

/** How the navigation reads in each language. */
const NAV = {
  en: { name: 'Main navigation', states: 'Member states' },
  ru: { name: 'Основная навигация', states: 'Государства-члены' },
} as const;

describe('language switch', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('switches the sign-in page to Russian and keeps it after a reload', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/sign-in');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByTestId('language-switch').getByText('RU').click();
    await page.getByRole('heading', { name: 'Вход' }).waitFor();
    expect(await page.getByRole('button', { name: 'Войти' }).count()).toBe(1);
    await page.reload();
    await page.getByRole('heading', { name: 'Вход' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    await context.close();
  });

  it('remembers the choice for the person, not just the browser', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'by.delegate', { english: false });
    const before = await sessionLocale(page);
    const after = before === 'en' ? 'ru' : 'en';
    const statesLink = (locale: 'en' | 'ru') =>
      page
        .getByRole('navigation', { name: NAV[locale].name })
        .getByRole('link', { name: NAV[locale].states });
    await statesLink(before).waitFor();

    await switchLanguage(page, after);
    await statesLink(after).waitFor();
    expect(await sessionLocale(page)).toBe(after);

    // Forget the browser's copy: after a reload the server's memory decides.
    await page.evaluate(() => window.localStorage.clear());
    await page.reload();
    await statesLink(after).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe(after);

    // A new browser (no local storage at all) gets it too once this person signs in.
    const second = await newPage(browser);
    await signIn(second.page, 'by.delegate', { english: false });
    await second.page.getByRole('navigation', { name: NAV[after].name }).waitFor();
    await second.context.close();

    // Leave the person as they were.
    await switchLanguage(page, before);
    await statesLink(before).waitFor();
    await context.close();
  });
});
