import { sql } from 'kysely';
import { type Actor, systemActor } from '../../core/actor.ts';
import { publish } from '../../core/events.ts';
import type { Db } from '../../db/connect.ts';
import './events.ts';
import { appendEntry } from './commands.ts';
import { type LogKey, registerLogKey } from './keys.ts';
import {
  checkpointBody,
  NoteError,
  noteText,
  parseCheckpoint,
  parseVerifierKey,
  signCheckpoint,
  verifyCosignature,
} from './note.ts';
import { rootAt, treeSize } from './tree.ts';

/**
 * Checkpoints (signed tree heads) of the record as C2SP signed notes: the log signs
 * (origin, size, root) with its key file; the member states' witnesses co-sign them
 * (`accord witness`, witness.ts) and post their co-signatures back. A checkpoint with as
 * many co-signatures from the organisation's witnesses as its quorum is *witnessed*: no
 * single party, the secretariat's operator included, can later show a different history
 * under it without a witness refusing.
 */

export interface WitnessInfo {
  name: string;
  state: string | null;
  verifierKey: string;
  active: boolean;
}

export interface CheckpointView {
  size: number;
  /** The root hash, standard base64 (as in the note). */
  root: string;
  /** The whole note: body, the log's signature and every co-signature received. */
  note: string;
  keyId: string;
  signedAt: string;
  cosigners: { name: string; state: string | null; cosignedAt: string }[];
  quorum: number;
  /** At least `quorum` active witnesses co-signed it (and the quorum is not zero). */
  witnessed: boolean;
}

/**
 * Signs the current tree head with the log's key, unless it is signed already. Runs
 * periodically in the server, at export and before a proof needs it. Only the holder of the
 * key file can do it.
 */
export async function createCheckpoint(db: Db, key: LogKey): Promise<CheckpointView | null> {
  // A key signs only once it is published (and its publication recorded).
  await registerLogKey(db, key);
  const size = await treeSize(db);
  if (size === 0) return null;
  const existing = await checkpointAt(db, size);
  if (existing) return existing;
  const root = await rootAt(db, size);
  const body = checkpointBody({ origin: key.name, size, root });
  const note = noteText(body, [signCheckpoint(body, key.name, key.privateKey)]);
  await db
    .insertInto('ledger_checkpoints')
    .values({ size, root, note, key_id: key.keyId })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return checkpointAt(db, size);
}

export async function witnessQuorum(db: Db): Promise<number> {
  const row = await db.selectFrom('ledger_settings').select('witness_quorum').executeTakeFirst();
  return Number(row?.witness_quorum ?? 0);
}

export async function listWitnesses(db: Db): Promise<WitnessInfo[]> {
  const rows = await db.selectFrom('ledger_witnesses').selectAll().orderBy('name').execute();
  return rows.map((r) => ({
    name: r.name,
    state: r.state_code,
    verifierKey: r.verifier_key,
    active: r.active,
  }));
}

type CheckpointRow = {
  size: number | string;
  root: Uint8Array;
  note: string;
  key_id: string;
  signed_at: Date;
};

/** Checkpoints with their co-signatures, newest first. */
async function present(db: Db, rows: CheckpointRow[]): Promise<CheckpointView[]> {
  if (rows.length === 0) return [];
  const sizes = rows.map((r) => Number(r.size));
  const [cosignatures, quorum] = await Promise.all([
    db
      .selectFrom('ledger_cosignatures as c')
      .innerJoin('ledger_witnesses as w', 'w.name', 'c.witness')
      .select(['c.size', 'c.line', 'c.cosigned_at', 'w.name', 'w.state_code', 'w.active'])
      .where('c.size', 'in', sizes)
      .orderBy('c.received_at')
      .orderBy('w.name')
      .execute(),
    witnessQuorum(db),
  ]);
  return rows.map((row) => {
    const size = Number(row.size);
    const mine = cosignatures.filter((c) => Number(c.size) === size);
    const counted = mine.filter((c) => c.active);
    return {
      size,
      root: Buffer.from(row.root).toString('base64'),
      note: row.note + mine.map((c) => c.line).join(''),
      keyId: row.key_id,
      signedAt: row.signed_at.toISOString(),
      cosigners: mine.map((c) => ({
        name: c.name,
        state: c.state_code,
        cosignedAt: c.cosigned_at.toISOString(),
      })),
      quorum,
      witnessed: quorum > 0 && counted.length >= quorum,
    };
  });
}

