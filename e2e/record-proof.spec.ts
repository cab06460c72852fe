import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseVerifierKey } from '../src/modules/ledger/note.ts';
import { readWitnessKey, witnessOnce } from '../src/modules/ledger/witness.ts';
import { baseUrl, launchBrowser, newPage, signIn } from './browser.ts';

// Where a decision's and a certificate's record entries stand, and their inclusion proofs
// checked in Chromium's own WebCrypto: first signed by the server alone, then witnessed once
// two member states' witnesses (the demo's published witness keys, run as a state would run
// `accord witness run`) co-signed the checkpoint.

const LONG = { timeout: 20_000 };
const ROOT = join(import.meta.dirname, '..');

let browser: Browser;
let stateDirs: string;
/** The checkpoint the witnesses co-signed. */
let witnessedSize = 0;

beforeAll(async () => {
  browser = await launchBrowser();
  stateDirs = mkdtempSync(join(tmpdir(), 'accord-e2e-witness-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(stateDirs, { recursive: true, force: true });
});

async function firstDecisionId(page: Page): Promise<string> {
  const response = await page.request.get('/api/decisions');
  expect(response.status()).toBe(200);
  const { items } = (await response.json()) as { items: { id: string }[] };
  expect(items.length).toBeGreaterThan(0);
  return items[items.length - 1].id;
}

/** Clicks "Check the proof in this browser" and waits for the verdict. */
async function checkProof(page: Page) {
  await page.getByTestId('proof-check-button').click();
  const result = page.getByTestId('proof-check-result');
  await result.waitFor(LONG);
  const steps = await result
    .getByTestId('proof-step')
    .evaluateAll((items) =>
      Object.fromEntries(
        items.map((item) => [item.getAttribute('data-step'), item.getAttribute('data-status')]),
      ),
    );
  return {
    ok: await result.getAttribute('data-ok'),
    witnessed: await result.getAttribute('data-witnessed'),
    text: (await result.textContent()) ?? '',
    steps,
  };
}

/** Two member states' witnesses co-sign the newest checkpoint, over HTTP, with the demo keys. */
async function witnessesCosign(): Promise<number> {
  const keys = (await (await fetch(`${baseUrl()}/api/ledger/public-keys`)).json()) as {
    items: { verifierKey: string | null }[];
  };
  const logKeys = keys.items.flatMap((k) => (k.verifierKey ? [parseVerifierKey(k.verifierKey)] : []));
  let size = 0;
  for (const name of ['witness.by', 'witness.kz']) {
    const outcome = await witnessOnce({
      name,
      privateKey: readWitnessKey(join(ROOT, 'demo', 'witnesses', `${name}.pem`)),
      logUrl: baseUrl(),
      logKeys,
      stateDir: join(stateDirs, name),
    });
    expect(outcome.kind).toBe('cosigned');
    if (outcome.kind === 'cosigned') size = outcome.size;
  }
  return size;
}

describe('record standing and in-browser proofs', () => {
  it('a decision signed by the server alone: its proof holds in the browser, the co-signatures pending', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'by.head');
    await page.goto(`/decisions/${await firstDecisionId(page)}`);
    const standing = page.getByTestId('record-standing');
    await standing.waitFor(LONG);

    const check = await checkProof(page);
    expect(check.ok).toBe('true');
    expect(check.witnessed).toBe('false');
    expect(check.steps).toEqual({
      payload: 'passed',
      entry: 'passed',
      leaf: 'passed',
      checkpoint: 'passed',
      inclusion: 'passed',
      logSignature: 'passed',
      cosignatures: 'pending',
    });
    expect(check.text).toContain('The proof holds in this browser');
    expect(check.text).toContain('Not yet witnessed: 0 of the 2 co-signatures needed hold.');

    // The proof needed a checkpoint: the page now says the entry is signed, not yet witnessed.
    await page.locator('[data-testid="record-standing"][data-standing="signed"]').waitFor(LONG);
    expect(await standing.getByTestId('standing-sentence').textContent()).toBe(
      'Signed by the server, not yet witnessed (0 of 2).',
    );
    await context.close();
  });

  it('once two witnesses co-signed, the decision is witnessed, naming them and their states, and the browser checks their signatures', async () => {
    witnessedSize = await witnessesCosign();
    expect(witnessedSize).toBeGreaterThan(0);
    const { context, page } = await newPage(browser);
    await signIn(page, 'by.head');
    await page.goto(`/decisions/${await firstDecisionId(page)}`);
    await page.locator('[data-testid="record-standing"][data-standing="witnessed"]').waitFor(LONG);
    expect(await page.getByTestId('standing-sentence').textContent()).toBe(
      `Witnessed in checkpoint of size ${witnessedSize.toLocaleString('en-GB')} by witness.by (Belarus), witness.kz (Kazakhstan) — 2 of 2 needed.`,
    );

    const check = await checkProof(page);
    expect(check).toMatchObject({ ok: 'true', witnessed: 'true' });
    expect(Object.values(check.steps)).toEqual(Array(7).fill('passed'));
    expect(check.text).toContain(
      "The witnesses' co-signatures hold: witness.by, witness.kz (2 of 2 needed).",
    );
    await context.close();
  });

  it('a certificate shows the same standing to anyone holding its code, and its proof checks for a signed-in reader', async () => {
    const admin = await newPage(browser);
    await signIn(admin.page, 'secretariat.admin');
    const response = await admin.page.request.get('/api/clearances');
    const { items } = (await response.json()) as {
      items: { id: string; status: string; verificationCode: string | null }[];
    };
    // A certificate the witnesses' checkpoint covers (one issued before the previous test made
    // it; a request cleared since, by another spec or by tacit consent, is in no witnessed one yet).
    let cleared: (typeof items)[number] | undefined;
    for (const r of items.filter((i) => i.status === 'cleared' && i.verificationCode)) {
      const v = (await (await admin.page.request.get(`/api/verify/${r.verificationCode}`)).json()) as {
        record: { checkpoint: { witnessed: boolean } | null } | null;
      };
      if (v.record?.checkpoint?.witnessed) {
        cleared = r;
        break;
      }
    }
    expect(cleared).toBeDefined();

    // A border post, not signed in: the standing in words, no proof to fetch.
    const post = await newPage(browser);
    await post.page.goto(`/verify/${cleared!.verificationCode}`);
    const standing = post.page.locator('[data-testid="record-standing"][data-standing="witnessed"]');
    await standing.waitFor(LONG);
    const sentence = (await standing.getByTestId('standing-sentence').textContent()) ?? '';
    expect(sentence).toMatch(
      /^Witnessed in checkpoint of size [\d,]+ by witness\.by \(Belarus\), witness\.kz \(Kazakhstan\) — 2 of 2 needed\.$/,
    );
    expect(await post.page.getByTestId('proof-check-button').count()).toBe(0);
    expect(await standing.textContent()).toContain('Signed-in members can check');
    // In Russian too, with the states named without the directory.
    await post.page.getByTestId('language-switch').getByText('RU').click();
    await post.page.locator('html[lang="ru"]').waitFor({ state: 'attached' });
    expect(await standing.getByTestId('standing-sentence').textContent()).toMatch(
      /^Засвидетельствовано в контрольной точке размера .+: witness\.by \(Беларусь\), witness\.kz \(Казахстан\) — 2 из 2 необходимых\.$/,
    );
    await post.context.close();

    // The requesting side's certificate page: the proof checked in the browser.
    await admin.page.goto(`/clearances/${cleared!.id}/certificate`);
    await admin.page.locator('[data-testid="verification"][data-verified="true"]').waitFor(LONG);
    const check = await checkProof(admin.page);
    expect(check).toMatchObject({ ok: 'true', witnessed: 'true' });
    expect(Object.values(check.steps)).toEqual(Array(7).fill('passed'));
    await admin.context.close();
  });

  it('the record page lists the witnesses and the checkpoints they co-signed; Verify is offered only to those who may', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'by.head');
    await page.goto('/record');
    await page.getByTestId('verify-record').waitFor(LONG);
    await page.getByTestId('record-tab-checkpoints').click();

    const witnesses = page.getByTestId('witness-table');
    await witnesses.waitFor(LONG);
    expect(await page.getByTestId('witness-quorum').textContent()).toBe(
      '2 co-signatures among 3 witnesses make a checkpoint witnessed.',
    );
    const rows = witnesses.locator('tbody tr');
    expect(await rows.count()).toBe(3);
    const size = witnessedSize.toLocaleString('en-GB');
    const byRow = rows.filter({ hasText: 'witness.by' });
    expect(await byRow.textContent()).toContain('Belarus');
    expect(await byRow.textContent()).toContain(`Checkpoint of size ${size}`);
    expect(await rows.filter({ hasText: 'witness.am' }).textContent()).toContain('Nothing co-signed yet');

    const checkpoint = page
      .getByTestId('checkpoint-table')
      .locator('tbody tr')
      .filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${size}$`) }) });
    await checkpoint.waitFor(LONG);
    expect(await checkpoint.getByTestId('checkpoint-witnessed').textContent()).toBe('Witnessed (2 of 2)');
    expect(await checkpoint.textContent()).toContain('witness.by (Belarus), witness.kz (Kazakhstan)');
    await context.close();

    // A delegate may read the record but not run the full verification.
    const delegate = await newPage(browser);
    await signIn(delegate.page, 'by.delegate');
    await delegate.page.goto('/record');
    await delegate.page.getByTestId('ledger-table').locator('tbody tr').first().waitFor(LONG);
    expect(await delegate.page.getByTestId('verify-record').count()).toBe(0);
    await delegate.context.close();
  });
});
