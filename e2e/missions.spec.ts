import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, signIn, switchLanguage } from './browser.ts';

/** Generous: a loaded CI machine takes its time. */
const LONG = { timeout: 45_000 };
const SHOTS = process.env.ACCORD_SCREENSHOTS;

/** A screenshot for a person to look at, when ACCORD_SCREENSHOTS names a folder. */
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

interface Daily {
  status: 'draft' | 'approved';
  compiled: { reports: number };
}

/** A day of the mission as the API answers it to the signed-in person. */
async function daily(page: Page, mission: string, day: string): Promise<Daily> {
  const response = await page.request.get(`/api/missions/${mission}/daily/${day}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { daily: Daily }).daily;
}

/**
 * The past days (UTC calendar days, checked with the API) on which the demo mission's reports
 * happened and whose report is not approved yet, latest first (today is still going on).
 */
async function draftDaysWithReports(page: Page, mission: string): Promise<string[]> {
  const days: string[] = [];
  for (let back = 1; back < 19 && days.length < 2; back++) {
    const day = new Date(Date.now() - back * 86_400_000).toISOString().slice(0, 10);
    const d = await daily(page, mission, day);
    if (d.status === 'draft' && d.compiled.reports > 0) days.push(day);
  }
  return days;
}

describe('observation missions', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("the head of mission compiles a day's report from the mission's reports and approves it; a member cannot", async () => {
    // The demo mission's head: the secretariat's monitor.
    const { page } = await newPage(browser);
    await signIn(page, 'secretariat.monitor');
    await page.getByRole('link', { name: 'Observation missions', exact: true }).click();
    await page.getByTestId('missions-table').waitFor(LONG);
    await shot(page, 'missions-01-list');
    await page.getByTestId('mission-link').first().click();
    await page.getByTestId('mission-facts').waitFor(LONG);
    const mission = new URL(page.url()).pathname.split('/').pop() ?? '';
    // Yesterday's report is approved in the demo: another day with reports waits for the head.
    const [day, other] = await draftDaysWithReports(page, mission);
    expect(day).toBeTruthy();
    const expected = (await daily(page, mission, day)).compiled.reports;

    await page.goto(`/missions/${mission}?day=${day}`);
    const card = page.getByTestId('daily-report');
    await card.getByTestId('daily-draft').waitFor(LONG);
    expect(await card.getByTestId('daily-total').textContent()).toBe(String(expected));
    expect(await card.getByTestId('daily-count').count()).toBeGreaterThan(0);
    await shot(page, 'missions-02-mission-draft-day');
    await card.getByTestId('daily-approve').click();
    await page.getByTestId('approve-summary').fill('Quiet along the line but for the incidents listed.');
    const approved = page.waitForResponse(
      (r) => r.url().endsWith(`/daily/${day}/approve`) && r.request().method() === 'POST',
    );
    await page.getByTestId('approve-submit').click();
    expect((await approved).status()).toBe(200);
    // Approved: by whom and when, the summary kept, no second approval offered.
    await card.getByTestId('daily-approved').waitFor(LONG);
    expect(await card.getByTestId('daily-approved').textContent()).toContain('secretariat.monitor');
    expect(await card.getByTestId('daily-summary').textContent()).toContain('Quiet along the line');
    expect(await card.getByTestId('daily-approve').count()).toBe(0);
    expect((await daily(page, mission, day)).status).toBe('approved');
    await shot(page, 'missions-03-approved');
    await switchLanguage(page, 'ru');
    await page.getByText('Суточная сводка').waitFor(LONG);
    await shot(page, 'missions-04-approved-ru');

    // A member of the mission (Kyrgyzstan's focal point) reads the days but approves none.
    const member = (await newPage(browser)).page;
    await signIn(member, 'kg.focal');
    const open = other ?? new Date().toISOString().slice(0, 10);
    await member.goto(`/missions/${mission}?day=${open}`);
    await member.getByTestId('daily-report').getByTestId('daily-draft').waitFor(LONG);
    expect(await member.getByTestId('daily-approve').count()).toBe(0);
    await member.goto(`/missions/${mission}?day=${day}`);
    await member.getByTestId('daily-approved').waitFor(LONG);
    const session = (await (await member.request.get('/api/auth/session')).json()) as { csrfToken: string };
    const refused = await member.request.post(`/api/missions/${mission}/daily/${open}/approve`, {
      data: { summary: 'Not mine to approve.' },
      headers: { 'X-CSRF-Token': session.csrfToken },
    });
    expect(refused.status()).toBe(403);
    expect((await daily(member, mission, open)).status).toBe('draft');

    // The mission's reports open in the reports list, filtered to it.
    await member.getByTestId('mission-reports').click();
    await member.getByTestId('mission-filter').waitFor(LONG);
    await member.getByTestId('report-link').first().waitFor(LONG);
    await shot(member, 'missions-05-reports-of-mission');
  });

  it('an administrator sets a mission up: the form says what is missing before anything is sent', async () => {
    const { page } = await newPage(browser);
    await signIn(page, 'secretariat.admin');
    await page.goto('/missions');
    await page.getByTestId('new-mission').click();
    await page.getByTestId('mission-form').waitFor(LONG);
    let sent = false;
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/missions') sent = true;
    });
    await page.getByTestId('mission-name').fill('Southern section observation');
    await page.getByTestId('mission-submit').click();
    await page.getByText('Pick the first and the last day').waitFor(LONG);
    await page.getByText('Name the regions of the area, or give its outline').waitFor();
    expect(sent).toBe(false);
    await shot(page, 'missions-06-form');
    await page.keyboard.press('Escape');

    // The demo mission's mandate is renewed under a new name: the reason is asked first.
    const missions = (await (await page.request.get('/api/missions')).json()) as {
      items: { id: string; name: string; reference: string }[];
    };
    const demo = missions.items[0];
    expect(demo).toBeDefined();
    await page.goto(`/missions/${demo?.id}`);
    await page.getByTestId('mission-change').click();
    await page.getByTestId('mission-change-form').waitFor(LONG);
    const renamed = `${demo?.name} (renewed)`;
    await page.getByTestId('mission-change-name').fill(renamed);
    await page.getByTestId('mission-change-submit').click();
    await page.getByTestId('mission-change-form').getByText('This field is required').waitFor(LONG);
    await page
      .getByTestId('mission-change-reason')
      .fill('Mandate renewed by the council for the next quarter.');
    await shot(page, 'missions-07-change');
    await page.getByTestId('mission-change-submit').click();
    await page.getByTestId('mission-change-form').waitFor({ state: 'detached', ...LONG });
    await page.getByRole('heading', { name: renamed }).waitFor(LONG);
    // The record says what changed and why, once the sequencer has numbered the entry.
    await expect
      .poll(async () => (await page.request.get('/api/ledger?action=mission.changed')).text(), LONG)
      .toContain('Mandate renewed by the council');
    // A member state's head sees the missions but may not set one up.
    const head = (await newPage(browser)).page;
    await signIn(head, 'kz.head');
    await head.goto('/missions');
    await head.getByTestId('missions-table').waitFor(LONG);
    expect(await head.getByTestId('new-mission').count()).toBe(0);
  });
});