export async function checkpointAt(db: Db, size: number): Promise<CheckpointView | null> {
  const rows = await db.selectFrom('ledger_checkpoints').selectAll().where('size', '=', size).execute();
  return (await present(db, rows))[0] ?? null;
}

/** Checkpoints newest first, optionally only those covering entry `covering` or only witnessed ones. */
export async function listCheckpoints(
  db: Db,
  opts: { covering?: number; witnessed?: boolean; limit?: number; before?: number } = {},
): Promise<CheckpointView[]> {
  let query = db.selectFrom('ledger_checkpoints').selectAll().orderBy('size', 'desc');
  if (opts.covering) query = query.where('size', '>=', opts.covering);
  if (opts.before) query = query.where('size', '<', opts.before);
  if (opts.witnessed) {
    const quorum = await witnessQuorum(db);
    if (quorum === 0) return [];
    query = query.where(
      sql<boolean>`(select count(*) from ledger_cosignatures c join ledger_witnesses w on w.name = c.witness
        where c.size = ledger_checkpoints.size and w.active) >= ${quorum}`,
    );
  }
  if (opts.limit) query = query.limit(opts.limit);
  return present(db, await query.execute());
}

/** The newest checkpoint (witnessed ones preferred when asked), or null. */
export async function latestCheckpoint(db: Db, opts: { witnessed?: boolean } = {}) {
  return (await listCheckpoints(db, { ...opts, limit: 1 }))[0] ?? null;
}

/**
 * The checkpoint that vouches for entry `seq`: the oldest witnessed one covering it (the
 * first time the witnesses fixed it), else the newest signed one covering it, else null
 * (the entry is newer than every checkpoint).
 */
export async function checkpointCovering(db: Db, seq: number): Promise<CheckpointView | null> {
  const witnessed = await db
    .selectFrom('ledger_checkpoints')
    .select('size')
    .where('size', '>=', seq)
    .where(
      sql<boolean>`(select count(*) from ledger_cosignatures c join ledger_witnesses w on w.name = c.witness
        where c.size = ledger_checkpoints.size and w.active)
        >= greatest(1, (select witness_quorum from ledger_settings where id = 1))`,
    )
    .where(sql<boolean>`(select witness_quorum from ledger_settings where id = 1) > 0`)
    .orderBy('size')
    .limit(1)
    .executeTakeFirst();
  if (witnessed) return checkpointAt(db, Number(witnessed.size));
  return (await listCheckpoints(db, { covering: seq, limit: 1 }))[0] ?? null;
}

export class CosignatureError extends Error {}

/**
 * Stores the co-signatures a note carries from the organisation's active witnesses, for the
 * checkpoint of the same body. Each is verified against the witness's key first; lines from
 * unknown keys or that do not verify are refused. Returns the witnesses whose co-signature
 * was new.
 */
export async function addCosignatures(db: Db, text: string): Promise<{ size: number; accepted: string[] }> {
  let note: ReturnType<typeof parseCheckpoint>;
  try {
    note = parseCheckpoint(text);
  } catch (err) {
    throw new CosignatureError(err instanceof NoteError ? err.message : 'not a signed note');
  }
  const stored = await db
    .selectFrom('ledger_checkpoints')
    .select(['size', 'note'])
    .where('size', '=', note.size)
    .executeTakeFirst();
  if (!stored?.note.startsWith(note.body) || stored.note[note.body.length] !== '\n')
    throw new CosignatureError(`the log signed no checkpoint with this body at size ${note.size}`);
  const witnesses = (await listWitnesses(db)).filter((w) => w.active);
  const accepted: string[] = [];
  const offered = note.signatures.filter((s) => witnesses.some((w) => w.name === s.name));
  if (offered.length === 0) throw new CosignatureError('the note carries no co-signature of a known witness');
  for (const signature of offered) {
    const witness = witnesses.find((w) => w.name === signature.name)!;
    const time = verifyCosignature(
      { body: note.body, signatures: [signature] },
      parseVerifierKey(witness.verifierKey),
    );
    if (time === null) throw new CosignatureError(`the co-signature of ${witness.name} does not verify`);
    const inserted = await db
      .insertInto('ledger_cosignatures')
      .values({
        size: note.size,
        witness: witness.name,
        line: signature.line,
        cosigned_at: new Date(time * 1000),
      })
      .onConflict((oc) => oc.doNothing())
      .returning('witness')
      .executeTakeFirst();
    if (inserted) accepted.push(witness.name);
  }
  return { size: note.size, accepted };
}

