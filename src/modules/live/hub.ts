import type { Actor } from '../../core/actor.ts';
import type { DbHandle } from '../../db/connect.ts';
import { can } from '../../policy/index.ts';
import { LIVE_CHANNEL } from '../ledger/index.ts';
import { NOTIFICATIONS_CHANNEL } from '../notifications/index.ts';

const DRAIN_PAGE = 1000;

export interface LiveEvent {
  seq: number;
  at: string;
  action: string;
  subjectType: string;
  subjectId: string;
}

interface Client {
  actor: Actor;
  send: (event: LiveEvent) => void;
  /** Called when a notification was written for this client's person. */
  notified?: () => void;
}

/**
 * Fans the record out to live clients. Every committed entry raises a NOTIFY (in the
 * same transaction); each server process listens, loads the entry once and hands it to
 * the clients whose policy lets them read it. With PostgreSQL several processes on one
 * database therefore deliver each other's changes.
 *
 * A second channel carries notifications: its payload is the recipient's user id, and the
 * hub only tells that person's clients that something new is waiting for them.
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

  constructor(private readonly handle: DbHandle) {}

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
  }

  async stop() {
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

  /** Follows the record as `actor`; `notified` is called when a notification for that person is written. */
  subscribe(actor: Actor, send: (event: LiveEvent) => void, notified?: () => void): () => void {
    const client = { actor, send, notified };
    this.clients.add(client);
    return () => this.clients.delete(client);
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
      for (const client of this.clients) {
        if (can(client.actor, 'read', 'ledgerEntry', row)) client.send(event);
      }
    }
    return rows.length;
  }
}
