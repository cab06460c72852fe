import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, signIn } from './browser.ts';

const BODY = 'council-of-foreign-ministers';
/** Generous: the live stream, the deadline runner and a loaded CI machine all take their time. */
const LONG = { timeout: 45_000 };

interface ListItem {
  id: string;
  title: string;
  openProcedure: { id: string; kind: string; deadline: string | null } | null;
}

/** Calls the API as the page's signed-in person, with the session's CSRF token. */
async function apiPost<T>(page: Page, path: string, data: unknown): Promise<T> {
  const session = (await (await page.request.get('/api/auth/session')).json()) as { csrfToken: string };
  const response = await page.request.post(path, { data, headers: { 'X-CSRF-Token': session.csrfToken } });
  const body = await response.text();
  expect(response.ok(), `${path}: ${response.status()} ${body}`).toBe(true);
  return JSON.parse(body) as T;
}

/** The chair drafts a proposal with two points and opens a procedure on it through the API. */
async function draftAndOpen(chair: Page, title: string, procedure: Record<string, unknown>): Promise<string> {
  const { proposal } = await apiPost<{ proposal: { id: string } }>(chair, '/api/proposals', {
    body: BODY,
    title,
    text: 'Draft decision written by the browser tests.',
    points: [{ text: 'To approve the plan.' }, { text: 'To report on it next year.' }],
  });
  await apiPost(chair, `/api/proposals/${proposal.id}/procedures`, procedure);
  return proposal.id;
}

/** Marks the page so that a reload (which would drop the mark) can be noticed. */
const mark = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { __noReload: boolean }).__noReload = true;
  });
const stillMarked = (page: Page) =>
  page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload === true);

