import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, signIn } from './browser.ts';

/** A national system's receiver on 127.0.0.1 and a random port: answers 200, keeps what it got. */
async function startReceiver() {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/accord`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe('national systems (webhooks)', () => {
  let browser: Browser;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  beforeAll(async () => {
    browser = await launchBrowser();
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
  });

  it('lets the head of delegation add a webhook, see its secret once, and send a signed test event', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'by.head');
    await page.getByRole('link', { name: 'National systems' }).click();
    await page.getByRole('heading', { name: 'National systems (webhooks)' }).waitFor();

    await page.getByRole('button', { name: 'Add a webhook' }).click();
    const form = page.getByRole('dialog', { name: 'Add a webhook' });
    await form.getByLabel('URL').fill(receiver.url);
    await form.getByLabel('Description').fill('Border service gateway');
    await form.getByRole('button', { name: 'Add webhook' }).click();

    // The secret, shown this once.
    const shown = page.getByRole('dialog', { name: 'Signing secret' });
    const secret = (await shown.getByTestId('webhook-secret').textContent())?.trim() ?? '';
    expect(secret).toMatch(/^whsec_\S+$/);
    await shown.getByRole('button', { name: 'Done' }).click();
    await shown.waitFor({ state: 'hidden' });
    expect(await page.content()).not.toContain(secret);

    const row = page.getByTestId('webhooks-table').getByRole('row').filter({ hasText: receiver.url });
    await row.waitFor();
    expect(await row.textContent()).toContain('All events');
    expect(await row.textContent()).toContain('Active');

    await row.getByRole('button', { name: 'Send test event' }).click();
    const panel = page.getByTestId('deliveries-panel');
    const delivery = panel.getByTestId('delivery-row').first();
    // The panel asks again every few seconds until the runner has sent it.
    await delivery.locator('[data-status="delivered"]').waitFor({ timeout: 30_000 });
    expect(await delivery.textContent()).toContain('Test (ping)');
    await delivery.getByRole('button', { name: 'Show attempts' }).click();
    const attempts = panel.getByTestId('attempts-table');
    await attempts.waitFor();
    expect(await attempts.textContent()).toContain('200');

    // The receiver got it, signed with the secret: HMAC-SHA256 of "<timestamp>.<body>".
    expect(receiver.received).toHaveLength(1);
    const [{ headers, body }] = receiver.received;
    const timestamp = String(headers['x-accord-timestamp']);
    const expected = `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
    expect(headers['x-accord-signature']).toBe(expected);
    expect(headers['x-accord-event']).toBe('ping');
    expect(JSON.parse(body)).toMatchObject({ event: 'ping', data: { state: 'BY', test: true } });

    // Removing it (confirmed) leaves the delegation without webhooks again.
    await row.getByRole('button', { name: `More actions for ${receiver.url}` }).click();
    await page.getByRole('menuitem', { name: 'Delete' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete this webhook?' });
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await row.waitFor({ state: 'detached' });
    await context.close();
  });
});
