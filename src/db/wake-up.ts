import { CompiledQuery, sql } from 'kysely';
import type { Db } from './connect.ts';
import { withCommit } from './with-commit.ts';

/**
 * Asks for a NOTIFY on `channel` once the caller's transaction commits, without sending one
 * in it: PostgreSQL serialises the commits of transactions that NOTIFY, which would make
 * every write wait for every other (issue 9). Inside a transaction the wake-up is a row of
 * `wake_ups`, sent with the COMMIT (no round trip, no lock; it rolls back with the change);
 * the record's sequencer sends the waiting ones in its batch transaction (`sendWakeUps`),
 * within its delay. Outside a transaction it is a NOTIFY at once.
 */
export async function wakeUp(db: Db, channel: string, payload = ''): Promise<void> {
  if (!db.isTransaction) {
    await sql`select pg_notify(${channel}, ${payload})`.execute(db);
    return;
  }
  await db.executeQuery(
    withCommit(
      CompiledQuery.raw('insert into wake_ups (channel, payload) values ($1::text, $2::text)', [
        channel,
        payload,
      ]),
    ),
  );
}

/**
 * Sends every waiting wake-up, once per channel and payload, and deletes them: one statement,
 * in the sequencer's batch transaction. Answers how many NOTIFYs it sent.
 */
export async function sendWakeUps(trx: Db): Promise<number> {
  const { rows } = await sql<{ sent: number }>`
    with taken as (delete from wake_ups returning channel, payload)
    select count(*) as sent
    from (select pg_notify(channel, payload) from (select distinct channel, payload from taken) d) n`.execute(
    trx,
  );
  return Number(rows[0]?.sent ?? 0);
}
