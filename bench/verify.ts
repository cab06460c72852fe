import * as crypto from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { type Insertable, sql } from 'kysely';
import { systemActor } from '../src/core/actor.ts';
import type { Db } from '../src/db/connect.ts';
import { copyOutData } from '../src/db/copy-out.ts';
import type { LedgerEntriesTable } from '../src/db/schema.ts';
import { createCheckpoint } from '../src/modules/ledger/checkpoints.ts';
import { exportLines, verifyExportFile } from '../src/modules/ledger/export.ts';
import {
  bodyHash,
  canonicalJson,
  canonicalPayload,
  entryHash,
  normalisePayload,
  payloadHash,
} from '../src/modules/ledger/hash.ts';
import { type LogKey, logKeyOf, newPrivateKeyPem, registerLogKey } from '../src/modules/ledger/keys.ts';
import { completedBy, type Hash, nodeHash } from '../src/modules/ledger/merkle.ts';
import { streamEntries, verifyDatabase } from '../src/modules/ledger/queries.ts';
import { RANGE, rangeQuery } from '../src/modules/ledger/record-bytes.ts';
import { settleRecord } from '../src/modules/ledger/sequencer.ts';
import { entryLeafHash } from '../src/modules/ledger/tree.ts';
import type { ExportedEntry } from '../src/modules/ledger/verify.ts';
import { type BenchRow, formatRate, median, perSecond, timed } from './report.ts';
import { type BenchTarget, freshDatabase } from './target.ts';

export interface VerifyOptions {
  entries: number;
  /** A signed checkpoint every this many entries (and one at the end); a multiple of 1,000. */
  checkpointEvery: number;
  rounds: number;
}

/** The log's name in the bench's checkpoints. */
export const BENCH_ORIGIN = 'bench.accord.example/record';

/** A throwaway log key, as `accord key create` would make (never written to disk). */
export const benchLogKey = (): LogKey =>
  logKeyOf(crypto.createPrivateKey(newPrivateKeyPem()), BENCH_ORIGIN, 'bench');

/**
 * `accord ledger verify` over a record of `entries` entries, from the database
 * (`verifyDatabase`) and from an exported file (`verifyExportFile`), against the rate of
 * SHA-256 itself over the bytes any verifier of this format must hash (see `hashedBytes`):
 * bare SHA-256 calls over buffers built beforehand in memory (see `hashAll`). The ratio is
 * therefore what reading, parsing, canonicalising and comparing cost on top of the hash
 * function's own work.
 */
