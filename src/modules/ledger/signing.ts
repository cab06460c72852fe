import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import type { Db } from '../../db/connect.ts';
import { canonicalJson } from './hash.ts';

export interface PublicKeyInfo {
  id: string;
  algorithm: 'Ed25519';
  publicKeyPem: string;
}

export interface Checkpoint {
  seq: number;
  hash: string;
  signedAt: string;
  keyId: string;
  signature: string;
}

/** The id of a public key: the first 16 hex digits of SHA-256 over its SPKI DER form. */
export const keyIdOf = (publicKeyPem: string) =>
  createHash('sha256')
    .update(createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);

/**
 * The server's Ed25519 signing key, made on first use and kept in the database so that
 * every server process on one PostgreSQL signs with the same key.
 */
export async function ensureSigningKey(db: Db): Promise<{ id: string; privateKeyPem: string }> {
  const existing = await db
    .selectFrom('signing_keys')
    .select(['id', 'private_key_pem'])
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
  if (existing) return { id: existing.id, privateKeyPem: existing.private_key_pem };
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  await db
    .insertInto('signing_keys')
    .values({ id: keyIdOf(publicKeyPem), public_key_pem: publicKeyPem, private_key_pem: privateKeyPem })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return ensureSigningKey(db);
}

export async function publicKeys(db: Db): Promise<PublicKeyInfo[]> {
  const rows = await db
    .selectFrom('signing_keys')
    .select(['id', 'public_key_pem'])
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, algorithm: 'Ed25519', publicKeyPem: r.public_key_pem }));
}

/** The bytes a checkpoint signature covers. */
export const checkpointMessage = (c: Omit<Checkpoint, 'signature'>) =>
  Buffer.from(canonicalJson({ seq: c.seq, hash: c.hash, signedAt: c.signedAt, keyId: c.keyId }), 'utf8');

export function signCheckpoint(
  c: Omit<Checkpoint, 'signature' | 'keyId'>,
  key: { id: string; privateKeyPem: string },
): Checkpoint {
  const unsigned = { ...c, keyId: key.id };
  const signature = sign(null, checkpointMessage(unsigned), createPrivateKey(key.privateKeyPem)).toString(
    'base64',
  );
  return { ...unsigned, signature };
}

/** Checks a checkpoint's signature against the published keys. */
export function checkpointSignatureValid(
  c: Checkpoint,
  keys: Map<string, ReturnType<typeof createPublicKey>>,
) {
  const key = keys.get(c.keyId);
  if (!key) return false;
  try {
    return verify(null, checkpointMessage(c), key, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

export const loadPublicKeys = (keys: PublicKeyInfo[]) =>
  new Map(keys.map((k) => [k.id, createPublicKey(k.publicKeyPem)]));

/**
 * Signs the current head of the record, unless it is already signed. Runs at export,
 * after a restore, and periodically in the server.
 */
export async function createCheckpoint(db: Db): Promise<Checkpoint | null> {
  const key = await ensureSigningKey(db);
  const head = await db.selectFrom('ledger_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
  const seq = Number(head.seq);
  if (seq === 0) return null;
  const existing = await db
    .selectFrom('ledger_checkpoints')
    .selectAll()
    .where('seq', '=', seq)
    .executeTakeFirst();
  if (existing) return presentCheckpoint(existing);
  const checkpoint = signCheckpoint({ seq, hash: head.hash, signedAt: new Date().toISOString() }, key);
  await db
    .insertInto('ledger_checkpoints')
    .values({
      seq,
      hash: checkpoint.hash,
      signed_at: checkpoint.signedAt,
      key_id: checkpoint.keyId,
      signature: checkpoint.signature,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return checkpoint;
}

export function presentCheckpoint(row: {
  seq: number;
  hash: string;
  signed_at: Date;
  key_id: string;
  signature: string;
}): Checkpoint {
  return {
    seq: Number(row.seq),
    hash: row.hash,
    signedAt: row.signed_at.toISOString(),
    keyId: row.key_id,
    signature: row.signature,
  };
}
