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

/** A POST to the API in the page's session, with its CSRF token; the answer's JSON. */
async function post<T>(page: Page, path: string, data: unknown): Promise<T> {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const response = await page.request.post(path, { data, headers: { 'X-CSRF-Token': session.csrfToken } });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return (await response.json()) as T;
}

/** Waits until the report page shows the status. */
const showsStatus = (page: Page, status: string) =>
  page
    .locator(`[data-testid="report-facts"]`)
    .waitFor(LONG)
    .then(() => page.locator(`[data-testid="report-status"][data-status="${status}"]`).first().waitFor(LONG));

describe('reports from the field', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a focal point files a report on the map, the secretariat reviews, verifies and publishes it, a member state reads it', async () => {
    // Tajikistan's focal point files the report through the form.
    const focal = await newPage(browser);
    const page = focal.page;
    await signIn(page, 'tj.focal');
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByTestId('new-report').click();
    await page.getByTestId('report-form').waitFor();

    const title = `Exchange of fire at the Vorukh border post ${Date.now()}`;
    await page.getByTestId('report-title').fill(title);
    await choose(page, 'report-category', 'Armed clash');
    await page.getByTestId('report-description').fill('Automatic fire heard for about ten minutes.');

    // The point is set by clicking the map, in the region chosen (the map zooms to it).
    await choose(page, 'report-region', /Kyrgyzstan–Tajikistan border/);
    await page.locator('[data-region="kg-tj-border"]').click();
    await page.getByTestId('picked-point').waitFor();
    const latitude = Number(await page.getByTestId('report-latitude').inputValue());
    const longitude = Number(await page.getByTestId('report-longitude').inputValue());
    expect(latitude).toBeGreaterThan(39.3);
    expect(latitude).toBeLessThan(40.4);
    expect(longitude).toBeGreaterThan(69.2);
    expect(longitude).toBeLessThan(72.3);

    await page.getByTestId('report-actors').fill('Border troops of Tajikistan');
    await page.getByTestId('report-actors').press('Enter');
    await page.getByTestId('report-injured').fill('2');
    await choose(page, 'report-reliability', /^B — usually reliable/);
    await choose(page, 'report-credibility', /^2 — probably true/);

    // A distance without its direction: the server's reason is shown on the direction.
    await page.getByTestId('report-place').fill('Vorukh');
    await page.getByTestId('report-distance').fill('4');
    await page.getByTestId('submit-report').click();
    const directionField = page.locator('.mantine-InputWrapper-root', {
      has: page.getByTestId('report-direction'),
    });
    await directionField.getByText('a distance needs a direction, and a direction a distance').waitFor(LONG);
    expect(page.url()).toMatch(/\/reports\/new$/);

    await choose(page, 'report-direction', /^SE — south-east/);
    await page.getByTestId('submit-report').click();
    await page.waitForURL(/\/reports\/[0-9a-f-]{36}$/, LONG);
    const reportId = page.url().split('/').pop() ?? '';
    await showsStatus(page, 'submitted');
    const reference = (await page.getByTestId('report-reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^R-\d{4}-\d+/);
    expect(await page.getByTestId('fact-where').textContent()).toContain('4 km SE of Vorukh');
    expect(await page.getByTestId('fact-source').textContent()).toContain(
      'B2 — usually reliable, probably true',
    );
    // A statement goes with it, attached on the report's page.
    await page.locator('[data-testid="attachments"] input[type="file"]').setInputFiles({
      name: 'statement-vorukh.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Statement of the post commander, 06:40: fire from the ridge for ten minutes.\n'),
    });
    await page.getByTestId('attachments').getByRole('link', { name: 'statement-vorukh.txt' }).waitFor(LONG);

    // The secretariat's monitor sees it in the queue with how long it has waited.
    const monitor = await newPage(browser);
    await signIn(monitor.page, 'secretariat.monitor');
    await monitor.page.getByRole('link', { name: 'Review queue' }).click();
    const row = monitor.page.getByTestId('queue-table').locator('tr', { hasText: reference });
    await row.waitFor(LONG);
    expect(await row.getByTestId('queue-wait').textContent()).toMatch(/\d+ min/);
    expect(
      Number(await monitor.page.getByTestId('queue-submitted').locator('p').last().textContent()),
    ).toBeGreaterThan(0);

    // Takes it into review, verifies and publishes it to the member states.
    await row.getByTestId('queue-link').click();
    await monitor.page.waitForURL(new RegExp(`/reports/${reportId}$`));
    await monitor.page.getByTestId('action-review').click();
    await showsStatus(monitor.page, 'under_review');
    await monitor.page.getByTestId('action-verify').click();
    await showsStatus(monitor.page, 'verified');
    await monitor.page.getByTestId('action-publish').click();
    await monitor.page.getByTestId('publish-members').click();
    await showsStatus(monitor.page, 'published');
    expect(await monitor.page.getByTestId('status-timeline').textContent()).toContain(
      'Published to the member states',
    );

    // The author's open page followed the review live.
    await showsStatus(page, 'published');

    // Armenia's head of delegation now reads it among the reports, and on the map.
    const member = await newPage(browser);
    await signIn(member.page, 'am.head');
    await member.page.getByRole('link', { name: 'Reports', exact: true }).click();
    const listed = member.page.getByTestId('reports-table').locator('tr', { hasText: reference });
    await listed.waitFor(LONG);
    expect(await listed.textContent()).toContain(title);
    expect(await listed.textContent()).toContain('Armed clash');
    await member.page.locator(`[data-testid="report-point"][aria-label^="${reference}"]`).click();
    await member.page.waitForURL(new RegExp(`/reports/${reportId}$`), LONG);
    await showsStatus(member.page, 'published');
    // Published, the statement is read with it.
    const statement = member.page
      .getByTestId('attachments')
      .getByRole('link', { name: 'statement-vorukh.txt' });
    await statement.waitFor(LONG);
    const file = await member.page.request.get((await statement.getAttribute('href')) ?? '');
    expect(await file.text()).toContain('fire from the ridge');

    for (const p of [focal, monitor, member]) await p.context.close();
  });

  it('a correction on a version someone else has corrected meanwhile is refused plainly, and the latest is reloaded', async () => {
    const focal = await newPage(browser);
    await signIn(focal.page, 'kg.focal');
    const { report } = await post<{ report: { id: string } }>(focal.page, '/api/reports', {
      title: `Crowd gathered at the Kyzyl-Bel crossing ${Date.now()}`,
      category: 'peaceful-protest',
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
      region: 'kg-tj-border',
      submit: true,
    });

    // The monitor opens the correction in two tabs; the first saves, the second is behind.
    const monitor = await newPage(browser);
    await signIn(monitor.page, 'secretariat.monitor');
    const behind = await monitor.context.newPage();
    for (const p of [monitor.page, behind]) {
      await p.goto(`/reports/${report.id}/edit`);
      await p.getByTestId('report-form').waitFor(LONG);
    }
    await monitor.page.getByTestId('report-injured').fill('1');
    await monitor.page.getByTestId('report-reason').fill('One person hurt, says the district police');
    await monitor.page.getByTestId('save-correction').click();
    await monitor.page.waitForURL(new RegExp(`/reports/${report.id}$`), LONG);

    await behind.getByTestId('report-fatalities').fill('2');
    await behind.getByTestId('report-reason').fill('Two deaths reported');
    await behind.getByTestId('save-correction').click();
    await behind.getByTestId('stale-version').waitFor(LONG);
    await behind.getByTestId('reload-report').click();
    await behind.getByTestId('stale-version').waitFor({ state: 'detached' });
    // The form starts over from version 2, with the other correction in it.
    expect(await behind.getByTestId('report-injured').inputValue()).toBe('1');
    expect(await behind.getByTestId('report-fatalities').inputValue()).toBe('');

    // The history says who changed what, and why.
    await monitor.page.getByTestId('report-version').first().waitFor(LONG);
    const latest = await monitor.page.getByTestId('report-version').first().textContent();
    expect(latest).toContain('Version 2');
    expect(latest).toContain('One person hurt, says the district police');
    expect(latest).toContain('Injured');

    for (const p of [focal, monitor]) await p.context.close();
  });

  it('a CSV file of reports is refused whole with each bad line named, then imported once mended', async () => {
    const focal = await newPage(browser);
    const page = focal.page;
    await signIn(page, 'tj.focal');
    await page.goto('/reports');
    await page.getByTestId('import-reports').click();
    const form = page.getByTestId('reports-import-form');
    await form.waitFor(LONG);
    const stamp = Date.now();
    const header = 'title,category,occurred_at,latitude,longitude,region,injured';
    const good = `Roadblock on the Isfara road ${stamp},border-incident,2026-11-30T08:00:00Z,39.95,70.62,kg-tj-border,0`;
    const upload = (csv: string) =>
      form.locator('input[type="file"]').setInputFiles({
        name: 'reports.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv),
      });

    // Line 3 has a latitude off the globe, line 4 a category the file does not know.
    await upload(
      [
        header,
        good,
        `Shots heard ${stamp},armed-clash,2026-11-30T09:00:00Z,139.9,70.6,kg-tj-border,1`,
        `Crowd at the post ${stamp},picnic,2026-11-30T10:00:00Z,39.9,70.6,kg-tj-border,0`,
      ].join('\n'),
    );
    await page.getByTestId('import-submit').click();
    const errors = page.getByTestId('import-errors');
    await errors.getByText(/Line 3, latitude/).waitFor(LONG);
    await errors.getByText(/Line 4, category/).waitFor(LONG);
    if (process.env.ACCORD_SCREENSHOTS)
      await page.screenshot({ path: `${process.env.ACCORD_SCREENSHOTS}/reports-import-refused.png` });
    // Nothing of it was written.
    const none = (await (await page.request.get(`/api/reports?q=${stamp}`)).json()) as { items: unknown[] };
    expect(none.items).toHaveLength(0);

    // Mended, the file goes in whole, submitted for review.
    await upload(
      [header, good, `Shots heard ${stamp},armed-clash,2026-11-30T09:00:00Z,39.9,70.6,kg-tj-border,1`].join(
        '\n',
      ),
    );
    await page.getByTestId('import-submit').click();
    await page
      .getByTestId('import-result')
      .getByText(/2 reports imported and submitted for review/)
      .waitFor(LONG);
    const both = (await (await page.request.get(`/api/reports?q=${stamp}`)).json()) as {
      items: { status: string }[];
    };
    expect(both.items.map((r) => r.status)).toEqual(['submitted', 'submitted']);
    await focal.context.close();
  });

  it('a monitor keeps a collection and a saved filter: a report added from its page, the list narrowed to it', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'secretariat.monitor');
    await page.goto('/reports');
    const name = `Kyrgyzstan–Tajikistan border ${Date.now()}`;
    await page.getByTestId('new-collection').click();
    await page.getByTestId('collection-form-submit').click();
    await page.getByTestId('collection-form').getByText('This field is required').waitFor(LONG);
    await page.getByTestId('collection-form-name').fill(name);
    await page.getByTestId('collection-form-submit').click();
    await page.waitForURL(/collection=/, LONG);
    const collection = new URL(page.url()).searchParams.get('collection') ?? '';
    await page.getByTestId('reports-table').waitFor(LONG);

    // A published report is added from its page.
    const listed = (await (await page.request.get('/api/reports?status=published&limit=1')).json()) as {
      items: { id: string; reference: string }[];
    };
    const report = listed.items[0];
    expect(report).toBeDefined();
    await page.goto(`/reports/${report?.id}`);
    await page.getByTestId('add-to-collection').click();
    await page.getByRole('menuitem', { name }).click();
    await page.getByText(`Added to “${name}”.`).waitFor(LONG);

    // The list narrowed to the collection shows it alone; the filters are saved under a name.
    await page.goto(`/reports?collection=${collection}`);
    await page
      .getByTestId('reports-table')
      .locator('tr', { hasText: report?.reference ?? '?' })
      .waitFor(LONG);
    expect(await page.getByTestId('reports-table').locator('tbody tr').count()).toBe(1);
    await page.getByTestId('saved-filters').click();
    await page.getByTestId('save-filter').click();
    await page.getByTestId('filter-form-name').fill('My border collection');
    await page.getByTestId('filter-form-submit').click();
    await page.getByTestId('filter-form').waitFor({ state: 'detached', ...LONG });

    // Later, from the whole list, the saved filter brings the collection back.
    await page.goto('/reports');
    await page.getByTestId('saved-filters').click();
    await page.getByRole('menuitem', { name: 'My border collection' }).first().click();
    await page.waitForURL(new RegExp(`collection=${collection}`), LONG);
    await context.close();
  });
});
