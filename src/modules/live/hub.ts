import type { Actor } from '../../core/actor.ts';
import type { DbHandle } from '../../db/connect.ts';
import { can } from '../../policy/index.ts';
import { LIVE_CHANNEL } from '../ledger/commands.ts';

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
}

/**
 * Fans the record out to live clients. Every committed entry raises a NOTIFY (in the
 * same transaction); each server process listens, loads the entry once and hands it to
 * the clients whose policy lets them read it. With PostgreSQL several processes on one
 * database therefore deliver each other's changes.
 */
export class LiveHub {
  private readonly clients = new Set<Client>();
  private unlisten?: () => Promise<void>;
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
  }

  async stop() {
    await this.unlisten?.();
    await this.pending;
    this.clients.clear();
  }

  get size() {
    return this.clients.size;
  }

  subscribe(actor: Actor, send: (event: LiveEvent) => void): () => void {
    const client = { actor, send };
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