export interface WitnessSpec {
  name: string;
  state: string | null;
  verifierKey: string;
}

/**
 * Sets the organisation's witnesses and quorum (the organisation file's `record:` section),
 * recorded when they change. Witnesses no longer named stay known (their past co-signatures
 * still read) but inactive: they no longer count.
 */
export async function setWitnesses(trx: Db, actor: Actor, witnesses: WitnessSpec[], quorum: number) {
  const before = await listWitnesses(trx);
  const beforeQuorum = await witnessQuorum(trx);
  const same =
    beforeQuorum === quorum &&
    before.filter((w) => w.active).length === witnesses.length &&
    witnesses.every((w) =>
      before.some(
        (b) => b.active && b.name === w.name && b.verifierKey === w.verifierKey && b.state === w.state,
      ),
    );
  if (same) return false;
  await trx.updateTable('ledger_witnesses').set({ active: false }).execute();
  for (const w of witnesses)
    await trx
      .insertInto('ledger_witnesses')
      .values({ name: w.name, state_code: w.state, verifier_key: w.verifierKey, active: true })
      .onConflict((oc) =>
        oc.column('name').doUpdateSet({ state_code: w.state, verifier_key: w.verifierKey, active: true }),
      )
      .execute();
  await trx.updateTable('ledger_settings').set({ witness_quorum: quorum }).execute();
  await appendEntry(trx, actor, {
    action: 'ledger.witnesses_set',
    subjectType: 'record',
    subjectId: 'witnesses',
    payload: { witnesses: witnesses.map((w) => ({ ...w })), quorum },
  });
  return true;
}

/** The witnesses with the newest checkpoint each co-signed, and the quorum. */
export async function witnessesWithActivity(db: Db) {
  const [witnesses, quorum, last] = await Promise.all([
    listWitnesses(db),
    witnessQuorum(db),
    db
      .selectFrom('ledger_cosignatures')
      .select(['witness', (eb) => eb.fn.max('size').as('size'), (eb) => eb.fn.max('cosigned_at').as('at')])
      .groupBy('witness')
      .execute(),
  ]);
  return {
    quorum,
    items: witnesses.map((w) => {
      const mine = last.find((l) => l.witness === w.name);
      return {
        ...w,
        lastCosignedSize: mine ? Number(mine.size) : null,
        lastCosignedAt: mine?.at ? new Date(mine.at as Date).toISOString() : null,
      };
    }),
  };
}

export interface ForkReport {
  witness: string;
  cosignedNote: string;
  shownNote: string;
  reason: string;
}

/**
 * Records a witness's fork report. The report is believed only if the checkpoint it says the
 * witness co-signed carries that witness's valid co-signature: nobody else can raise it.
 */
export async function reportFork(db: Db, report: ForkReport): Promise<void> {
  const witness = (await listWitnesses(db)).find((w) => w.name === report.witness);
  if (!witness) throw new CosignatureError(`${report.witness} is not a witness of this record`);
  let cosigned: ReturnType<typeof parseCheckpoint>;
  let shown: ReturnType<typeof parseCheckpoint>;
  try {
    cosigned = parseCheckpoint(report.cosignedNote);
    shown = parseCheckpoint(report.shownNote);
  } catch (err) {
    throw new CosignatureError(err instanceof NoteError ? err.message : 'not a signed note');
  }
  if (verifyCosignature(cosigned, parseVerifierKey(witness.verifierKey)) === null)
    throw new CosignatureError(`the checkpoint does not carry a valid co-signature of ${witness.name}`);
  const facts = {
    witness: witness.name,
    cosignedSize: cosigned.size,
    shownSize: shown.size,
    reason: report.reason,
  };
  await db.transaction().execute(async (trx) => {
    await appendEntry(trx, systemActor(`witness ${witness.name}`), {
      action: 'ledger.fork_reported',
      subjectType: 'record',
      subjectId: 'witnesses',
      payload: { ...facts, cosignedNote: report.cosignedNote, shownNote: report.shownNote },
    });
    // Every state that runs a witness hears of it on its own systems too.
    const states = [...new Set((await listWitnesses(trx)).flatMap((w) => (w.state ? [w.state] : [])))];
    await publish(trx, 'ledger.fork_reported', {
      ...facts,
      at: new Date(),
      actorId: null,
      webhook: { event: 'record_fork', states, data: facts },
    });
  });
}
