import type { Actor, Person } from '../../core/actor.ts';
import type { DbHandle } from '../../db/connect.ts';
import { can } from '../../policy/index.ts';
import { LIVE_CHANNEL } from '../ledger/index.ts';
import { NOTIFICATIONS_CHANNEL } from '../notifications/index.ts';

const DRAIN_PAGE = 1000;
/** How often every stream's credential is checked again, when nothing about it was recorded. */
const RECHECK_MS = 30_000;

export interface LiveEvent {
  seq: number;
  at: string;
  action: string;
  subjectType: string;
  subjectId: string;
}

/**
 * What a stream was opened with (a session or an API token), so that the hub can ask again
 * whether it still stands for someone, and for whom.
 */
export interface LiveCredential {
  kind: 'session' | 'token';
  /** The session's or the API token's id: an entry about the token re-checks at once. */
  id: string;
  /**
   * The person behind the credential now, or null when it no longer authenticates: signed
   * out, ended by a password change, expired, revoked, or the account disabled.
   */
  authenticate(now: Date): Promise<Person | null>;
  /**
   * Ends the stream: `signed_out` when the credential no longer authenticates (the client
   * should not come back with it), `unchecked` when it could not be asked (it may reconnect,
   * and be checked then).
   */
  end(reason: 'signed_out' | 'unchecked'): void;
}

interface Client {
  actor: Actor;
  credential?: LiveCredential;
  send: (event: LiveEvent) => void;
  /** Called when a notification was written for this client's person. */
  notified?: () => void;
}

export interface LiveHubOptions {
  /** The clock credentials are checked against (tests move it past a session's end). */
  now?: () => Date;
  /** Milliseconds between re-checks of every stream's credential; default 30 s. */
  recheckMs?: number;
}

/**
 * Fans the record out to live clients. Every committed entry raises a NOTIFY (in the
 * same transaction); each server process listens, loads the entry once and hands it to
 * the clients whose policy lets them read it. With PostgreSQL several processes on one
 * database therefore deliver each other's changes.
 *
 * A second channel carries notifications: its payload is the recipient's user id, and the
 * hub only tells that person's clients that something new is waiting for them.
 *
 * A stream lives longer than the request that opened it, so its credential is asked again:
 * at once when an entry about its person or its token comes by (user.disabled,
 * user.updated, auth.signed_out, auth.password_changed, token.revoked...), before that entry
 * and any later one is handed out, and every `recheckMs` for what no entry announces (a
 * session reaching its end). A credential that no longer authenticates ends its stream; a
 * changed person (a lowered access level, another role) replaces the stream's actor, so the
 * next entry is already judged by the new rights.
 */
export class LiveHub {
  private readonly clients = new Set<Client>();
  private unlisten?: () => Promise<void>;
  private unlistenNotifications?: () => Promise<void>;
  private lastSeq = 0;
  private pending: Promise<void> = Promise.resolve();
  /** A read of new entries is waiting to start. */
  private queued = false;
  /** The highest seq announced by a NOTIFY (each entry's commit sends its seq); infinite when unknown. */
  private heard = 0;
  private recheckTimer?: ReturnType<typeof setInterval>;
  private readonly now: () => Date;
  private readonly recheckMs: number;

  constructor(
    private readonly handle: DbHandle,
    options: LiveHubOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.recheckMs = options.recheckMs ?? RECHECK_MS;
  }

  async start() {
    const head = await this.handle.db.selectFrom('ledger_head').select('seq').executeTakeFirst();
    this.lastSeq = Number(head?.seq ?? 0);
    this.unlisten = await this.handle.listen(LIVE_CHANNEL, (payload) => {
      // Notifications may arrive out of order across processes: read everything new, in order.
      // One read serves every NOTIFY that came in while it waited; with no client there is
      // nothing to read for, and the payload (the entry's seq) says how far the record got.
      const seq = Number(payload);
      if (Number.isSafeInteger(seq)) this.heard = Math.max(this.heard, seq);
      else this.heard = Number.POSITIVE_INFINITY;
      if (this.queued) return;
      this.queued = true;
      this.pending = this.pending
        .then(() => {
          this.queued = false;
          const heard = this.heard;
          if (this.clients.size === 0 && Number.isFinite(heard)) {
            this.lastSeq = Math.max(this.lastSeq, heard);
            return;
          }
          this.heard = 0;
          return this.drainAll();
        })
        .catch((err) => console.error('accord: live', err));
    });
    this.unlistenNotifications = await this.handle.listen(NOTIFICATIONS_CHANNEL, (userId) => {
      for (const client of this.clients)
        if (client.actor.kind === 'person' && client.actor.id === userId) client.notified?.();
    });
    this.recheckTimer = setInterval(
      () => this.enqueue(() => this.recheck([...this.clients])),
      this.recheckMs,
    );
    this.recheckTimer.unref?.();
  }

