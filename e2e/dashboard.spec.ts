import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, signIn } from './browser.ts';

/** Generous: the live stream and a loaded CI machine take their time. */
const LONG = { timeout: 45_000 };

interface HomeItem {
  kind: string;
  subjectId: string;
  title: string;
  path: string;
  dueAt: string | null;
  details: Record<string, unknown>;
}

/** Calls the API as the page's signed-in person, with the session's CSRF token. */
async function apiPost(page: Page, path: string, data: unknown): Promise<void> {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const response = await page.request.post(path, { data, headers: { 'X-CSRF-Token': session.csrfToken } });
  expect(response.ok(), `${path}: ${response.status()} ${await response.text()}`).toBe(true);
}

/** Marks the page so that a reload (which would drop the mark) can be noticed. */
const mark = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { __noReload: boolean }).__noReload = true;
  });
const stillMarked = (page: Page) =>
  page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true);

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

  it("a head of delegation sees the demo's open silence procedure and the leg to decide, and opens them", async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'ru.head');
    // The demo: a silence procedure open in the council (Kazakhstan agreed, Russia has not
    // answered) and a convoy of Belarus across BY, RU and KZ that Russia must decide.
    const open = (await (await page.request.get('/api/proposals?view=open')).json()) as {
      items: { id: string; title: string; openProcedure: { id: string; kind: string } | null }[];
    };
    const silence = open.items.find((p) => p.openProcedure?.kind === 'silence');
    expect(silence, 'the demo has an open silence procedure').toBeDefined();
    const toDecide = (await (await page.request.get('/api/clearances?toDecide=true')).json()) as {
      items: { id: string; title: string; reference: string }[];
    };
    expect(toDecide.items.length, 'the demo has a leg for Russia to decide').toBeGreaterThan(0);
    const leg = toDecide.items[0];

    await page.goto('/');
    const attention = page.getByTestId('attention');
    await attention.waitFor(LONG);
    const decisions = attention.locator('[data-testid="attention-group"][data-module="decisions"]');
    const clearances = attention.locator('[data-testid="attention-group"][data-module="clearances"]');
    const stance = decisions.locator('[data-testid="attention-item"][data-kind="decisions.stance_due"]', {
      hasText: silence!.title,
    });
    await stance.waitFor(LONG);
    expect(await stance.textContent()).toContain("Russia has not answered: give your state's stance");
    expect(await stance.getByTestId('due').textContent()).toMatch(/^in \d+ d \d+ h$/);
    const legRow = clearances.locator(
      '[data-testid="attention-item"][data-kind="clearances.leg_to_decide"]',
      {
        hasText: leg.title,
      },
    );
    await legRow.waitFor();
    expect(await legRow.textContent()).toContain(`${leg.reference} from Belarus: Russia must decide`);
    expect(await legRow.getByTestId('due').textContent()).toMatch(/^in \d+/);
    // Counts: per group and in all.
    const total = Number(await attention.getByTestId('attention-count').textContent());
    const inGroups = await attention.getByTestId('attention-item').count();
    expect(total).toBe(inGroups);
    expect(total).toBeGreaterThanOrEqual(2);
    // Recently closed: the demo's adopted decision and the procedure broken by an objection.
    const recent = page.getByTestId('recent');
    await recent.locator('[data-kind="decisions.decision_adopted"]').first().waitFor();
    await recent.locator('[data-kind="decisions.procedure_closed"]').first().waitFor();

    // Each line opens its page.
    await legRow.getByRole('link').click();
    await page.waitForURL(`**/clearances/${leg.id}`);
    await page.getByTestId('request-status').first().waitFor(LONG);
    await page.goBack();
    await stance.getByRole('link').click();
    await page.waitForURL(`**/proposals/${silence!.id}`);
    await page.getByTestId('proposal-title').waitFor(LONG);
    await context.close();
  });

  it('refreshes live: once the state answers, the line goes without a reload', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'tj.head');
    const home = (await (await page.request.get('/api/home')).json()) as { attention: HomeItem[] };
    const due = home.attention.find((i) => i.kind === 'decisions.stance_due');
    expect(due, 'Tajikistan has a stance to give in the demo').toBeDefined();
    await page.goto('/');
    const row = page
      .getByTestId('attention')
      .locator(`[data-testid="attention-item"][data-kind="decisions.stance_due"]`, { hasText: due!.title });
    await row.waitFor(LONG);
    await mark(page);
    const procedure = (await (await page.request.get(`/api/procedures/${due!.subjectId}`)).json()) as {
      procedure: { points: { key: string }[] };
    };
    await apiPost(page, `/api/procedures/${due!.subjectId}/stances`, {
      stances: procedure.procedure.points.map((p) => ({ point: p.key, kind: 'agree' })),
    });
    await row.waitFor({ state: 'detached', ...LONG });
    expect(await stillMarked(page)).toBe(true);
    await context.close();
  });

  it('an observer sees the public adopted decisions, and that nothing waits on them', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'un.observer');
    await page.getByTestId('attention-empty').waitFor(LONG);
    expect(await page.getByTestId('attention-empty').textContent()).toContain('Nothing waits on you.');
    const recent = page.getByTestId('recent');
    await recent.locator('[data-kind="decisions.decision_adopted"]').first().waitFor();
    expect(await recent.locator('[data-kind^="clearances."]').count()).toBe(0);
    expect(await recent.locator('[data-kind="decisions.procedure_closed"]').count()).toBe(0);
    // The navigation offers the register of decisions, not proposals they cannot read.
    await page.getByRole('link', { name: 'Adopted decisions' }).waitFor();
    expect(await page.getByRole('link', { name: 'Proposals', exact: true }).count()).toBe(0);
    await context.close();
  });
});
