import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { sql } from 'kysely';
import type { WebhookAllowedHost } from '../../config.ts';
import { TimedRunner } from '../../core/timed-runner.ts';
import type { Db, DbHandle } from '../../db/connect.ts';
import { DELIVERY_TIMEOUT_MS, MAX_ATTEMPTS, RETRY_DELAYS_S, WEBHOOKS_CHANNEL } from './schema.ts';
import { type ResolvedAddress, resolveTarget } from './target.ts';

// Deliveries are queued in the transaction of the change (commands.ts) and sent here, after
// commit. An attempt is claimed in a short transaction (FOR UPDATE SKIP LOCKED, then its
// next_attempt_at moves to the end of a lease), so no connection is held while the receiver
// answers and two processes never send one delivery at the same time. A process that dies
// mid-attempt leaves the lease to run out; the delivery is then tried again: receivers
// de-duplicate by X-Accord-Delivery.
//
// Each attempt first resolves the URL's host and checks every address (target.ts), then
// connects to the address checked: a delivery to a loopback, private or link-local address
// is refused (failed at once, logged as refused) unless the operator allows the host. The log
// tells a delegation what it needs (the receiver's status code; "refused"; "does not
// resolve"; "no answer") and no more: how a connection failed (refused, reset, timed out) and
// how long it took to fail would make the log a port scanner.

/** How long a claimed attempt keeps others off: well past the receiver's timeout. */
const LEASE_MS = DELIVERY_TIMEOUT_MS * 6;
/** Deliveries claimed per pass, sent in parallel. */
const BATCH = 16;

/** The wait before the next attempt after `failed` failed attempts (1-based), in seconds. */
export const retryDelaySeconds = (failed: number) =>
  RETRY_DELAYS_S[Math.min(Math.max(failed, 1), RETRY_DELAYS_S.length) - 1];

/**
 * The signature header's value: `sha256=` and the hex HMAC-SHA256, keyed by the webhook's
 * secret, of `<timestamp>.<body>` (the timestamp as sent in X-Accord-Timestamp, Unix seconds).
 */
export const signature = (secret: string, timestamp: string, body: string) =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/** The JSON body of a delivery, in a fixed key order. */
export const deliveryBody = (d: { id: string; event: string; occurred_at: Date; data: unknown }) =>
  JSON.stringify({ id: d.id, event: d.event, occurredAt: d.occurred_at.toISOString(), data: d.data });

interface Claimed {
  id: string;
  event: string;
  data: unknown;
  occurred_at: Date;
  attempts: number;
  url: string;
  secret: string;
}

/** Claims up to `limit` due deliveries: one attempt each, counted now. */
async function claimDue(db: Db, now: Date, limit: number): Promise<Claimed[]> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<Claimed>`
      with due as (
        select d.id from webhook_deliveries d
        where d.status = 'pending' and d.next_attempt_at <= ${now}::timestamptz
        order by d.next_attempt_at, d.id
        limit ${limit}
        for update of d skip locked)
      update webhook_deliveries d
      set attempts = d.attempts + 1,
          next_attempt_at = ${new Date(now.getTime() + LEASE_MS)}::timestamptz
      from due, webhooks w
      where d.id = due.id and w.id = d.webhook_id
      returning d.id, d.event, d.data, d.occurred_at, d.attempts, w.url, w.secret`.execute(trx);
    return rows.map((r) => ({ ...r, occurred_at: new Date(r.occurred_at) }));
  });
}

export interface AttemptResult {
  deliveryId: string;
  attempt: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  outcome: 'delivered' | 'retry' | 'failed';
}

/** How an attempt ended when no HTTP answer came: all a delegation is told of it. */
export const NO_ANSWER = 'no answer from the receiver';
export const NOT_RESOLVED = 'the host name does not resolve';

type Sent = { statusCode: number } | { error: string; final?: boolean };

/**
 * POSTs the body to the URL, connecting only to `pinned` when given (the address checked):
 * the socket's own lookup answers with it, so a second DNS answer is never used. Any failure
 * without an HTTP answer is one class, NO_ANSWER. Exported for its test.
 */
export function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
  pinned: ResolvedAddress | null,
) {
  const lookup: LookupFunction | undefined = pinned
    ? (_host, options, callback) => {
        if (options.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
        else callback(null, pinned.address, pinned.family);
      }
    : undefined;
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<Sent>((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup,
        // A fresh connection each time, to the address just checked.
        agent: false,
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
      },
      (res) => {
        // Redirects are not followed: a 3xx is the receiver's answer.
        resolve({ statusCode: res.statusCode ?? 0 });
        res.resume();
        res.on('error', () => {});
      },
    );
    req.on('error', () => resolve({ error: NO_ANSWER }));
    req.end(body);
  });
}

/** Resolves and checks the target, then POSTs to the address checked. */
async function send(
  d: Claimed,
  headers: Record<string, string>,
  body: string,
  allowHosts: readonly WebhookAllowedHost[],
): Promise<Sent> {
  let url: URL;
  try {
    url = new URL(d.url);
  } catch {
    return { error: 'refused: not a URL', final: true };
  }
  const target = await resolveTarget(url, allowHosts);
  if (target.kind === 'refused')
    return { error: 'refused: the address is not public and the operator does not allow it', final: true };
  if (target.kind === 'unresolved') return { error: NOT_RESOLVED };
  if (url.protocol !== 'https:' && target.kind !== 'allowed')
    return { error: 'refused: plain http only to a host the operator allows', final: true };
  return post(url, headers, body, target.kind === 'checked' ? target.address : null);
}

