import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import { copyOut, copyOutData } from '../../db/copy-out.ts';
import { canonicalPayload, GENESIS_HASH } from './hash.ts';
import type { ChainVerifier } from './verify.ts';

/**
 * The record as `accord ledger verify` reads it from the database: for each entry, the exact
 * bytes its hashes cover, in PostgreSQL's binary COPY format (`copyOut`, src/db/copy-out.ts),
 * so that the verifier hashes them as they come, with no row or field parsed into values and
 * no canonical JSON written again in TypeScript.
 *
 * - The payload: its canonical JSON text as the writer hashed it (`payload_json`, migration
 *   0019). The same statement checks that the payload readers see (the jsonb column) is that
 *   text's value (flag 2), so a payload changed in the column alone is caught.
 * - The body (every chained field and the payload hash): its canonical JSON text, written by
 *   the database from the columns readers see (`BODY_TEXT`, the text `bodyText` in hash.ts
 *   writes; `record-bytes.test.ts` holds the two together on awkward values). There is no
 *   second copy of the fields that could disagree with the columns: a changed column changes
 *   the text hashed, and the entry fails.
 * - The stored hash, and whether the stored previous hash is the stored hash of the entry
 *   before (flag 4); the verifier compares the stored hash with the one it computes, so the
 *   chain of stored hashes is the chain computed.
 * - An entry written before migration 0019 whose text is not filled in yet (flag 1) comes with
 *   its jsonb payload as text, which is canonicalised here as before.
 */

/** The canonical JSON of an entry's body from its columns: `bodyText` (hash.ts) in SQL. */
export const BODY_TEXT = `'{"action":' || to_json(e.action)::text
  || ',"actorId":' || coalesce(to_json(e.actor_id::text)::text, 'null')
  || ',"actorLabel":' || to_json(e.actor_label)::text
  || ',"at":"' || to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
  || '","audience":' || coalesce(to_json(e.audience)::text, 'null')
  || ',"classification":' || e.classification::text
  || ',"delegation":' || coalesce(to_json(e.delegation)::text, 'null')
  || ',"payloadHash":' || to_json(e.payload_hash)::text
  || ',"subjectId":' || to_json(e.subject_id)::text
  || ',"subjectType":' || to_json(e.subject_type)::text || '}'`;

/** Entries per COPY: a few megabytes, hashed while the database writes the next range. */
export const RANGE = 10_000;

const PAYLOAD_UNFILLED = 1;
const PAYLOAD_SHOWN_OTHERWISE = 2;
const PREV_HASH_OTHERWISE = 4;

/** The COPY of the entries with seq in (after, upTo]: seq, hash, payload hash, payload text, body text, flags. */
export function rangeQuery(after: number, upTo: number) {
  if (!Number.isSafeInteger(after) || !Number.isSafeInteger(upTo))
    throw new Error('a range of whole numbers');
  const before = after === 0 ? `'${GENESIS_HASH}'` : `(select hash from ledger_entries where seq = ${after})`;
  return copyOut(`
    select e.seq, e.hash, e.payload_hash, coalesce(e.payload_json, e.payload::text), ${BODY_TEXT},
      (case when e.payload_json is null then ${PAYLOAD_UNFILLED}
        when e.payload is distinct from e.payload_json::jsonb then ${PAYLOAD_SHOWN_OTHERWISE} else 0 end
       + case when e.prev_hash is distinct from coalesce(lag(e.hash) over (order by e.seq), ${before})
         then ${PREV_HASH_OTHERWISE} else 0 end)::int2
    from ledger_entries e
    where e.seq > ${after} and e.seq <= ${upTo}
    order by e.seq`);
}

/**
 * Feeds every entry with seq in (0, upTo] to the verifier, read as the bytes its hashes cover.
 * Stops at the first problem. Answers how many entries were pushed.
 */
