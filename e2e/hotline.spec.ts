import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, signIn, switchLanguage } from './browser.ts';

/** Generous: the live stream and a loaded CI machine take their time. */
const LONG = { timeout: 45_000 };
const SHOTS = process.env.ACCORD_SCREENSHOTS;

/** A screenshot for a person to look at, when ACCORD_SCREENSHOTS names a folder. */
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** The demo's hotline between Kyrgyzstan and Tajikistan (demo/organisation.yaml), and a message on it by its text. */
const CODE = 'KG-TJ';
const messageWith = (page: Page, text: string) =>
  page.locator('[data-testid="hotline-message"]').filter({ hasText: text });

describe('the hotline', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("one side's duty contact sends a message, the other side sees it live and acknowledges it, the sender sees the time", async () => {
    // Kyrgyzstan's duty contact keeps the hotline open.
    const kg = (await newPage(browser)).page;
    await signIn(kg, 'kg.focal');
    await kg.getByRole('link', { name: 'Hotlines', exact: true }).click();
    const card = kg.locator(`[data-testid="hotline-card"][data-code="${CODE}"]`);
    await card.waitFor(LONG);
    // Both sides' duty contacts, as the heads named them in the demo.
    await card.locator('[data-testid="side-contacts"][data-state="KG"]').getByText('kg.focal').waitFor();
    await card.locator('[data-testid="side-contacts"][data-state="TJ"]').getByText('tj.focal').waitFor();
    await shot(kg, 'hotline-01-list');
    await card.getByTestId('hotline-link').click();
    await kg.getByTestId('thread').waitFor(LONG);
    await kg.getByTestId('hotline-message').first().waitFor(LONG);

    // Tajikistan's duty contact writes to Kyrgyzstan, urgently.
    const tj = (await newPage(browser)).page;
    await signIn(tj, 'tj.focal');
    await tj.goto(`/hotlines/${CODE}`);
    await tj.getByTestId('compose-form').waitFor(LONG);
    const text = `Armed men seen crossing near post 14 at ${Date.now()}. Are they yours?`;
    await tj.getByTestId('compose-body').fill(text);
    await tj.getByTestId('compose-urgency').getByText('Urgent').click();
    const sent = tj.waitForResponse(
      (r) => r.url().endsWith(`/api/hotlines/${CODE}/messages`) && r.request().method() === 'POST',
    );
    await tj.getByTestId('compose-send').click();
    const { message } = (await (await sent).json()) as { message: { id: string; status: string } };
    expect(message.status).toBe('waiting');
    const mine = messageWith(tj, text);
    await mine.waitFor(LONG);
    // Their own message: waiting, with the window counting down, and not theirs to acknowledge.
    expect(await mine.getAttribute('data-status')).toBe('waiting');
    await mine.getByTestId('due-clock').waitFor();
    expect(await mine.getByTestId('acknowledge').count()).toBe(0);

    // Kyrgyzstan's page shows it without a reload (the record's live stream), flagged urgent.
    const theirs = messageWith(kg, text);
    await theirs.waitFor(LONG);
    await theirs.getByTestId('urgent').waitFor();
    await shot(kg, 'hotline-02-received');
    await theirs.getByTestId('acknowledge').click();
    await theirs.locator('[data-status="acknowledged"]').first().waitFor(LONG);
    expect(await theirs.getAttribute('data-status')).toBe('acknowledged');

    // The sender sees the acknowledgement, with its time, live.
    await mine.getByTestId('acknowledged-at').waitFor(LONG);
    expect(await mine.getAttribute('data-status')).toBe('acknowledged');
    const at = await mine.getByTestId('acknowledged-at').getAttribute('datetime');
    expect(Date.parse(at ?? '')).toBeGreaterThan(Date.now() - 10 * 60_000);
    expect(await mine.getByTestId('acknowledged').textContent()).toContain('kg.focal');
    await shot(tj, 'hotline-03-acknowledged');

    // A notification's link (/hotlines?message=<id>) opens the hotline at the message, highlighted.
    await tj.goto(`/hotlines?message=${message.id}`);
    await tj
      .locator(`[data-testid="hotline-message"][data-id="${message.id}"][data-highlighted="true"]`)
      .waitFor(LONG);
    expect(new URL(tj.url()).pathname).toBe(`/hotlines/${CODE}`);

    // In Russian.
    await switchLanguage(tj, 'ru');
    await tj.getByText('Горячая линия KG-TJ').first().waitFor(LONG);
    await shot(tj, 'hotline-04-thread-ru');
    await tj.goto('/hotlines');
    await tj.locator(`[data-testid="hotline-card"][data-code="${CODE}"]`).waitFor(LONG);
    await shot(tj, 'hotline-05-list-ru');
  });

  it('a member state on neither side cannot open the hotline: the not-found page', async () => {
    const { page } = await newPage(browser);
    await signIn(page, 'am.head');
    await page.goto(`/hotlines/${CODE}`);
    await page.getByText('Page not found').waitFor(LONG);
    expect(await page.getByTestId('thread').count()).toBe(0);
    expect((await page.request.get(`/api/hotlines/${CODE}/messages`)).status()).toBe(404);
    // Armenia's own hotline (with Belarus) is listed; Kyrgyzstan–Tajikistan is not.
    await page.goto('/hotlines');
    await page.locator('[data-testid="hotline-card"][data-code="AM-BY"]').waitFor(LONG);
    expect(await page.locator(`[data-testid="hotline-card"][data-code="${CODE}"]`).count()).toBe(0);
  });
});
