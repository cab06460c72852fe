import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, signIn } from './browser.ts';

/** Generous: the live stream and a loaded CI machine take their time. */
const LONG = { timeout: 45_000 };
const SHOTS = process.env.ACCORD_SCREENSHOTS;

/** A screenshot for a person to look at, when ACCORD_SCREENSHOTS names a folder. */
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/consultations-${name}.png`, fullPage: true });
}

/** Picks options of a Mantine select or multi-select found by its test id. */
async function choose(page: Page, testId: string, ...options: (string | RegExp)[]) {
  await page.getByTestId(testId).click();
  for (const option of options) await page.getByRole('option', { name: option }).first().click();
}

const TITLE = 'Kyrgyz–Tajik border: grazing rights at Vorukh';
const POINT = 'Herders of both sides use the Vorukh pastures on alternate weeks until the autumn.';
const MESSAGE = 'Kyrgyzstan accepts the alternation; our border service log is attached.';

describe('consultations', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the chair convenes two states; they write and agree; the chair concludes and makes a proposal; a third state sees nothing', async () => {
    // The presidency's head of delegation (Belarus) convenes Kyrgyzstan and Tajikistan and facilitates.
    const { context: chairContext, page: chair } = await newPage(browser);
    await signIn(chair, 'by.head');
    await chair.getByRole('link', { name: 'Consultations', exact: true }).click();
    await chair.getByTestId('consultations-table').waitFor(LONG);
    await chair.getByTestId('convene-open').click();
    const form = chair.getByTestId('convene-form');
    await form.waitFor(LONG);
    await chair.getByTestId('convene-title').fill(TITLE);
    await chair
      .getByTestId('convene-purpose')
      .fill('Talks on the pastures near Vorukh after last week’s clashes between herders.');
    // One state is not enough: the form says so next to the field, before asking the server.
    await choose(chair, 'convene-states', 'Kyrgyzstan (KG)');
    await chair.getByTestId('convene-title').click();
    await chair.getByTestId('convene-submit').click();
    await form.getByText('Choose at least two member states').waitFor(LONG);
    await shot(chair, '01-convene-needs-two-states');
    await choose(chair, 'convene-states', 'Tajikistan (TJ)');
    await chair.getByTestId('convene-title').click();
    // The chair facilitates unless someone else is chosen.
    await expect
      .poll(() => chair.getByTestId('convene-facilitator').inputValue(), LONG)
      .toBe('Head of delegation of Belarus');
    await chair.getByTestId('convene-agenda-item').first().fill('Facts of last week');
    await chair.getByTestId('convene-add-item').click();
    await chair.getByTestId('convene-agenda-item').nth(1).fill('Use of the pastures');
    await shot(chair, '02-convene-form');
    await chair.getByTestId('convene-submit').click();

    // The space: reference, status, the notice that only its participants see it.
    await chair.waitForURL(/\/consultations\/[0-9a-f-]{36}$/, LONG);
    const url = new URL(chair.url());
    const id = url.pathname.split('/').pop() ?? '';
    await chair.getByTestId('confidentiality-notice').waitFor(LONG);
    const reference = (await chair.getByTestId('consultation-reference').textContent()) ?? '';
    expect(reference).toMatch(/^CN-\d{4}-\d{4}$/);
    expect(await chair.getByTestId('confidentiality-notice').textContent()).toContain(
      'Kyrgyzstan and Tajikistan',
    );
    expect(await chair.getByTestId('agenda-item').count()).toBe(2);
    // The chair runs the agenda and puts a point to the states.
    await chair.getByTestId('agenda-done').first().click();
    await chair.locator('[data-testid="agenda-item"][data-status="done"]').waitFor(LONG);
    await chair.getByTestId('point-text').fill(POINT);
    await chair.getByTestId('point-propose').click();
    await chair.getByTestId('point').filter({ hasText: POINT }).waitFor(LONG);
    // A conclusion with nothing agreed would leave nothing to propose: the button says so later.
    await shot(chair, '03-space-convened');

    // Kyrgyzstan's head finds it in the list, writes, attaches the log and agrees to the point.
    const { context: kgContext, page: kg } = await newPage(browser);
    await signIn(kg, 'kg.head');
    await kg.goto('/consultations');
    await kg.getByTestId('consultations-table').getByRole('link', { name: reference }).click();
    await kg.getByTestId('message-text').fill(MESSAGE);
    await kg.getByTestId('message-send').click();
    await kg.getByTestId('message').filter({ hasText: MESSAGE }).waitFor(LONG);
    await kg.locator('[data-testid="attachments"] input[type="file"]').setInputFiles({
      name: 'border-log.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('2026-11-20 06:40 herders met at the spring; no shots.\n'),
    });
    const document = kg.getByTestId('attachments').getByRole('link', { name: 'border-log.txt' });
    await document.waitFor(LONG);
    const download = await kg.request.get((await document.getAttribute('href')) ?? '');
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain('herders met at the spring');
    const point = kg.getByTestId('point').filter({ hasText: POINT });
    await point.getByTestId('point-agree').click();
    await point.locator('[data-testid="point-state"][data-state="KG"][data-agreed="true"]').waitFor(LONG);
    expect(await point.getByTestId('point-agree').count()).toBe(0);
    await shot(kg, '04-kg-wrote-and-agreed');

    // Tajikistan's head of delegation, in Russian: the message is there, and Tajikistan agrees too.
    const { context: tjContext, page: tj } = await newPage(browser);
    await signIn(tj, 'tj.head', { english: false });
    await tj.goto(`/consultations/${id}`);
    await tj.getByTestId('message').filter({ hasText: MESSAGE }).waitFor(LONG);
    await tj.getByText('Конфиденциально: только для участников').waitFor(LONG);
    const tjPoint = tj.getByTestId('point').filter({ hasText: POINT });
    await tjPoint.getByTestId('point-agree').click();
    await tjPoint.getByTestId('point-agreed').waitFor(LONG);
    await shot(tj, '05-ru-tj-agreed');

    // The chair sees it agreed live, without a reload, concludes and makes the proposal.
    await chair.getByTestId('point').filter({ hasText: POINT }).getByTestId('point-agreed').waitFor(LONG);
    await chair.getByTestId('message').filter({ hasText: MESSAGE }).waitFor(LONG);
    await chair.getByTestId('consultation-conclude').click();
    await chair.getByTestId('conclude-submit').click();
    await chair.getByRole('dialog').getByText('This field is required').waitFor(LONG);
    await chair
      .getByTestId('conclude-outcome')
      .fill('Both sides accept alternate weeks on the Vorukh pastures until the autumn.');
    await shot(chair, '06-conclude');
    await chair.getByTestId('conclude-submit').click();
    await chair.locator('[data-testid="consultation-status"][data-status="concluded"]').waitFor(LONG);
    await chair.getByTestId('consultation-outcome').waitFor(LONG);
    expect(await chair.getByTestId('message-form').count()).toBe(0);
    await chair.getByTestId('consultation-make-proposal').click();
    await choose(chair, 'proposal-body', 'Collective Security Council');
    await shot(chair, '07-make-proposal');
    await chair.getByTestId('proposal-submit').click();

    // The proposal opens, with the link back to the consultation it came from.
    await chair.waitForURL(/\/proposals\/[0-9a-f-]{36}$/, LONG);
    await chair.getByTestId('proposal-title').waitFor(LONG);
    const origin = chair.getByTestId('proposal-consultation');
    await origin.waitFor(LONG);
    expect(await chair.getByTestId('points').textContent()).toContain(POINT);
    await shot(chair, '08-proposal-with-link-back');
    await origin.getByRole('link', { name: new RegExp(reference) }).click();
    await chair.waitForURL(new RegExp(`/consultations/${id}$`), LONG);
    await chair.getByTestId('outcome-proposal').waitFor(LONG);
    await chair.getByTestId('consultation-proposal').waitFor(LONG);
    expect(await chair.getByTestId('consultation-make-proposal').count()).toBe(0);
    await shot(chair, '09-concluded-with-proposal');

    // In Russian, the concluded space as Tajikistan sees it, and its list.
    await tj.reload();
    await tj.getByTestId('consultation-outcome').waitFor(LONG);
    await shot(tj, '10-ru-concluded');
    await tj.getByRole('link', { name: 'Все консультации' }).click();
    await tj.getByTestId('consultations-table').getByRole('link', { name: reference }).waitFor(LONG);
    await shot(tj, '10b-ru-list');

    // A third member state: not in its list, the not-found page at the address, no navigation entry.
    const { context: ruContext, page: ru } = await newPage(browser);
    await signIn(ru, 'ru.head');
    await ru.goto(`/consultations/${id}`);
    await ru.getByRole('heading', { name: 'Page not found' }).waitFor(LONG);
    expect(await ru.getByText(reference).count()).toBe(0);
    await shot(ru, '11-third-state-not-found');
    await ru.goto('/consultations');
    await ru.getByTestId('consultations-table').waitFor(LONG);
    expect(await ru.getByTestId('consultations-table').getByText(reference).count()).toBe(0);
    expect(await ru.getByRole('link', { name: 'Consultations', exact: true }).count()).toBe(0);

    for (const context of [chairContext, kgContext, tjContext, ruContext]) await context.close();
  });

  it('the secretariat convenes from an alert, prefilled with its states and reference; the list links it', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'secretariat.admin');
    // An alert of the demo on two states or more.
    const alerts = (await (await page.request.get('/api/alerts?limit=200')).json()) as {
      items: { id: string; reference: string; title: string; states: string[] }[];
    };
    const alert = alerts.items.find((a) => a.states.length >= 2);
    expect(alert, 'the demo has an alert on two states or more').toBeDefined();
    if (!alert) return;
    await page.goto(`/alerts/${alert.id}`);
    await page.getByTestId('alert-convene').click();
    await page.getByTestId('convene-form').waitFor(LONG);
    expect(await page.getByTestId('convene-title').inputValue()).toBe(alert.title);
    expect(await page.getByTestId('convene-alert').inputValue()).toContain(alert.reference);
    const chosen = page.getByTestId('convene-form').locator('.mantine-MultiSelect-pill');
    expect(await chosen.count()).toBe(new Set(alert.states).size);
    await choose(page, 'convene-facilitator', 'Monitor, crisis response centre');
    await page.getByTestId('convene-agenda-item').first().fill('Joint reading of the situation');
    // Secret is above the monitor's access level: the server's 400 stands under the facilitator.
    await choose(page, 'convene-classification', 'Secret');
    await page.getByTestId('convene-submit').click();
    await page
      .getByTestId('convene-form')
      .getByText(/access level \(confidential\) is below the classification \(secret\)/)
      .waitFor(LONG);
    await shot(page, '12-convene-server-error');
    await choose(page, 'convene-classification', 'Confidential');
    await shot(page, '12b-convene-from-alert');
    await page.getByTestId('convene-submit').click();
    await page.waitForURL(/\/consultations\/[0-9a-f-]{36}$/, LONG);
    await page.getByTestId('consultation-facts').getByRole('link', { name: alert.reference }).waitFor(LONG);

    // The list: the new one first, its facilitator and its alert, linked.
    await page.goto('/consultations');
    const row = page.getByTestId('consultations-table').locator('tbody tr').first();
    await row.getByRole('link', { name: alert.reference }).waitFor(LONG);
    expect(await row.textContent()).toContain('Monitor, crisis response centre');
    await shot(page, '13-list');
    await context.close();
  });
});