describe('decisions', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a delegate breaks silence and another person sees it live, without a reload', async () => {
    const chair = await newPage(browser);
    await signIn(chair.page, 'secretariat.admin');

    // The demo's open silence procedure, or one made now if the demo has none.
    const open = (await (await chair.page.request.get('/api/proposals?view=open')).json()) as {
      items: ListItem[];
    };
    let demo = open.items.find((p) => p.openProcedure?.kind === 'silence');
    if (!demo) {
      const deadline = new Date(Date.now() + 3 * 86_400_000).toISOString();
      const id = await draftAndOpen(chair.page, 'Silence procedure for the browser tests', {
        kind: 'silence',
        deadline,
      });
      demo = { id, title: 'Silence procedure for the browser tests', openProcedure: null };
    }

    // The chair watches the proposal page.
    await chair.page.goto(`/proposals/${demo.id}`);
    await chair.page.getByTestId('stance-board').waitFor();
    expect(await chair.page.getByTestId('stance-AM-1').textContent()).toContain('No answer');
    await mark(chair.page);

    // The head of delegation of Armenia finds it in the list and reads the rule.
    const delegate = await newPage(browser);
    await signIn(delegate.page, 'am.head');
    await delegate.page.getByRole('link', { name: 'Proposals' }).click();
    await delegate.page.getByTestId('view-open').click();
    await delegate.page.getByRole('link', { name: demo.title }).click();
    const rule = delegate.page.getByTestId('rule-sentence');
    await rule.waitFor();
    expect(await rule.textContent()).toMatch(
      /Adopted on .* at \d{2}:\d{2} Moscow time.*unless a member state objects/,
    );
    await delegate.page.getByTestId('countdown').waitFor();
    expect(await delegate.page.getByTestId('countdown').textContent()).toMatch(/left/);

    // Break silence: the text is required, then a confirmation.
    await delegate.page.getByTestId('break-silence').click();
    const form = delegate.page.getByTestId('break-silence-form');
    await form.waitFor();
    await delegate.page.getByTestId('break-silence-review').click();
    await form.getByText('This field is required').waitFor();
    const objection = 'Armenia needs the opinion of its Ministry of Defence before it can agree.';
    await form.getByLabel(/The objection/).fill(objection);
    await delegate.page.getByTestId('break-silence-review').click();
    await delegate.page.getByTestId('break-silence-confirm').waitFor();
    expect(await delegate.page.getByRole('dialog').textContent()).toContain('stays on the record');
    await delegate.page.getByTestId('break-silence-confirm-button').click();
    await delegate.page.getByTestId('break-silence-confirm').waitFor({ state: 'detached', ...LONG });
    await delegate.page.getByTestId('stance-AM-1').getByText('Objection').waitFor(LONG);

    // The chair sees it arrive on the board and in the statements, without a reload.
    await chair.page.getByTestId('stance-AM-1').getByText('Objection').waitFor(LONG);
    await chair.page.getByTestId('stance-AM-3').getByText('Objection').waitFor(LONG);
    await chair.page.getByTestId('statement-AM-1').getByText(objection).waitFor(LONG);
    expect(await stillMarked(chair.page)).toBe(true);

    await delegate.context.close();
    await chair.context.close();
  });

  it('shows the outcome of a short silence procedure at its expiry, without a reload', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'secretariat.admin');
    const title = `Short silence procedure ${Date.now()}`;
    const id = await draftAndOpen(page, title, {
      kind: 'silence',
      deadline: new Date(Date.now() + 20_000).toISOString(),
    });

    await page.goto(`/proposals/${id}`);
    await page.getByTestId('countdown').waitFor();
    expect(await page.getByTestId('procedure-status').textContent()).toBe('Open');
    await page.getByTestId('stance-board').waitFor();
    await mark(page);

    // Nobody objects: at the deadline the server records the outcome and the page shows it.
    const outcome = page.locator('[data-testid="outcome"][data-result="adopted"]');
    await outcome.waitFor({ timeout: 75_000 });
    expect(await outcome.textContent()).toContain('Silence was kept until the deadline.');
    expect(await page.getByTestId('procedure-status').textContent()).toBe('Closed');
    await page.locator('[data-testid="proposal-status"][data-status="adopted"]').waitFor(LONG);
    await page.getByTestId('decision-link').waitFor(LONG);
    expect(await page.getByTestId('countdown').count()).toBe(0);
    expect(await stillMarked(page)).toBe(true);
    await context.close();
  }, 120_000);

  it('prints a decision: a print stylesheet without navigation, and a PDF', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'by.head');
    const list = (await (await page.request.get('/api/decisions')).json()) as {
      items: {
        id: string;
        title: string;
        number: number;
        year: number;
        record: { seq: number; hash: string };
      }[];
    };
    const decision = list.items.find((d) => d.title.startsWith('International conference')) ?? list.items[0];
    expect(decision).toBeDefined();

    await page.getByRole('link', { name: 'Adopted decisions' }).click();
    await page
      .getByTestId('decisions-table')
      .getByRole('link', { name: `No. ${decision.number}, ${decision.year}` })
      .click();
    const heading = page.getByTestId('decision-number');
    await heading.waitFor();
    expect(await heading.textContent()).toBe(`Decision No. ${decision.number}, ${decision.year}`);
    const hash = (await page.getByTestId('decision-hash').textContent()) ?? '';
    expect(hash).toContain(decision.record.hash);
    expect(hash).toContain(String(decision.record.seq));
    await page.getByTestId('decision-points').waitFor();

    // The Print button asks the browser to print.
    await page.evaluate(() => {
      window.print = () => {
        (window as unknown as { __printed: boolean }).__printed = true;
      };
    });
    await page.getByTestId('print-decision').click();
    expect(await page.evaluate(() => (window as unknown as { __printed?: boolean }).__printed)).toBe(true);

    const navigation = page.getByRole('navigation', { name: 'Main navigation' });
    expect(await navigation.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await navigation.isVisible()).toBe(false);
    expect(await page.getByTestId('print-decision').isVisible()).toBe(false);
    expect(await page.getByTestId('demo-banner').isVisible()).toBe(false);
    expect(await page.getByTestId('user-menu').isVisible()).toBe(false);
    expect(await page.getByTestId('decision-document').isVisible()).toBe(true);

    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5_000);
    await page.emulateMedia({ media: 'screen' });
    expect(await navigation.isVisible()).toBe(true);
    await context.close();
  });

  it('an observer opens the public decision from the home page, and finds it in the register', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'un.observer');
    // From here on, nothing the pages ask of the server may be refused (a 404 would mean a rule missed).
    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.url().includes('/api/') && response.status() >= 400)
        refused.push(`${response.status()} ${response.url()}`);
    });
    const item = page.getByTestId('recent').locator('[data-kind="decisions.decision_adopted"]').first();
    await item.waitFor(LONG);
    const title = ((await item.getByRole('link').textContent()) ?? '').trim();
    await item.getByRole('link').click();
    await page.getByTestId('decision-document').waitFor(LONG);
    expect(new URL(page.url()).pathname).toMatch(/^\/decisions\/[0-9a-f-]{36}$/);
    expect(await page.getByTestId('decision-document').textContent()).toContain(title);
    await page.getByTestId('decision-points').waitFor();
    const heading = (await page.getByTestId('decision-number').textContent()) ?? '';
    // The published decision alone: no way into its proposal, and nothing asked of the server is refused.
    expect(await page.getByTestId('decision-proposal').count()).toBe(0);
    expect(await page.getByTestId('print-decision').isVisible()).toBe(true);
    expect(refused).toEqual([]);

    await page.getByRole('link', { name: 'Adopted decisions' }).click();
    const table = page.getByTestId('decisions-table');
    await table.waitFor();
    const label = heading.replace(/^Decision /, '');
    await table.getByRole('link', { name: label }).click();
    await page.getByTestId('decision-document').waitFor(LONG);
    expect(await page.getByTestId('decision-number').textContent()).toBe(heading);
    expect(refused).toEqual([]);
    await context.close();
  });

  it('the chair writes a proposal in the wizard and opens a procedure, the rule explained first', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'secretariat.admin');
    await page.getByRole('link', { name: 'Proposals' }).click();
    await page.getByTestId('new-proposal').click();

    const title = `Wizard proposal ${Date.now()}`;
    await page.getByTestId('wizard-body').click();
    await page.getByRole('option', { name: 'Council of Foreign Ministers' }).click();
    await page.getByTestId('wizard-title').fill(title);
    await page.getByTestId('wizard-text').fill('The Council,\n\n**decides**:');
    await page.getByTestId('wizard-next').click();

    await page.getByTestId('wizard-point-1').fill('To hold the exercise in spring.');
    await page.getByTestId('wizard-add-point').click();
    await page.getByTestId('wizard-point-2').fill('To invite observers.');
    await page.getByTestId('wizard-next').click();

    // Saved as a draft; the chair may open a procedure: a silence procedure by default.
    await page.getByTestId('procedure-form').waitFor(LONG);
    // The picker offers no date beyond the organisation's horizon (365 days in the demo file).
    expect(await page.getByTestId('procedure-form').textContent()).toContain('at most 365 days ahead');
    const year = new Date().getFullYear();
    if (year % 10 <= 7) {
      await page.getByTestId('deadline-picker').click();
      const level = page.locator('[data-level-control]');
      await level.click(); // the months of the year
      await level.click(); // the years of the decade
      const tooFar = page.getByRole('button', { name: String(year + 2), exact: true });
      expect(await tooFar.getAttribute('data-disabled')).toBe('true');
      expect(
        await page.getByRole('button', { name: String(year), exact: true }).getAttribute('data-disabled'),
      ).toBeNull();
      await page.keyboard.press('Escape');
    }
    await page.getByTestId('wizard-next').click();
    const sentence = page.getByTestId('wizard-rule-sentence');
    await sentence.waitFor();
    expect(await sentence.textContent()).toMatch(
      /^Adopted on .* at 18:00 Moscow time.*unless a member state objects/,
    );

    await page.getByTestId('wizard-open').click();
    await page.getByTestId('proposal-title').getByText(title).waitFor(LONG);
    await page.getByTestId('countdown').waitFor(LONG);
    expect(await page.getByTestId('rule-sentence').textContent()).toContain('18:00 Moscow time');
    expect(await page.getByTestId('points').textContent()).toContain('To invite observers.');
    await context.close();
  });
});
