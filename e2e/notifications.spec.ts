import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, signIn } from './browser.ts';

const BODY = 'council-of-foreign-ministers';
const LONG = { timeout: 45_000 };

/** Calls the API as the page's signed-in person, with the session's CSRF token. */
async function apiPost<T>(page: Page, path: string, data?: unknown): Promise<T> {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const response = await page.request.post(path, {
    data: data ?? {},
    headers: { 'X-CSRF-Token': session.csrfToken },
  });
  const body = await response.text();
  expect(response.ok(), `${path}: ${response.status()} ${body}`).toBe(true);
  return JSON.parse(body) as T;
}

/** The unread count the bell shows. */
const bellCount = async (page: Page) =>
  Number(await page.getByTestId('notification-count').getAttribute('data-count'));

/** Waits until the bell's count is within [min, max]; it changes live, without a reload. */
const waitForCount = (page: Page, min: number, max = Number.POSITIVE_INFINITY) =>
  page.waitForFunction(
    ([min, max]) => {
      const element = document.querySelector('[data-testid="notification-count"]');
      const count = Number(element?.getAttribute('data-count') ?? Number.NaN);
      return count >= min && count <= max;
    },
    [min, max] as const,
    LONG,
  );

describe('notifications', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the bell counts a newly opened procedure live, lists it, and marks all read', async () => {
    const head = await newPage(browser);
    await signIn(head.page, 'am.head');
    await head.page.getByTestId('notification-bell').waitFor();

    // Start from nothing unread.
    await apiPost(head.page, '/api/notifications/read-all');
    await head.page.reload();
    await head.page.getByTestId('notification-bell').waitFor();
    await waitForCount(head.page, 0, 0);

    // The chair opens a procedure through the API; the head's bell rises without a reload.
    const chair = await newPage(browser);
    await signIn(chair.page, 'secretariat.admin');
    const title = `Notified proposal ${Date.now()}`;
    const { proposal } = await apiPost<{ proposal: { id: string } }>(chair.page, '/api/proposals', {
      body: BODY,
      title,
      text: 'Draft decision written by the browser tests.',
      points: [{ text: 'To approve the plan.' }],
    });
    await apiPost(chair.page, `/api/proposals/${proposal.id}/procedures`, {
      kind: 'silence',
      deadline: new Date(Date.now() + 3 * 86_400_000).toISOString(),
    });
    await waitForCount(head.page, 1);
    expect(await bellCount(head.page)).toBeGreaterThanOrEqual(1);

    // The popover lists it, with its kind and the proposal's title.
    await head.page.getByTestId('notification-bell').click();
    const item = head.page.getByTestId('notification-item').filter({ hasText: title });
    await item.first().waitFor(LONG);
    expect(await item.first().textContent()).toContain('Procedure opened');

    // Mark all read: the count drops to zero.
    await head.page.getByTestId('notifications-mark-all').click();
    await waitForCount(head.page, 0, 0);

    // The full page lists it too.
    await head.page.goto('/notifications');
    await head.page.getByTestId('notification-row').filter({ hasText: title }).first().waitFor(LONG);

    await chair.context.close();
    await head.context.close();
  });
});