/** POSTs one claimed delivery and records the attempt and what follows from it. */
async function attempt(
  db: Db,
  d: Claimed,
  now: () => Date,
  allowHosts: readonly WebhookAllowedHost[],
): Promise<AttemptResult> {
  const body = deliveryBody(d);
  const started = now();
  const timestamp = String(Math.floor(started.getTime() / 1000));
  const t0 = performance.now();
  const sent = await send(
    d,
    {
      'content-type': 'application/json',
      'user-agent': 'Accord-Webhooks/1',
      'x-accord-signature': signature(d.secret, timestamp, body),
      'x-accord-timestamp': timestamp,
      'x-accord-delivery': d.id,
      'x-accord-event': d.event,
    },
    body,
    allowHosts,
  );
  const statusCode = 'statusCode' in sent ? sent.statusCode : null;
  const error =
    'error' in sent
      ? sent.error
      : sent.statusCode < 200 || sent.statusCode > 299
        ? `answered ${sent.statusCode}`
        : null;
  // How long the receiver took to answer; 0 when none did (see above).
  const durationMs = statusCode === null ? 0 : Math.round(performance.now() - t0);
  const delivered = error === null;
  const final = 'error' in sent && sent.final === true;
  const outcome = delivered ? 'delivered' : final || d.attempts >= MAX_ATTEMPTS ? 'failed' : 'retry';
  const finished = now();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('webhook_attempts')
      .values({ delivery_id: d.id, at: started, status_code: statusCode, error, duration_ms: durationMs })
      .execute();
    await trx
      .updateTable('webhook_deliveries')
      .set({
        status: outcome === 'retry' ? 'pending' : outcome,
        // From the start when no answer came: when it gave up says how it failed.
        next_attempt_at:
          outcome === 'retry'
            ? new Date(
                (statusCode === null ? started : finished).getTime() + retryDelaySeconds(d.attempts) * 1000,
              )
            : null,
        last_status_code: statusCode,
        last_error: error,
        ...(delivered ? { delivered_at: finished } : {}),
      })
      .where('id', '=', d.id)
      .where('status', '=', 'pending')
      .execute();
  });
  return { deliveryId: d.id, attempt: d.attempts, statusCode, error, durationMs, outcome };
}

/**
 * Makes every attempt due at `now`, batch by batch, until none is due.
 *
 * @example await deliverDue(db, new Date());
 */
export async function deliverDue(
  db: Db,
  now: Date,
  opts: {
    clock?: () => Date;
    log?: (err: unknown) => void;
    /** Hosts allowed although not public, or by plain http (Config.webhookAllowHosts). */
    allowHosts?: readonly WebhookAllowedHost[];
  } = {},
): Promise<AttemptResult[]> {
  const results: AttemptResult[] = [];
  for (;;) {
    const claimed = await claimDue(db, now, BATCH);
    if (claimed.length === 0) break;
    const settled = await Promise.allSettled(
      claimed.map((d) => attempt(db, d, opts.clock ?? (() => new Date()), opts.allowHosts ?? [])),
    );
    for (const s of settled) {
      if (s.status === 'fulfilled') results.push(s.value);
      else (opts.log ?? defaultLog)(s.reason);
    }
    if (claimed.length < BATCH) break;
  }
  return results;
}

/** When the next attempt is due, or null when nothing is queued. */
export async function nextDelivery(db: Db): Promise<Date | null> {
  const row = await db
    .selectFrom('webhook_deliveries')
    .select((eb) => eb.fn.min('next_attempt_at').as('next'))
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return row?.next ? new Date(row.next as Date | string) : null;
}

const defaultLog = (err: unknown) => console.error('accord: a webhook delivery failed', err);

export interface WebhookRunnerOptions {
  /** Hosts allowed although not public, or by plain http (Config.webhookAllowHosts). */
  allowHosts?: readonly WebhookAllowedHost[];
  maxSleepMs?: number;
  now?: () => Date;
  onAttempt?: (result: AttemptResult) => void;
  log?: (err: unknown) => void;
}

/**
 * Sends queued webhook deliveries after commit: at start whatever is due, then at each
 * next attempt (see TimedRunner); a NOTIFY on `accord_webhooks` (a delivery queued) wakes it
 * at once. Any number of processes may run one on the same database.
 */
export class WebhookRunner extends TimedRunner {
  constructor(
    handle: DbHandle,
    private readonly opts: WebhookRunnerOptions = {},
  ) {
    super(handle, WEBHOOKS_CHANNEL, {
      maxSleepMs: opts.maxSleepMs ?? 30_000,
      now: opts.now,
      log: opts.log ?? defaultLog,
    });
  }

  /** One pass now, with an explicit clock: for tests. */
  deliverDue(now = this.now()) {
    return deliverDue(this.handle.db, now, {
      clock: this.now,
      log: this.opts.log,
      allowHosts: this.opts.allowHosts,
    });
  }

  protected async pass(now: Date) {
    const results = await this.deliverDue(now);
    for (const r of results) this.opts.onAttempt?.(r);
    return results.length;
  }

  protected nextDue() {
    return nextDelivery(this.handle.db);
  }
}
