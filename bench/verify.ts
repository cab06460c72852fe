import { createHash, createPublicKey, randomUUID, verify } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import { type Insertable, sql } from 'kysely';
import { systemActor } from '../src/core/actor.ts';
import type { Db } from '../src/db/connect.ts';
import type { LedgerEntriesTable } from '../src/db/schema.ts';
import { exportLines, verifyExportFile } from '../src/modules/ledger/export.ts';
import { entryHash, GENESIS_HASH, normalisePayload, payloadHash } from '../src/modules/ledger/hash.ts';
import { listCheckpoints, streamEntries, verifyDatabase } from '../src/modules/ledger/queries.ts';
import {
  type Checkpoint,
  ensureSigningKey,
  type PublicKeyInfo,
  publicKeys,
  signCheckpoint,
} from '../src/modules/ledger/signing.ts';
import type { ExportedEntry } from '../src/modules/ledger/verify.ts';
import { type BenchRow, formatRate, median, perSecond, timed } from './report.ts';
import { type BenchTarget, freshDatabase } from './target.ts';

export interface VerifyOptions {
  entries: number;
  /** A signed checkpoint every this many entries (and one at the end). */
  checkpointEvery: number;
  rounds: number;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const canonical = (value: unknown) => canonicalize(value) as string;

/**
 * `accord ledger verify` over a record of `entries` entries, from the database and from
 * an exported file, against the least work verification must do in the same process
 * over the same entries held in memory: canonical JSON and SHA-256 of each entry's
 * fields and of its payload, the comparisons, and one Ed25519 verify per checkpoint.
 */
export async function benchVerify(
  target: BenchTarget,
  options: VerifyOptions,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const handle = await freshDatabase(target);
  const dir = mkdtempSync(join(tmpdir(), 'accord-bench-verify-'));
  try {
    const built = await timed(() => buildRecord(handle.db, options));
    log(
      `verify: wrote ${options.entries} chained entries and ${built.value} checkpoints in ${(built.ms / 1000).toFixed(1)} s`,
    );

    const file = join(dir, 'record.jsonl');
    const exported = await timed(() => exportTo(handle.db, file));
    log(
      `verify: exported ${(statSync(file).size / 1e6).toFixed(1)} MB in ${(exported.ms / 1000).toFixed(1)} s`,
    );

    const entries: ExportedEntry[] = [];
    for await (const entry of streamEntries(handle.db, systemActor('bench'))) entries.push(entry);
    const checkpoints = await listCheckpoints(handle.db);
    const keys = await publicKeys(handle.db);

    const fromDb: number[] = [];
    const fromFile: number[] = [];
    const floor: number[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const db = await timed(() => verifyDatabase(handle.db));
      if (!db.value.ok || db.value.checked !== entries.length)
        throw new Error(`verify: the database does not verify: ${JSON.stringify(db.value.firstBad)}`);
      const offline = await timed(() => verifyExportFile(file));
      if (!offline.value.ok || offline.value.checked !== entries.length)
        throw new Error(
          `verify: the exported file does not verify: ${JSON.stringify(offline.value.firstBad)}`,
        );
      const least = await timed(async () => leastWork(entries, checkpoints, keys));
      fromDb.push(perSecond(entries.length, db.ms));
      fromFile.push(perSecond(entries.length, offline.ms));
      floor.push(perSecond(entries.length, least.ms));
      log(
        `verify: round ${round + 1}: database ${formatRate(fromDb[round], 'entries')}, file ${formatRate(fromFile[round], 'entries')}, in-memory hashing ${formatRate(floor[round], 'entries')}`,
      );
    }
    const limit = median(floor);
    const limitText = `hash+checks in memory ${formatRate(limit, 'entries')}`;
    return [
      {
        benchmark: `ledger verify, database (${handle.kind}, ${entries.length} entries)`,
        measured: formatRate(median(fromDb), 'entries'),
        limit: limitText,
        ratio: median(fromDb) / limit,
        aim: 0.8,
      },
      {
        benchmark: `ledger verify, exported file (${entries.length} entries)`,
        measured: formatRate(median(fromFile), 'entries'),
        limit: limitText,
        ratio: median(fromFile) / limit,
        aim: 0.8,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await handle.close();
  }
}

/** The floor: what any verifier of this format must compute, over entries already in memory. */
function leastWork(entries: ExportedEntry[], checkpoints: Checkpoint[], keys: PublicKeyInfo[]) {
  let prev = GENESIS_HASH;
  for (const e of entries) {
    if (e.payload !== null && sha256(canonical(e.payload)) !== e.payloadHash)
      throw new Error(`payload ${e.seq}`);
    const body = {
      at: e.at,
      actorId: e.actorId,
      actorLabel: e.actorLabel,
      delegation: e.delegation,
      action: e.action,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      classification: e.classification,
      audience: e.audience,
      payloadHash: e.payloadHash,
    };
    const link = { bodyHash: sha256(canonical(body)), prevHash: e.prevHash, seq: e.seq };
    if (e.prevHash !== prev || sha256(canonical(link)) !== e.hash) throw new Error(`entry ${e.seq}`);
    prev = e.hash;
  }
  const publicKeyById = new Map(keys.map((k) => [k.id, createPublicKey(k.publicKeyPem)]));
  for (const c of checkpoints) {
    const message = Buffer.from(
      canonical({ seq: c.seq, hash: c.hash, signedAt: c.signedAt, keyId: c.keyId }),
      'utf8',
    );
    const key = publicKeyById.get(c.keyId);
    if (!key || !verify(null, message, key, Buffer.from(c.signature, 'base64')))
      throw new Error(`checkpoint ${c.seq}`);
  }
}

async function exportTo(db: Db, file: string) {
  const out = createWriteStream(file);
  for await (const line of exportLines(db, systemActor('bench')))
    if (!out.write(line)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
}

interface SyntheticActor {
  id: string | null;
  label: string;
  delegation: string | null;
}

const ACTORS: SyntheticActor[] = [
  { id: null, label: 'accord serve', delegation: null },
  ...['AM', 'BY', 'KZ', 'KG', 'RU', 'TJ'].flatMap((state) =>
    ['hod', 'delegate', 'poc'].map((role) => ({
      id: randomUUID(),
      label: `${state.toLowerCase()}.${role}`,
      delegation: state,
    })),
  ),
  { id: randomUUID(), label: 'secretariat.admin', delegation: 'secretariat' },
  { id: randomUUID(), label: 'un.observer', delegation: 'partner:UN' },
];

/** An entry's action and payload, in the shapes the commands write. */
function synthetic(i: number, actor: SyntheticActor) {
  switch (i % 5) {
    case 0:
      return { action: 'auth.signed_in', subjectType: 'user', payload: {} };
    case 1:
      return {
        action: 'token.created',
        subjectType: 'api_token',
        payload: { name: `script ${i}`, prefix: `acc_${String(i).padStart(6, '0')}`, expiresAt: null },
      };
    case 2:
      return { action: 'user.locale_changed', subjectType: 'user', payload: { locale: i % 2 ? 'ru' : 'en' } };
    case 3:
      return {
        action: 'user.updated',
        subjectType: 'user',
        payload: { changes: { displayName: `Участник ${i} — ${actor.label}`, accessLevel: 'confidential' } },
      };
    default:
      return {
        action: 'auth.sign_in_failed',
        subjectType: 'username',
        payload: { reason: 'wrong_password', failures: (i % 4) + 1 },
      };
  }
}

/**
 * Writes a valid chain of `entries` entries with the record's own hash functions (as
 * appendEntry would, but in bulk) and signed checkpoints; returns the checkpoint count.
 */
export async function buildRecord(db: Db, options: VerifyOptions): Promise<number> {
  const key = await ensureSigningKey(db);
  const start = Date.parse('2026-01-01T08:00:00.000Z');
  let prevHash = GENESIS_HASH;
  let checkpoints = 0;
  const batchSize = 1000;
  for (let from = 1; from <= options.entries; from += batchSize) {
    const rows: Insertable<LedgerEntriesTable>[] = [];
    const signed: Checkpoint[] = [];
    for (let seq = from; seq < from + batchSize && seq <= options.entries; seq++) {
      const actor = ACTORS[seq % ACTORS.length];
      const { action, subjectType, payload } = synthetic(seq, actor);
      const normal = normalisePayload(payload);
      const fields = {
        seq,
        at: new Date(start + seq * 37_000).toISOString(),
        actorId: actor.id,
        actorLabel: actor.label,
        delegation: actor.delegation,
        action,
        subjectType,
        subjectId: actor.id ?? `user-${seq}`,
        classification: seq % 3,
        audience:
          actor.delegation === null ? null : actor.delegation === 'secretariat' ? [] : [actor.delegation],
        payloadHash: payloadHash(normal),
        prevHash,
      };
      const hash = entryHash(fields);
      rows.push({
        seq,
        at: fields.at,
        actor_id: fields.actorId,
        actor_label: fields.actorLabel,
        delegation: fields.delegation,
        action,
        subject_type: subjectType,
        subject_id: fields.subjectId,
        classification: fields.classification,
        audience: fields.audience,
        payload: JSON.stringify(normal),
        payload_hash: fields.payloadHash,
        prev_hash: prevHash,
        hash,
      });
      prevHash = hash;
      if (seq % options.checkpointEvery === 0 || seq === options.entries) {
        signed.push(
          signCheckpoint({ seq, hash, signedAt: new Date(start + seq * 37_000 + 500).toISOString() }, key),
        );
      }
    }
    const last = rows[rows.length - 1];
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('ledger_entries').values(rows).execute();
      await sql`update ledger_head set seq = ${last.seq}, hash = ${last.hash} where id = 1`.execute(trx);
      for (const c of signed) {
        await trx
          .insertInto('ledger_checkpoints')
          .values({
            seq: c.seq,
            hash: c.hash,
            signed_at: c.signedAt,
            key_id: c.keyId,
            signature: c.signature,
          })
          .execute();
      }
    });
    checkpoints += signed.length;
  }
  return checkpoints;
}
