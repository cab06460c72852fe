import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, signIn, switchLanguage } from './browser.ts';

/** A filtered list is fetched again after the address changes: give a busy machine time. */
const SLOW = { timeout: 20_000, interval: 250 };

describe('record', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists the entries newest first and verifies the record', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'secretariat.admin');
    await page.getByRole('link', { name: 'Record' }).click();
    const table = page.getByTestId('ledger-table');
    await table.getByRole('row').nth(1).waitFor();

    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    const seqs = (await rows.locator('td:first-child').allTextContents()).map((s) =>
      Number(s.replace(/\D/g, '')),
    );
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    // This person's own sign-in is on the record, with its translated label.
    expect(await table.textContent()).toContain('Signed in');

    await page.getByTestId('verify-record').click();
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    expect(await result.getAttribute('data-ok')).toBe('true');
    const text = (await result.textContent()) ?? '';
    expect(text).toContain('The record is intact');
    expect(text).toMatch(/\d+ entr(y was|ies were) checked/);
    await context.close();
  });

  it('shows new entries live, without a reload', async () => {
    const watcher = await newPage(browser);
    await signIn(watcher.page, 'secretariat.admin');
    await watcher.page.goto('/record');
    const firstSeq = watcher.page
      .getByTestId('ledger-table')
      .locator('tbody tr')
      .first()
      .locator('td')
      .first();
    await firstSeq.waitFor();
    const before = Number((await firstSeq.textContent())?.replace(/\D/g, ''));

    // Someone else signs in elsewhere: a new entry lands on the record.
    const other = await newPage(browser);
    await signIn(other.page, 'un.observer');
    await other.context.close();

    const row = watcher.page
      .getByTestId('ledger-table')
      .locator('tbody tr')
      .filter({ hasText: /un\.observer|United Nations observer/ })
      .filter({ hasText: 'Signed in' })
      .first();
    await row.waitFor();
    const seq = Number((await row.locator('td').first().textContent())?.replace(/\D/g, ''));
    expect(seq).toBeGreaterThan(before);
    await watcher.context.close();
  });

  it('filters by action and by days, in a link that can be shared', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'secretariat.admin');
    await page.goto('/record');
    const table = page.getByTestId('ledger-table');
    await table.locator('tbody tr').first().waitFor();

    // Actions are grouped by module and worded; pick "Signed in".
    await page.getByTestId('filter-actions').click();
    await page.getByRole('option', { name: 'Signed in', exact: true }).click();
    await page.keyboard.press('Escape');
    await page.waitForURL(/[?&]action=auth\.signed_in/);
    const actions = table.getByTestId('entry-action');
    await expect
      .poll(async () => new Set(await actions.allTextContents()), SLOW)
      .toEqual(new Set(['Signed in']));

    // Today only, picked in the calendar: this person's sign-in a moment ago is in it.
    await page.getByTestId('filter-dates').click();
    const today = page.locator('button[data-today]:not([data-outside])').first();
    await today.click();
    await today.click();
    await page.waitForURL(/[?&]from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
    await page.keyboard.press('Escape');
    await expect
      .poll(
        async () => (await table.locator('tbody tr').filter({ hasText: 'secretariat' }).count()) > 0,
        SLOW,
      )
      .toBe(true);

    // The same link in another tab shows the same filters; a day long past shows nothing.
    const shared = new URL(page.url());
    const other = await context.newPage();
    await other.goto(`${shared.pathname}${shared.search}`);
    await other.getByTestId('ledger-table').getByTestId('entry-action').first().waitFor();
    expect(
      new Set(await other.getByTestId('ledger-table').getByTestId('entry-action').allTextContents()),
    ).toEqual(new Set(['Signed in']));
    await other.goto('/record?action=auth.signed_in&from=2001-01-01&to=2001-01-02');
    await other.getByText('No entry you may read matches these filters.').waitFor();

    await page.getByTestId('clear-filters').click();
    await page.waitForURL((url) => url.search === '');
    await context.close();
  });

  it('names subjects with links to their pages, and narrows the record to one subject', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'secretariat.admin');
    await page.goto('/record?action=proposal.created');
    const table = page.getByTestId('ledger-table');
    const subject = table.getByTestId('entry-subject').first();
    const link = subject.getByRole('link');
    await link.waitFor();
    const title = (await link.textContent()) ?? '';
    expect(title.length).toBeGreaterThan(3);
    expect(await subject.textContent()).toContain('Proposal');

    // Only the entries about that proposal.
    await subject.getByTestId('filter-by-subject').click();
    await page.waitForURL(/subjectType=proposal&subjectId=[0-9a-f-]{36}/);
    await page.getByTestId('subject-filter').getByText(title, { exact: false }).waitFor();
    await expect
      .poll(
        async () => new Set(await table.getByTestId('entry-subject').getByRole('link').allTextContents()),
        SLOW,
      )
      .toEqual(new Set([title]));

    // The name opens the proposal's page.
    await table.getByTestId('entry-subject').getByRole('link').first().click();
    await page.waitForURL(/\/proposals\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('proposal-title').textContent()).toBe(title);
    await context.close();
  });

  it('words the record in Russian', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'by.head');
    await page.goto('/record?action=auth.signed_in');
    await page.getByTestId('ledger-table').getByTestId('entry-action').first().waitFor();
    await switchLanguage(page, 'ru');
    try {
      const table = page.getByTestId('ledger-table');
      await table.getByTestId('entry-action').getByText('Вход в систему').first().waitFor();
      await page.getByText('Действия', { exact: true }).first().waitFor();
      // The action filter speaks Russian too, grouped by module.
      await page.getByTestId('filter-actions').click();
      await page.getByRole('option', { name: 'Решение опубликовано' }).waitFor();
      await page.getByText('Решения', { exact: true }).first().waitFor();
      await page.keyboard.press('Escape');
      await page.goto('/record?action=proposal.created');
      await table.getByTestId('entry-subject').first().getByText('Проект', { exact: true }).waitFor();
    } finally {
      await switchLanguage(page, 'en');
    }
    await context.close();
  });
});
