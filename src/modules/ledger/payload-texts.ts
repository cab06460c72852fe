import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { canonicalPayload } from './hash.ts';

/**
 * Gives every entry written before migration 0019 its payload's canonical JSON text
 * (`payload_json`, the bytes its payload hash covers), a batch per transaction: the text is
 * the one `payloadHash` hashes for the jsonb value the entry holds, so the entry's hashes,
 * its leaf and every proof stay as they were. Run as the ledger module's `prepare`, at each
 * start after the migrations; once every entry has its text it costs one look at an empty
 * partial index. Until then the verifier canonicalises the payloads without a text, as it
 * always did (record-bytes.ts). Answers how many entries it filled.
 */
export async function fillPayloadTexts(db: Db, batch = 2000): Promise<number> {
  const fill = async (trx: Db): Promise<number> => {
    const rows = await trx
      .selectFrom('ledger_entries')
      .select(['seq', 'payload'])
      .where('payload_json', 'is', null)
      .orderBy('seq')
      .limit(batch)
      .execute();
    if (!rows.length) return 0;
    const seqs = rows.map((r) => Number(r.seq));
    const texts = rows.map((r) => canonicalPayload(r.payload));
    // The one change the record takes, and only to a column nothing hashed was ever read from.
    await sql`alter table ledger_entries disable trigger ledger_entries_append_only`.execute(trx);
    await sql`
      update ledger_entries e set payload_json = f.text
      from unnest(${seqs}::bigint[], ${texts}::text[]) as f (seq, text)
      where e.seq = f.seq and e.payload_json is null`.execute(trx);
    await sql`alter table ledger_entries enable trigger ledger_entries_append_only`.execute(trx);
    return rows.length;
  };
  let total = 0;
  for (;;) {
    const filled = db.isTransaction ? await fill(db) : await db.transaction().execute(fill);
    total += filled;
    if (filled < batch) return total;
  }
}
