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

/** The demo file's entered indicator on the Kyrgyz–Tajik border, and its thresholds by level. */
const INDICATOR = 'kg-tj-displaced';
const REGION = 'kg-tj-border';
const THRESHOLDS: Record<number, number> = { 2: 100, 3: 1000, 4: 10_000, 5: 50_000 };

/** Picks an option of a Mantine select found by its test id. */
async function choose(page: Page, testId: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** The region's level in the situation room's levels panel. */
const levelIn = (page: Page, level: number) =>
  page.locator(
    `[data-testid="region-level"][data-region="${REGION}"] [data-testid="level-badge"][data-level="${level}"]`,
  );

describe('the situation room', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the duty officer watches levels and alerts, a value entered elsewhere raises a level live, and the alert is acknowledged and closed', async () => {
    const { context, page: room } = await newPage(browser);
    await signIn(room, 'secretariat.monitor');

    // The situation room: levels by region (the demo has regions above normal) and open alerts.
    await room.getByRole('link', { name: 'Situation room', exact: true }).click();
    await room.getByTestId('levels-panel').getByTestId('region-level').first().waitFor(LONG);
    await room.getByTestId('open-alerts-panel').getByTestId('open-alert').first().waitFor(LONG);
    await room.locator('[data-testid="situation-map"] [data-region]').first().waitFor(LONG);
    const raised = await room
      .locator('[data-testid="region-level"] [data-testid="level-badge"]:not([data-level="1"])')
      .count();
    expect(raised).toBeGreaterThan(0);
    await shot(room, '01-situation-room');

    // The next threshold above the region's present level.
    const levels = (await (await room.request.get('/api/monitoring/levels')).json()) as {
      items: { region: { code: string }; level: { level: number } }[];
    };
    const before = levels.items.find((l) => l.region.code === REGION)?.level.level ?? 1;
    expect(before).toBeLessThan(5);
    const target = before + 1;
    const value = Math.round((THRESHOLDS[target] ?? 100) * 1.5);
    await levelIn(room, before).waitFor(LONG);

    // In a second page of the same browser, the indicator: its chart, thresholds, the entry form.
    const desk = await context.newPage();
    await desk.goto('/situation');
    await desk
      .locator(`[data-testid="region-level"][data-region="${REGION}"]`)
      .getByRole('link', { name: /Displaced persons/ })
      .click();
    await desk.getByTestId('trend-chart').waitFor(LONG);
    expect(await desk.getByTestId('threshold-line').count()).toBeGreaterThan(0);
    await desk.getByTestId('enter-value').fill(String(value));
    const answer = desk.waitForResponse(
      (r) => r.url().endsWith(`/api/indicators/${INDICATOR}/values`) && r.request().method() === 'POST',
    );
    await desk.getByTestId('enter-submit').click();
    const entered = (await (await answer).json()) as {
      level: { to: number; change: string; alert: { id: string; reference: string } | null };
    };
    // At least the next level: one higher still when the file's combination rule escalates (two
    // indicators at warning or above, e.g. with casualties reported by other tests).
    expect(entered.level.to).toBeGreaterThanOrEqual(target);
    const reached = entered.level.to;
    expect(entered.level.change).toBe('rose');
    // A rise opens an alert, unless one not closed already stands at that level or above for the
    // region (the demo's reports may have raised one on their own): then that one is the alert.
    let alert = entered.level.alert;
    if (!alert) {
      const active = (await (
        await room.request.get(`/api/alerts?status=active&region=${REGION}`)
      ).json()) as {
        items: { id: string; reference: string; level: number }[];
      };
      alert = active.items.filter((a) => a.level >= reached).sort((a, b) => b.level - a.level)[0] ?? null;
    }
    expect(alert).not.toBeNull();
    await desk.getByText(/the region's level rose to/).waitFor(LONG);
    await shot(desk, '02-indicator-entered');

    // A CSV file with a bad line is refused whole, the line and field named.
    await desk.locator('input[type="file"]').setInputFiles({
      name: 'displaced.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`indicator,at,value\n${INDICATOR},2026-11-20,70\n${INDICATOR},2026-11-21,many\n`),
    });
    await desk.getByTestId('import-submit').click();
    await desk
      .getByTestId('import-errors')
      .getByText(/Line 3, value/)
      .waitFor(LONG);
    await shot(desk, '02b-import-refused');

    // The situation room shows the new level and the new alert without a reload.
    await levelIn(room, reached).waitFor(LONG);
    await room
      .getByTestId('open-alerts-panel')
      .getByText(alert?.reference ?? '', { exact: false })
      .waitFor(LONG);
    await room
      .locator(`[data-testid="situation-map"] [data-region="${REGION}"][data-level="${reached}"]`)
      .waitFor(LONG);
    await shot(room, '03-situation-room-live');
    await desk.close();
    await room.bringToFront();

    // The alert: acknowledged with a note, then closed; closing without a reason is refused.
    await room
      .getByTestId('open-alerts-panel')
      .getByRole('link', { name: new RegExp(alert?.reference ?? '') })
      .click();
    await room.getByTestId('alert-facts').waitFor(LONG);
    await room.getByTestId('alert-acknowledge').click();
    await room
      .getByTestId('acknowledge-text')
      .fill('Duty officer informed; checking with UNHCR field office.');
    await room.getByTestId('acknowledge-submit').click();
    await room.locator('[data-testid="alert-status"][data-status="acknowledged"]').waitFor(LONG);
    await room.locator('[data-testid="alert-step"][data-kind="acknowledged"]').waitFor(LONG);
    await room.getByTestId('alert-close').click();
    await room.getByTestId('close-submit').click();
    await room.getByRole('dialog').getByText('This field is required').waitFor(LONG);
    await shot(room, '04-close-needs-reason');
    await room.getByTestId('close-text').fill('Figures confirmed as a one-off movement; returns under way.');
    await room.getByTestId('close-submit').click();
    await room.locator('[data-testid="alert-status"][data-status="closed"]').waitFor(LONG);
    await room.getByText('Figures confirmed as a one-off movement; returns under way.').first().waitFor(LONG);
    expect(await room.getByTestId('alert-close').count()).toBe(0);
    await shot(room, '05-alert-closed');

    // The alerts list and the brief; then the situation room in Russian.
    await room.goto('/alerts?status=closed');
    await room
      .getByTestId('alerts-table')
      .getByText(alert?.reference ?? '')
      .waitFor(LONG);
    await shot(room, '06-alerts-closed');

    // Raising an alert by hand: the title is required; then it opens at the level chosen.
    await room.getByTestId('raise-alert').click();
    await room.getByTestId('raise-submit').click();
    await room.getByRole('dialog').getByText('This field is required').first().waitFor(LONG);
    await choose(room, 'raise-region', /Armenia: Syunik/);
    await choose(room, 'raise-level', 'Warning');
    await room.getByTestId('raise-title').fill('Shelling reported near Goris');
    await room.getByTestId('raise-description').fill('Two reports within the hour; awaiting confirmation.');
    await shot(room, '06b-raise-alert');
    await room.getByTestId('raise-submit').click();
    await room.getByTestId('alert-facts').getByText('Raised by hand').waitFor(LONG);
    await room.locator('[data-testid="alert-status"][data-status="open"]').waitFor(LONG);
    expect(await room.locator('h1 [data-testid="level-badge"]').getAttribute('data-level')).toBe('3');
    await room.goto('/situation');
    await room.getByTestId('brief-link').click();
    await room
      .getByTestId('brief')
      .getByText(/Alert levels by region/)
      .waitFor(LONG);
    await shot(room, '07-brief');
    if (SHOTS) {
      await room.emulateMedia({ media: 'print' });
      await shot(room, '08-brief-print');
      await room.emulateMedia({ media: 'screen' });
    }
    // One region alone: the map zooms to it, the address keeps it.
    await room.goto('/situation');
    await room
      .locator('[data-testid="region-level"][data-region="tj-af-border"]')
      .getByTestId('pick-region')
      .click();
    await room.waitForURL(/region=tj-af-border/);
    await room
      .locator('[data-testid="region-level"][data-region="by-west"]')
      .waitFor({ state: 'detached', ...LONG });
    expect(await room.getByTestId('region-level').count()).toBe(1);
    await room.locator('[data-testid="situation-map"] [data-region="tj-af-border"]').waitFor(LONG);
    await shot(room, '08b-one-region');
    await switchLanguage(room, 'ru');
    await room.getByRole('heading', { name: 'Ситуационный центр' }).waitFor(LONG);
    await room.getByTestId('region-level').first().waitFor(LONG);
    await shot(room, '09-situation-room-ru');
    await room.goto(`/indicators/${INDICATOR}`);
    await room.getByTestId('trend-chart').waitFor(LONG);
    await shot(room, '10-indicator-ru');
    // The automatic alert of this rise is named by its region and level in the reader's language.
    if (entered.level.alert) {
      await room.goto(`/alerts/${entered.level.alert.id}`);
      await room.getByText(/^Кыргызско-таджикская граница \(Баткен – Согд\): /).waitFor(LONG);
    }
    await switchLanguage(room, 'en');
    await context.close();
  });
});
