import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, signIn } from './browser.ts';

/** Generous: the live stream and a loaded CI machine take their time. */
const LONG = { timeout: 45_000 };

/** Picks an option of a Mantine select found by its test id. */
async function choose(page: Page, testId: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Opens the request, decides the state's leg in the decide dialog and waits for the new status. */
async function decide(page: Page, requestId: string, state: string, how: 'approve' | 'conditions') {
  await page.goto(`/clearances/${requestId}`);
  await page.getByTestId(`decide-${state}`).click();
  const form = page.getByTestId('decide-form');
  await form.waitFor();
  if (how === 'conditions') {
    await form.getByTestId('decision-conditions').check();
    await choose(page, 'condition-0-kind', 'Escort');
    await form.getByTestId('condition-0-text').fill('Traffic police escort from the border to Samara.');
  }
  await form.getByTestId('decide-submit').click();
  await form.waitFor({ state: 'detached' });
  await page.locator(`[data-testid="leg-row-${state}"][data-status="approved"]`).waitFor(LONG);
}

describe('movement clearances', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a request across three states is submitted, decided in parallel, its conditions accepted, and cleared', async () => {
    // Belarus writes the request through the form: Minsk -> Russia -> Kazakhstan (host).
    const requester = await newPage(browser);
    const page = requester.page;
    await signIn(page, 'by.head');
    await page.getByRole('link', { name: 'Clearances' }).click();
    await page.getByTestId('new-request').click();
    await page.getByTestId('request-form').waitFor();

    const title = `Engineering company to Kazakhstan ${Date.now()}`;
    await page.getByTestId('request-title').fill(title);
    await choose(page, 'request-framework', 'Exercise');
    await choose(page, 'request-urgency', 'Urgent');
    await page.getByTestId('contact-name').fill('Col. A. Ivanov');
    await page.getByTestId('contact-phone').fill('+375 17 123 45 67');

    await choose(page, 'leg-0-state', 'Belarus');
    await choose(page, 'leg-0-entry-point', /Minsk National Airport/);
    await choose(page, 'leg-0-exit-point', /Redki/);
    await page.getByTestId('add-leg').click();
    await choose(page, 'leg-1-state', 'Russia');
    // The shared border crossing carries over as the next leg's entry.
    await expect.poll(() => page.getByTestId('leg-1-entry-point').inputValue()).toMatch(/Redki/);
    await choose(page, 'leg-1-exit-point', /Troitsk/);
    await page.getByTestId('add-leg').click();
    await choose(page, 'leg-2-state', 'Kazakhstan');
    await expect.poll(() => page.getByTestId('leg-2-entry-point').inputValue()).toMatch(/Troitsk/);
    await page.getByTestId('leg-2-hosts').check();
    // The map draws the route through its crossing points, in order, and says it in words.
    await expect.poll(() => page.getByTestId('route-stop').count(), LONG).toBe(3);
    expect(await page.getByTestId('route-map-description').textContent()).toContain('Kazakhstan');

    await page.getByTestId('asset-0-type').fill('KamAZ-5350 truck');
    await page.getByTestId('asset-0-count').fill('12');
    await page.getByTestId('request-personnel').fill('40');
    await page
      .getByTestId('request-purpose')
      .fill('Rotation of the engineering company to the training ground.');
    await page.getByTestId('submit-request').click();

    await page.waitForURL(/\/clearances\/[0-9a-f-]{36}$/, LONG);
    const requestId = page.url().split('/').pop() ?? '';
    await page.locator('[data-testid="request-status"][data-status="pending"]').waitFor(LONG);
    expect(await page.getByTestId('legs-table').locator('[data-testid="leg-chip"]').count()).toBe(3);

    // The movement order goes with the request, for every state on the route.
    await page
      .getByTestId('attachments')
      .locator('input[type="file"]')
      .setInputFiles({
        name: 'movement-order.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Order No. 17'),
      });
    await page.getByTestId('attachments').getByRole('link', { name: 'movement-order.txt' }).waitFor(LONG);

    // Kazakhstan and Russia decide in their own sessions, in parallel with Belarus.
    const kz = await newPage(browser);
    await signIn(kz.page, 'kz.head');
    const ru = await newPage(browser);
    await signIn(ru.page, 'ru.head');
    await kz.page.goto(`/clearances/${requestId}`);
    await kz.page.getByTestId('attachments').getByRole('link', { name: 'movement-order.txt' }).waitFor(LONG);
    await Promise.all([
      decide(kz.page, requestId, 'KZ', 'approve'),
      decide(ru.page, requestId, 'RU', 'conditions'),
    ]);

    // Belarus decides its own leg; the others' decisions arrived live on its open page.
    await page.locator('[data-testid="leg-row-RU"][data-status="approved"]').waitFor(LONG);
    await page.getByTestId('decide-BY').click();
    await page.getByTestId('decide-submit').click();
    await page.getByTestId('decide-form').waitFor({ state: 'detached' });

    // One state set conditions: the request waits for the requester to accept them.
    await page.locator('[data-testid="request-status"][data-status="awaiting_acceptance"]').waitFor(LONG);
    const panel = page.getByTestId('accept-panel');
    expect(await panel.textContent()).toContain('Traffic police escort');
    await page.getByTestId('accept-conditions').click();
    await page.locator('[data-testid="request-status"][data-status="cleared"]').waitFor(LONG);

    // Each state's clearance number is on the page.
    for (const state of ['BY', 'RU', 'KZ']) {
      expect(
        await page.getByTestId(`leg-row-${state}`).locator('.mantine-Badge-root').count(),
      ).toBeGreaterThan(1);
    }

    // The certificate: every state's clearance number and the condition, checked against the record.
    await page.getByTestId('certificate-link').click();
    await page
      .locator('[data-testid="verification"][data-verified="true"][data-status="valid"]')
      .waitFor(LONG);
    const certificate = page.getByTestId('certificate');
    expect(await certificate.getByTestId('clearance-number').count()).toBe(3);
    expect(await certificate.textContent()).toContain('Traffic police escort');
    const code = (await page.getByTestId('verification-code').textContent())?.trim() ?? '';
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);

    // Anyone holding the code checks it without signing in: a border post.
    const post = await newPage(browser);
    await post.page.goto('/verify');
    await post.page.getByLabel(/Verification code/).fill(code.toLowerCase().replaceAll('-', ' '));
    await post.page.getByRole('button', { name: 'Verify' }).click();
    await post.page
      .locator('[data-testid="verification"][data-verified="true"][data-status="valid"]')
      .waitFor(LONG);
    expect(await post.page.getByTestId('certificate-reference').textContent()).toBe(
      await page.getByTestId('certificate-reference').textContent(),
    );
    // It shows only what the code proves: not the purpose, nor the point of contact.
    expect(await post.page.textContent('body')).not.toContain('A. Ivanov');
    await post.context.close();

    // The board shows it cleared too.
    await page.goto(`/clearances?status=cleared`);
    await page.locator(`[data-testid="request-card"]`, { hasText: title }).waitFor(LONG);

    await Promise.all([requester.context.close(), kz.context.close(), ru.context.close()]);
  }, 180_000);

  it('the board, a request and the timeliness figures draw without a console error', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'by.head');
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    // A fresh load: the map draws before the member states arrive (it used to log NaN paths).
    await page.goto('/clearances');
    await page.getByTestId('request-card').first().waitFor(LONG);
    await expect.poll(() => page.getByTestId('route-stop').count(), LONG).toBeGreaterThan(0);

    // A deciding officer sees each leg's entry and exit, in UTC and local time, and its route
    // (the demo's convoy to the Kazakh training range).
    const found = await page.request.get('/api/clearances?q=Kazakh%20training%20range');
    const { items } = (await found.json()) as { items: { id: string }[] };
    await page.goto(`/clearances/${items[0].id}`);
    await page.getByTestId('legs-table').waitFor(LONG);
    const entry = page.getByTestId('leg-entry').first();
    await entry.waitFor(LONG);
    expect(await entry.textContent()).toMatch(/UTC.*\(/);
    await expect
      .poll(() => page.getByTestId('leg-route').allTextContents(), LONG)
      .toContain('Route: A21 to Astana');

    // The timeliness chart has its axis, and a range of days narrows it.
    await page.goto('/clearances/timeliness');
    await page.getByTestId('timeliness-chart').waitFor(LONG);
    expect(await page.getByTestId('timeliness-axis-title').textContent()).toBe('Hours to decide');
    expect(await page.getByTestId('timeliness-tick').count()).toBeGreaterThan(2);
    await page.goto('/clearances/timeliness?from=2020-01-01&to=2020-01-31');
    await page.getByText('No figures yet.').first().waitFor(LONG);
    expect(await page.getByTestId('timeliness-range-text').textContent()).toContain('2020');

    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