export async function benchVerify(
  target: BenchTarget,
  options: VerifyOptions,
  log: (line: string) => void,
): Promise<BenchRow[]> {
  const handle = await freshDatabase(target);
  const dir = mkdtempSync(join(tmpdir(), 'accord-bench-verify-'));
  try {
    const key = benchLogKey();
    const built = await timed(() => buildRecord(handle.db, key, options));
    log(
      `verify: wrote ${options.entries} chained entries, their Merkle tree and ${built.value} signed checkpoints in ${(built.ms / 1000).toFixed(1)} s`,
    );

    const file = join(dir, 'record.jsonl');
    const exported = await timed(() => exportTo(handle.db, key, file));
    log(
      `verify: exported ${(statSync(file).size / 1e6).toFixed(1)} MB in ${(exported.ms / 1000).toFixed(1)} s`,
    );

    const entries: ExportedEntry[] = [];
    for await (const entry of streamEntries(handle.db, systemActor('bench'))) entries.push(entry);
    const buffers = hashedBytes(entries);
    const bytes = buffers.reduce((sum, b) => sum + b.length, 0);
    log(
      `verify: the same bytes: ${buffers.length.toLocaleString('en-GB')} SHA-256 inputs, ${(bytes / 1e6).toFixed(1)} MB (${(bytes / entries.length).toFixed(0)} bytes, ${(buffers.length / entries.length).toFixed(2)} hashes per entry)`,
    );

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
      const raw = hashAll(buffers);
      fromDb.push(perSecond(entries.length, db.ms));
      fromFile.push(perSecond(entries.length, offline.ms));
      floor.push(perSecond(entries.length, raw.ms));
      log(
        `verify: round ${round + 1}: database ${formatRate(fromDb[round], 'entries')}, file ${formatRate(fromFile[round], 'entries')}, raw SHA-256 ${formatRate(floor[round], 'entries')} (${raw.way}, ${(bytes / 1e3 / raw.ms).toFixed(0)} MB/s)`,
      );
    }
    const limit = median(floor);
    const limitText = `raw SHA-256, same bytes ${formatRate(limit, 'entries')}`;
    // What reading alone costs, hashing nothing: the ceiling of any verifier reading this way.
    const readDb: number[] = [];
    const readFile: number[] = [];
    for (let round = 0; round < 3; round++) {
      readDb.push(perSecond(entries.length, (await timed(() => countEntries(handle.db, entries.length))).ms));
      readFile.push(perSecond(entries.length, (await timed(() => parseLines(file))).ms));
    }
    log(
      `verify: reading alone, hashing nothing: database ${formatRate(median(readDb), 'entries')} (${(median(readDb) / limit).toFixed(2)} of raw SHA-256), file read and parsed once ${formatRate(median(readFile), 'entries')} (${(median(readFile) / limit).toFixed(2)})`,
    );
    return [
      {
        benchmark: `ledger verify, database (${handle.kind}, ${entries.length.toLocaleString('en-GB')} entries)`,
        measured: formatRate(median(fromDb), 'entries'),
        limit: limitText,
        ratio: median(fromDb) / limit,
        aim: 0.8,
      },
      {
        benchmark: `ledger verify, exported file (${entries.length.toLocaleString('en-GB')} entries)`,
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

const LEAF_PREFIX = Buffer.from([0x00]);
const NODE_PREFIX = Buffer.from([0x01]);

/**
 * "The same bytes": every SHA-256 input a full verification of these entries must hash, built
 * once in memory. Per readable entry, the canonical JSON text of its payload, of its body
 * (the chained fields with the payload hash) and of its link (`{"bodyHash","prevHash","seq"}`),
 * as UTF-8; per entry, its leaf input (0x00 || the 32 bytes of its hash); then every interior
 * node input of the tree over all entries (0x01 || left || right), level by level. Left out:
 * the few extra nodes folded for each checkpoint's root and the stored root (a few dozen in
 * all), and the Ed25519 signature checks (one or two per checkpoint).
 */
export function hashedBytes(entries: ExportedEntry[]): Buffer[] {
  const out: Buffer[] = [];
  let level: Hash[] = [];
  for (const e of entries) {
    if ('action' in e) {
      if (e.payload !== null && e.payload !== undefined)
        out.push(Buffer.from(canonicalJson(e.payload), 'utf8'));
      out.push(
        Buffer.from(
          canonicalJson({
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
          }),
          'utf8',
        ),
      );
    }
    const body = 'action' in e ? bodyHash(e) : e.bodyHash;
    out.push(Buffer.from(canonicalJson({ bodyHash: body, prevHash: e.prevHash, seq: e.seq }), 'utf8'));
    out.push(Buffer.concat([LEAF_PREFIX, Buffer.from(e.hash, 'hex')]));
    level.push(entryLeafHash(e.hash));
  }
  while (level.length > 1) {
    const next: Hash[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) {
      out.push(Buffer.concat([NODE_PREFIX, level[i], level[i + 1]]));
      next.push(nodeHash(level[i], level[i + 1]));
    }
    level = next;
  }
  return out;
}

// crypto.hash (Node 20.12 and later): one call per input, no Hash object.
const oneShotHash = (crypto as { hash?: typeof crypto.hash }).hash;

/**
 * The limit: SHA-256 alone over the buffers, one bare call each, timed both as
 * `createHash('sha256').update(b).digest()` and as `crypto.hash('sha256', b, 'hex')` where Node
 * has it; the faster of the two is the hash function's own rate (a hex digest is cheaper in
 * Node 20 than a Buffer one, whose allocation costs more than hashing 100 bytes).
 */
function hashAll(buffers: Buffer[]): { ms: number; way: string } {
  let start = performance.now();
  for (const b of buffers) crypto.createHash('sha256').update(b).digest();
  const classic = performance.now() - start;
  if (!oneShotHash) return { ms: classic, way: 'createHash' };
  start = performance.now();
  for (const b of buffers) oneShotHash('sha256', b, 'hex');
  const oneShot = performance.now() - start;
  return oneShot < classic ? { ms: oneShot, way: 'crypto.hash' } : { ms: classic, way: 'createHash' };
}

/** Reads every entry as verifyDatabase reads them (record-bytes.ts: binary COPY ranges), and hashes nothing. */
async function countEntries(db: Db, entries: number): Promise<number> {
  let bytes = 0;
  for (let after = 0; after < entries; after += RANGE)
    bytes += copyOutData(await db.executeQuery(rangeQuery(after, after + RANGE))).length;
  return bytes;
}

/** Reads the exported file line by line and parses each line, once. */
async function parseLines(file: string): Promise<number> {
  let n = 0;
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) if (JSON.parse(line).type === 'entry') n++;
  return n;
}

async function exportTo(db: Db, key: LogKey, file: string) {
  const out = createWriteStream(file);
  for await (const line of exportLines(db, systemActor('bench'), key))
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
      id: crypto.randomUUID(),
      label: `${state.toLowerCase()}.${role}`,
      delegation: state,
    })),
  ),
  { id: crypto.randomUUID(), label: 'secretariat.admin', delegation: 'secretariat' },
  { id: crypto.randomUUID(), label: 'un.observer', delegation: 'partner:UN' },
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
 * Writes a valid record of `entries` entries in bulk, as `appendEntry` would one at a time:
 * the key's publication first (through `registerLogKey`, so entry 1 is real), then the
 * entries chained with the record's own hash functions, each batch with the `ledger_tree`
 * rows it completes (leaves and parents, `completedBy`) and the head moved, and a checkpoint
 * signed with `key` every `checkpointEvery` entries and at the end (`createCheckpoint`).
 * Returns the number of checkpoints.
 */