export async function pushRecordBytes(
  db: Db,
  verifier: ChainVerifier,
  upTo: number,
  onRange?: (pushed: number) => void,
): Promise<number> {
  let pushed = 0;
  // Outside a transaction the next range is asked for while this one is hashed (another
  // connection of the pool); inside one, ranges go one after the other, each under a
  // savepoint so that a failing statement (a payload text that is not JSON) can be named.
  const read = (after: number) =>
    db.isTransaction ? readInTransaction(db, after) : db.executeQuery(rangeQuery(after, after + RANGE));
  let next = upTo > 0 ? read(0).then(ok, failed) : null;
  for (let after = 0; next; after += RANGE) {
    const result = await next;
    next = after + RANGE < upTo ? read(after + RANGE).then(ok, failed) : null;
    if ('error' in result) {
      await next?.catch(() => {});
      const seq = await firstUnreadablePayload(db, after, after + RANGE);
      if (seq === null) throw result.error;
      verifier.shownOtherwise(seq, 'payload');
      return pushed;
    }
    const n = pushCopied(copyOutData(result.value), verifier);
    pushed += n;
    onRange?.(pushed);
    if (verifier.failed) {
      await next?.catch(() => {});
      return pushed;
    }
  }
  return pushed;
}

const ok = <T>(value: T) => ({ value });
const failed = (error: unknown) => ({ error });

async function readInTransaction(db: Db, after: number) {
  await sql`savepoint accord_verify_range`.execute(db);
  try {
    const result = await db.executeQuery(rangeQuery(after, after + RANGE));
    await sql`release savepoint accord_verify_range`.execute(db);
    return result;
  } catch (err) {
    await sql`rollback to savepoint accord_verify_range`.execute(db);
    throw err;
  }
}

/** The first entry in (after, upTo] whose stored payload text is not JSON (the COPY's cast failed on it). */
async function firstUnreadablePayload(db: Db, after: number, upTo: number): Promise<number | null> {
  const rows = await db
    .selectFrom('ledger_entries')
    .select(['seq', 'payload_json'])
    .where('seq', '>', after)
    .where('seq', '<=', upTo)
    .where('payload_json', 'is not', null)
    .orderBy('seq')
    .execute();
  for (const row of rows) {
    try {
      JSON.parse(row.payload_json as string);
    } catch {
      return Number(row.seq);
    }
  }
  return null;
}

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * Pushes the rows of one binary COPY of `rangeQuery` to the verifier: each field is found by
 * its length word and handed over as a view of the buffer (texts compared as latin1, which for
 * hex digits is the text itself). Answers how many rows it pushed.
 */
export function pushCopied(data: Buffer, verifier: ChainVerifier): number {
  if (data.length < 19 || data.compare(SIGNATURE, 0, 11, 0, 11) !== 0)
    throw new Error('not a binary COPY of the record');
  let off = 19 + data.readInt32BE(15);
  let rows = 0;
  for (;;) {
    const fields = data.readInt16BE(off);
    off += 2;
    if (fields === -1) return rows;
    if (fields !== 6) throw new Error(`a binary COPY row of the record has ${fields} fields`);
    // seq: int8, never above 2^53.
    const seq = data.readUInt32BE(off + 4) * 0x1_0000_0000 + data.readUInt32BE(off + 8);
    off += 12;
    let len = data.readInt32BE(off);
    const hash = data.toString('latin1', off + 4, off + 4 + len);
    off += 4 + len;
    len = data.readInt32BE(off);
    const statedPayloadHash = data.toString('latin1', off + 4, off + 4 + len);
    off += 4 + len;
    len = data.readInt32BE(off);
    let payload: Buffer = data.subarray(off + 4, off + 4 + len);
    off += 4 + len;
    len = data.readInt32BE(off);
    const body = data.subarray(off + 4, off + 4 + len);
    off += 4 + len;
    const flags = data.readInt16BE(off + 4);
    off += 6;
    if (flags !== 0) {
      if (seq === verifier.nextSeq) {
        if (flags & PREV_HASH_OTHERWISE) return rows + Number(verifier.prevMismatch(seq));
        if (flags & PAYLOAD_SHOWN_OTHERWISE) return rows + Number(verifier.shownOtherwise(seq, 'payload'));
      }
      if (flags & PAYLOAD_UNFILLED) payload = Buffer.from(canonicalPayload(JSON.parse(payload.toString())));
    }
    if (!verifier.pushCanonical(seq, hash, body, payload, statedPayloadHash, null)) return rows;
    rows++;
  }
}