  async stop() {
    clearInterval(this.recheckTimer);
    await this.unlisten?.();
    await this.unlistenNotifications?.();
    await this.pending;
    this.clients.clear();
  }

  /**
   * Resolves once every entry committed before the call has been handed out, so that a
   * stream opened now starts with what is written from now on (not a late delivery of
   * something committed just before it connected).
   */
  async caughtUp() {
    const head = await this.handle.db.selectFrom('ledger_head').select('seq').executeTakeFirst();
    const target = Number(head?.seq ?? 0);
    while (this.lastSeq < target) {
      this.pending = this.pending.then(() => this.drainAll());
      await this.pending;
    }
  }

  get size() {
    return this.clients.size;
  }

  /**
   * Follows the record as `actor`; `notified` is called when a notification for that person is
   * written. With a `credential`, the stream lasts only as long as the credential
   * authenticates, and follows the person's rights as they change; it is checked once now,
   * after the subscription, for what changed since the request was authenticated.
   */
  subscribe(
    actor: Actor,
    send: (event: LiveEvent) => void,
    notified?: () => void,
    credential?: LiveCredential,
  ): () => void {
    const client: Client = { actor, send, notified, credential };
    this.clients.add(client);
    if (credential) this.enqueue(() => this.recheck([client]));
    return () => this.clients.delete(client);
  }

  /** Runs after what is already queued (reads of the record and re-checks take turns). */
  private enqueue(task: () => Promise<void>) {
    this.pending = this.pending.then(task).catch((err) => console.error('accord: live', err));
  }

  /**
   * Asks the clients' credentials again: ends the streams whose credential no longer
   * authenticates (or cannot be checked: the stream is reopened and checked then), and gives
   * the others the person as they are now.
   */
  private async recheck(clients: Client[]) {
    const now = this.now();
    await Promise.all(
      clients.map(async (client) => {
        const { credential } = client;
        if (!credential || !this.clients.has(client)) return;
        let person: Person | null;
        try {
          person = await credential.authenticate(now);
        } catch (err) {
          console.error('accord: live: checking a stream’s credential failed', err);
          this.clients.delete(client);
          return credential.end('unchecked');
        }
        if (person) client.actor = person;
        else {
          this.clients.delete(client);
          credential.end('signed_out');
        }
      }),
    );
  }

  /** The clients an entry is about: its subject is their person, or the token they use. */
  private concerned(row: { subject_type: string; subject_id: string }): Client[] {
    const about: Client[] = [];
    for (const client of this.clients) {
      const { credential, actor } = client;
      if (!credential) continue;
      if (
        (row.subject_type === 'user' && actor.kind === 'person' && row.subject_id === actor.id) ||
        (row.subject_type === 'api_token' && credential.kind === 'token' && row.subject_id === credential.id)
      )
        about.push(client);
    }
    return about;
  }

  /** Reads and hands out everything new, a page at a time. */
  private async drainAll(): Promise<void> {
    while ((await this.drain()) === DRAIN_PAGE);
  }

  /** Reads and hands out up to a page of new entries; returns how many it read. */
  private async drain(): Promise<number> {
    const rows = await this.handle.db
      .selectFrom('ledger_entries')
      .select(['seq', 'at', 'action', 'subject_type', 'subject_id', 'classification', 'audience', 'actor_id'])
      .where('seq', '>', this.lastSeq)
      .orderBy('seq')
      .limit(DRAIN_PAGE)
      .execute();
    for (const row of rows) {
      this.lastSeq = Math.max(this.lastSeq, Number(row.seq));
      const event: LiveEvent = {
        seq: Number(row.seq),
        at: row.at.toISOString(),
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
      };
      // A change to a stream's own person or token is checked before anything more is handed
      // out to it, this entry included.
      const concerned = this.concerned(row);
      if (concerned.length) await this.recheck(concerned);
      for (const client of this.clients) {
        if (can(client.actor, 'read', 'ledgerEntry', row)) client.send(event);
      }
    }
    return rows.length;
  }
}
