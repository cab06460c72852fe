import { sql } from 'kysely';
import type { Config } from '../../config.ts';
import { personFromRow } from '../../core/actor.ts';
import type { EmailFacts } from '../../core/module.ts';
import { TimedRunner } from '../../core/timed-runner.ts';
import type { Db, DbHandle } from '../../db/connect.ts';
import type { Locale, NotificationKind } from '../../db/schema.ts';
import { composeEmail } from './email-text.ts';
import { type Mailer, smtpMailer } from './mailer.ts';
import { EMAIL_CHANNEL, EMAIL_MAX_AGE_MS, EMAIL_MAX_ATTEMPTS, EMAIL_RETRY_DELAYS_S } from './schema.ts';
import {
  notificationSubjectFacts,
  notificationSubjectPath,
  notificationSubjectsVisibleTo,
} from './subjects.ts';
import { formatInZone } from './time.ts';

// E-mails are queued by emit() in the transaction that writes their notification (an
// outbox, `notification_emails`) and sent here, after commit. An attempt is claimed in a
// short transaction (FOR UPDATE SKIP LOCKED, then next_attempt_at moves to the end of a
// lease), so no connection is held while the SMTP server answers and two processes never
// send one e-mail at the same time. Every attempt is logged (notification_email_attempts).
// What is sent is decided when it is sent: the person's address, language and clearance
// then, and nothing for a person disabled or no longer allowed to read the subject.

/** How long a claimed attempt keeps other runners off: well past the SMTP timeouts. */
const LEASE_MS = 5 * 60_000;
/** E-mails claimed per pass, sent in parallel. */
const BATCH = 8;

/** The wait before the next attempt after `failed` failed attempts (1-based), in seconds. */
export const emailRetryDelaySeconds = (failed: number) =>
  EMAIL_RETRY_DELAYS_S[Math.min(Math.max(failed, 1), EMAIL_RETRY_DELAYS_S.length) - 1];

/** What the e-mails say and link to, from the configuration. */
export interface EmailSettings {
  /** Links start with it: "https://accord.example.org". */
  publicUrl: string;
  /** The highest classification whose content an e-mail may carry (0 public .. 3 secret). */
  maxClassification: number;
}

interface Claimed {
  id: string;
  notification_id: string;
  attempts: number;
  created_at: Date;
}

/** Claims up to `limit` due e-mails: one attempt each, counted now. */
async function claimDue(db: Db, now: Date, limit: number): Promise<Claimed[]> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<Claimed>`
      with due as (
        select e.id from notification_emails e
        where e.status = 'pending' and e.next_attempt_at <= ${now}::timestamptz
        order by e.next_attempt_at, e.id
        limit ${limit}
        for update of e skip locked)
      update notification_emails e
      set attempts = e.attempts + 1,
          next_attempt_at = ${new Date(now.getTime() + LEASE_MS)}::timestamptz
      from due
      where e.id = due.id
      returning e.id, e.notification_id, e.attempts, e.created_at`.execute(trx);
    return rows.map((r) => ({ ...r, created_at: new Date(r.created_at) }));
  });
}

/** The facts of the organisation the texts need: its reference zone, the states' names. */
interface Organisation {
  zone: string;
  states: Map<string, { en: string; ru: string }>;
}

async function loadOrganisation(db: Db): Promise<Organisation> {
  const [organisation, states] = await Promise.all([
    db.selectFrom('organisation').select('time_zone').executeTakeFirst(),
    db.selectFrom('member_states').select(['code', 'name_en', 'name_ru']).execute(),
  ]);
  return {
    zone: organisation?.time_zone ?? 'UTC',
    states: new Map(states.map((s) => [s.code.trim(), { en: s.name_en, ru: s.name_ru }])),
  };
}

/** A message ready to go, or why none goes. */
type Prepared =
  | { send: true; to: string; locale: Locale; subject: string; text: string; html: string }
  | { send: false; reason: string };

/**
 * The e-mail of a claimed notification as its person may read it now: nothing for a
 * disabled account, a missing address, or a subject the person may no longer read; only
 * "a notification is waiting" for a subject classified above what may go by e-mail.
 */