export async function buildRecord(db: Db, key: LogKey, options: VerifyOptions): Promise<number> {
  await registerLogKey(db, key, 'bench');
  // Its entry takes its place before the bulk entries are numbered after the head.
  await settleRecord(db);
  const head = await db.selectFrom('ledger_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
  let prevHash = head.hash;
  // frontier[level]: the newest complete subtree at that level still waiting for its right sibling.
  const frontier: Hash[] = [];
  for (let seq = 1; seq <= Number(head.seq); seq++) {
    const { hash } = await db
      .selectFrom('ledger_entries')
      .select('hash')
      .where('seq', '=', seq)
      .executeTakeFirstOrThrow();
    treeRows(seq - 1, hash, frontier);
  }
  const start = Date.parse('2026-01-01T08:00:00.000Z');
  const batchSize = 1000;
  let checkpoints = 0;
  for (let from = Number(head.seq) + 1; from <= options.entries; ) {
    // Batches end on multiples of the batch size, so checkpoints fall on round sizes.
    const to = Math.min(options.entries, Math.ceil(from / batchSize) * batchSize);
    const rows: Insertable<LedgerEntriesTable>[] = [];
    const tree: { level: number; idx: number; hash: Buffer }[] = [];
    for (let seq = from; seq <= to; seq++) {
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
        record_id: seq,
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
        payload_json: canonicalPayload(normal),
        payload_hash: fields.payloadHash,
        prev_hash: prevHash,
        hash,
      });
      tree.push(...treeRows(seq - 1, hash, frontier));
      prevHash = hash;
    }
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('ledger_entries').values(rows).execute();
      for (let i = 0; i < tree.length; i += 5000)
        await trx
          .insertInto('ledger_tree')
          .values(tree.slice(i, i + 5000))
          .execute();
      await sql`update ledger_head set seq = ${to}, hash = ${prevHash} where id = 1`.execute(trx);
    });
    if (to % options.checkpointEvery === 0 || to === options.entries) {
      await createCheckpoint(db, key);
      checkpoints++;
    }
    from = to + 1;
  }
  return checkpoints;
}

/**
 * The `ledger_tree` rows appending leaf `index` (an entry with hash `entryHashHex`) completes:
 * its leaf and each parent whose right child it completes, as `ledger_tree_append` writes them.
 * `frontier` is kept up to date.
 */
export function treeRows(
  index: number,
  entryHashHex: string,
  frontier: Hash[],
): { level: number; idx: number; hash: Buffer }[] {
  const completed = completedBy(index);
  let hash = entryLeafHash(entryHashHex);
  const out = [{ level: 0, idx: index, hash }];
  for (const s of completed.slice(1)) {
    hash = nodeHash(frontier[s.level - 1], hash);
    out.push({ level: s.level, idx: s.index, hash });
  }
  frontier[completed.length - 1] = hash;
  return out;
}
