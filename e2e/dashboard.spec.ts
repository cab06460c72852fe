import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, signIn } from './browser.ts';

interface Organisation {
  presidency: {
    state: { name: { en: string } };
    slogan: { en: string };
    priorities: { title: { en: string } }[];
  } | null;
}

describe('dashboard', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the presidency, its slogan and its four priorities', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'am.head');
    const api = (await (await page.request.get('/api/organisation')).json()) as Organisation;
    expect(api.presidency).not.toBeNull();
    const presidency = api.presidency!;

    await page.getByTestId('slogan').waitFor();
    expect((await page.getByTestId('slogan').textContent())?.trim()).toBe(presidency.slogan.en.trim());
    expect(await page.getByTestId('presiding-state').textContent()).toBe(presidency.state.name.en);

    const priorities = page.getByTestId('priority');
    expect(await priorities.count()).toBe(4);
    expect(presidency.priorities).toHaveLength(4);
    for (const [index, priority] of presidency.priorities.entries()) {
      expect(await priorities.nth(index).textContent()).toContain(priority.title.en);
    }
    await context.close();
  });
});