async function prepare(db: Db, org: Organisation, settings: EmailSettings, e: Claimed): Promise<Prepared> {
  const user = await db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .selectAll('users')
    .where('notifications.id', '=', e.notification_id)
    .executeTakeFirst();
  if (!user) return { send: false, reason: 'the notification is gone' };
  if (user.disabled_at) return { send: false, reason: 'the account is disabled' };
  if (!user.email) return { send: false, reason: 'the person has no e-mail address' };
  const person = personFromRow(user);
  const row = await db
    .selectFrom('notifications')
    .select([
      'notifications.kind',
      'notifications.details',
      'notifications.subject_type',
      'notifications.subject_id',
    ])
    .select(notificationSubjectFacts(person))
    .where('notifications.id', '=', e.notification_id)
    .where(notificationSubjectsVisibleTo(person))
    .executeTakeFirst();
  if (!row?.subject) return { send: false, reason: 'the person may no longer read its subject' };
  const locale = person.locale;
  const facts: EmailFacts = {
    subject: row.subject,
    details: row.details,
    when: (iso) => formatInZone(new Date(iso), org.zone, locale),
    state: (code) => (code ? (org.states.get(code)?.[locale] ?? code) : ''),
  };
  const mail = composeEmail(row.kind as NotificationKind, locale, facts, {
    link: `${settings.publicUrl}${notificationSubjectPath(row.subject_type, row.subject_id)}`,
    settingsLink: `${settings.publicUrl}/account#notification-preferences`,
    withheld: Number(row.subject.classification) > settings.maxClassification,
  });
  return { send: true, to: user.email, locale, ...mail };
}

export interface EmailAttemptResult {
  emailId: string;
  notificationId: string;
  attempt: number;
  to: string | null;
  response: string | null;
  error: string | null;
  outcome: 'sent' | 'retry' | 'failed' | 'cancelled';
}

/** Sends one claimed e-mail and records the attempt and what follows from it. */
async function attempt(
  db: Db,
  mailer: Mailer,
  org: Organisation,
  settings: EmailSettings,
  e: Claimed,
  now: () => Date,
): Promise<EmailAttemptResult> {
  const started = now();
  const base = { emailId: e.id, notificationId: e.notification_id, attempt: e.attempts };
  if (started.getTime() - e.created_at.getTime() > EMAIL_MAX_AGE_MS) {
    const error = `not sent within ${EMAIL_MAX_AGE_MS / 3_600_000} h of the notification`;
    await settle(db, e.id, { status: 'failed', next_attempt_at: null, last_error: error });
    return { ...base, to: null, response: null, error, outcome: 'failed' };
  }
  const prepared = await prepare(db, org, settings, e);
  if (!prepared.send) {
    await settle(db, e.id, { status: 'cancelled', next_attempt_at: null, last_error: prepared.reason });
    return { ...base, to: null, response: null, error: prepared.reason, outcome: 'cancelled' };
  }
  let response: string | null = null;
  let error: string | null = null;
  const t0 = performance.now();
  try {
    response = (
      await mailer.send({
        to: prepared.to,
        subject: prepared.subject,
        text: prepared.text,
        html: prepared.html,
        messageId: `<${e.id}@accord>`,
        language: prepared.locale,
      })
    ).slice(0, 500);
  } catch (err) {
    const x = err as Error & { code?: string; response?: string };
    error = (x.response ?? (x.code ? `${x.code}: ${x.message}` : x.message)).slice(0, 500);
  }
  const durationMs = Math.round(performance.now() - t0);
  const sent = error === null;
  const outcome = sent ? 'sent' : e.attempts >= EMAIL_MAX_ATTEMPTS ? 'failed' : 'retry';
  const finished = now();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('notification_email_attempts')
      .values({ email_id: e.id, at: started, response, error, duration_ms: durationMs })
      .execute();
    await settle(trx, e.id, {
      status: outcome === 'retry' ? 'pending' : outcome,
      next_attempt_at:
        outcome === 'retry' ? new Date(finished.getTime() + emailRetryDelaySeconds(e.attempts) * 1000) : null,
      last_error: error,
      ...(sent ? { sent_at: finished, sent_to: prepared.to } : {}),
    });
  });
  return { ...base, to: prepared.to, response, error, outcome };
}

