import type { Actor } from '../../core/actor.ts';
import type { DbHandle } from '../../db/connect.ts';
import { can } from '../../policy/index.ts';
import { LIVE_CHANNEL } from '../ledger/commands.ts';
import { NOTIFICATIONS_CHANNEL } from '../notifications/schema.ts';

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

  constructor(private readonly handle: DbHandle) {}

  async start() {
    const head = await this.handle.db.selectFrom('ledger_head').select('seq').executeTakeFirst();
    this.lastSeq = Number(head?.seq ?? 0);
    this.unlisten = await this.handle.listen(LIVE_CHANNEL, () => {
      // Notifications may arrive out of order across processes: read everything new, in order.
      this.pending = this.pending.then(() => this.drain()).catch((err) => console.error('accord: live', err));
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
      this.pending = this.pending.then(() => this.drain());
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

  private async drain() {
    const rows = await this.handle.db
      .selectFrom('ledger_entries')
      .select(['seq', 'at', 'action', 'subject_type', 'subject_id', 'classification', 'audience', 'actor_id'])
      .where('seq', '>', this.lastSeq)
      .orderBy('seq')
      .limit(1000)
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
  }
}
