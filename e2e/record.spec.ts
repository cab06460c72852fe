import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, signIn } from './browser.ts';

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
});