/** Ends an attempt: only an e-mail still pending changes (a late runner changes nothing). */
function settle(
  db: Db,
  id: string,
  set: {
    status: 'pending' | 'sent' | 'failed' | 'cancelled';
    next_attempt_at: Date | null;
    last_error: string | null;
    sent_at?: Date;
    sent_to?: string;
  },
) {
  return db
    .updateTable('notification_emails')
    .set(set)
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .execute();
}

/**
 * Sends every e-mail due at `now`, batch by batch, until none is due.
 *
 * @example await sendDueEmails(db, smtpMailer(config.mail), { publicUrl, maxClassification: 0 }, new Date());
 */
export async function sendDueEmails(
  db: Db,
  mailer: Mailer,
  settings: EmailSettings,
  now: Date,
  opts: { clock?: () => Date; log?: (err: unknown) => void } = {},
): Promise<EmailAttemptResult[]> {
  const results: EmailAttemptResult[] = [];
  let org: Organisation | null = null;
  for (;;) {
    const claimed = await claimDue(db, now, BATCH);
    if (claimed.length === 0) break;
    org ??= await loadOrganisation(db);
    const settled = await Promise.allSettled(
      claimed.map((e) => attempt(db, mailer, org!, settings, e, opts.clock ?? (() => new Date()))),
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
export async function nextEmail(db: Db): Promise<Date | null> {
  const row = await db
    .selectFrom('notification_emails')
    .select((eb) => eb.fn.min('next_attempt_at').as('next'))
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return row?.next ? new Date(row.next as Date | string) : null;
}

const defaultLog = (err: unknown) => console.error('accord: an e-mail failed', err);

export interface EmailRunnerOptions {
  /** The SMTP sender; by default one over `config.mail`. */
  mailer?: Mailer;
  maxSleepMs?: number;
  now?: () => Date;
  onAttempt?: (result: EmailAttemptResult) => void;
  log?: (err: unknown) => void;
}

/**
 * Sends queued notification e-mails after commit: at start whatever is due, then at each
 * next attempt (see TimedRunner); a NOTIFY on `accord_email` (an e-mail queued) wakes it at
 * once. Any number of processes may run one on the same database.
 */
export class EmailRunner extends TimedRunner {
  private readonly mailer: Mailer;
  private readonly settings: EmailSettings;

  constructor(
    handle: DbHandle,
    config: Pick<Config, 'publicUrl'> & { mail: NonNullable<Config['mail']> },
    private readonly opts: EmailRunnerOptions = {},
  ) {
    super(handle, EMAIL_CHANNEL, {
      maxSleepMs: opts.maxSleepMs ?? 30_000,
      now: opts.now,
      log: opts.log ?? defaultLog,
    });
    this.mailer = opts.mailer ?? smtpMailer(config.mail);
    this.settings = { publicUrl: config.publicUrl, maxClassification: config.mail.maxClassification };
  }

  /** One pass now, with an explicit clock: for tests. */
  sendDue(now = this.now()) {
    return sendDueEmails(this.handle.db, this.mailer, this.settings, now, {
      clock: this.now,
      log: this.opts.log,
    });
  }

  protected async pass(now: Date) {
    const results = await this.sendDue(now);
    for (const r of results) this.opts.onAttempt?.(r);
    return results.length;
  }

  protected nextDue() {
    return nextEmail(this.handle.db);
  }

  override async stop() {
    await super.stop();
    this.mailer.close();
  }
}

/** The e-mail runner when the configuration sets an SMTP server; none when e-mail is off. */
export function emailRunners(handle: DbHandle, config: Config): EmailRunner[] {
  return config.mail ? [new EmailRunner(handle, { publicUrl: config.publicUrl, mail: config.mail })] : [];
}
