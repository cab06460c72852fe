import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { sql } from 'kysely';
import { systemActor } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import { appendEntry } from './commands.ts';
import { keyIdOf, parseVerifierKey, rawPublicKey, type Verifier, verifierKey } from './note.ts';

/**
 * The record's signing key. It lives in a file outside the database (or in the ACCORD_LOG_KEY
 * environment variable): whoever can write the database cannot sign a checkpoint with it.
 * The database keeps only the public keys the log has signed with (`signing_keys`), so that
 * a reader without trusted anchors can still check signatures; trust itself comes from the
 * witnesses' co-signatures (see checkpoints.ts).
 */
export interface LogKey {
  /** The log's name: the origin line of its checkpoints and the name in its signature lines. */
  name: string;
  privateKey: KeyObject;
  publicKey: Buffer;
  /** The 4-byte note key ID, as 8 hex digits. */
  keyId: string;
  /** The public key in signed-note verifier form: `<name>+<key id>+<base64 key>`. */
  verifierKey: string;
  /** Where it was read from: a file path, or "ACCORD_LOG_KEY". */
  source: string;
}

export class LogKeyError extends Error {}

/** The key as the log signs with it, named after the log's origin. */
export function logKeyOf(privateKey: KeyObject, origin: string, source: string): LogKey {
  const publicKey = rawPublicKey(createPublicKey(privateKey));
  return {
    name: origin,
    privateKey,
    publicKey,
    keyId: keyIdOf(origin, 0x01, publicKey).toString('hex'),
    verifierKey: verifierKey(origin, publicKey),
    source,
  };
}

function parsePrivateKey(pem: string, source: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new LogKeyError(`${source} is not a PEM private key`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new LogKeyError(`${source} is not an Ed25519 key`);
  return key;
}

/** A new Ed25519 private key as PKCS #8 PEM. */
export const newPrivateKeyPem = () =>
  generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

/** Writes a new key file readable by its owner only; refuses to overwrite one. */
export function createKeyFile(path: string): KeyObject {
  if (existsSync(path)) throw new LogKeyError(`${path} exists: it is not overwritten`);
  mkdirSync(dirname(path), { recursive: true });
  const pem = newPrivateKeyPem();
  writeFileSync(path, pem, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return createPrivateKey(pem);
}

export interface KeySettings {
  logKeyFile: string;
  logKeyPem?: string;
  logOrigin: string;
}

/** The configured key, or null when there is none yet (no file, no variable). */
export function readLogKey(settings: KeySettings): LogKey | null {
  if (settings.logKeyPem)
    return logKeyOf(
      parsePrivateKey(settings.logKeyPem, 'ACCORD_LOG_KEY'),
      settings.logOrigin,
      'ACCORD_LOG_KEY',
    );
  if (!existsSync(settings.logKeyFile)) return null;
  const pem = readFileSync(settings.logKeyFile, 'utf8');
  return logKeyOf(parsePrivateKey(pem, settings.logKeyFile), settings.logOrigin, settings.logKeyFile);
}

/** The configured key, made (as a file) on first start with a line saying where and what to do. */
export function ensureLogKey(settings: KeySettings, log: (line: string) => void): LogKey {
  const existing = readLogKey(settings);
  if (existing) return existing;
  createKeyFile(settings.logKeyFile);
  const key = readLogKey(settings) as LogKey;
  log(
    `the record's signing key was created in ${settings.logKeyFile} (public key ${key.verifierKey}); keep it out of database backups and give the public key to the witnesses`,
  );
  return key;
}

/**
 * Replaces the key file with a new key; the old one is kept beside it as
 * `<file>.retired-<key id>` (never used again to sign). Returns both.
 */
export function rotateKeyFile(settings: KeySettings): { previous: LogKey; next: LogKey } {
  if (settings.logKeyPem)
    throw new LogKeyError(
      'the key comes from ACCORD_LOG_KEY: rotate it in the secret store, then run accord key register',
    );
  const previous = readLogKey(settings);
  if (!previous) throw new LogKeyError(`no key file at ${settings.logKeyFile}: run accord key create first`);
  const retired = `${settings.logKeyFile}.retired-${previous.keyId}`;
  renameSync(settings.logKeyFile, retired);
  try {
    createKeyFile(settings.logKeyFile);
  } catch (err) {
    renameSync(retired, settings.logKeyFile);
    throw err;
  }
  return { previous, next: readLogKey(settings) as LogKey };
}

export interface PublishedKey {
  id: string;
  name: string | null;
  verifierKey: string | null;
  publicKeyPem: string;
  createdAt: string;
  retiredAt: string | null;
}

/** The public keys the log has signed with, oldest first (the last unretired one signs now). */
export async function publishedKeys(db: Db): Promise<PublishedKey[]> {
  const rows = await db.selectFrom('signing_keys').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    verifierKey: r.verifier_key,
    publicKeyPem: r.public_key_pem,
    createdAt: r.created_at.toISOString(),
    retiredAt: r.retired_at ? r.retired_at.toISOString() : null,
  }));
}

/**
 * Publishes the key's public part (once) and records it; any other key still current is
 * marked retired in the same transaction, and the entry says which one it replaced.
 * Returns false when the key was already published.
 */
export async function registerLogKey(db: Db, key: LogKey, by = 'accord'): Promise<boolean> {
  const known = await db
    .selectFrom('signing_keys')
    .select('id')
    .where('id', '=', key.keyId)
    .executeTakeFirst();
  if (known) return false;
  const inTransaction = <T>(fn: (trx: Db) => Promise<T>) =>
    db.isTransaction ? fn(db) : db.transaction().execute(fn);
  return inTransaction(async (trx) => {
    // One registration at a time across processes.
    await sql`select pg_advisory_xact_lock(hashtext('accord.signing_keys'))`.execute(trx);
    const known = await trx
      .selectFrom('signing_keys')
      .select('id')
      .where('id', '=', key.keyId)
      .executeTakeFirst();
    if (known) return false;
    const current = await trx
      .selectFrom('signing_keys')
      .select(['id'])
      .where('retired_at', 'is', null)
      .where('verifier_key', 'is not', null)
      .execute();
    if (current.length)
      await trx
        .updateTable('signing_keys')
        .set({ retired_at: new Date() })
        .where(
          'id',
          'in',
          current.map((c) => c.id),
        )
        .execute();
    const publicKeyPem = createPublicKey(key.privateKey).export({ type: 'spki', format: 'pem' }).toString();
    await trx
      .insertInto('signing_keys')
      .values({ id: key.keyId, public_key_pem: publicKeyPem, name: key.name, verifier_key: key.verifierKey })
      .execute();
    await appendEntry(trx, systemActor(by), {
      action: 'ledger.key_registered',
      subjectType: 'signing_key',
      subjectId: key.keyId,
      payload: {
        keyId: key.keyId,
        verifierKey: key.verifierKey,
        replaces: current.map((c) => c.id),
      },
    });
    return true;
  });
}

const cache = new Map<string, { stamp: number; key: LogKey | null }>();

/**
 * The configured key as a running server uses it: read once, and again when the key file
 * changes (after `accord key rotate`). Null when there is no key (a process that does not sign).
 */
export function configuredLogKey(settings: KeySettings): LogKey | null {
  const id = `${settings.logOrigin}\u0000${settings.logKeyPem ?? settings.logKeyFile}`;
  let stamp = 0;
  if (!settings.logKeyPem) {
    try {
      stamp = statSync(settings.logKeyFile).mtimeMs;
    } catch {
      stamp = -1;
    }
  }
  const cached = cache.get(id);
  if (cached && cached.stamp === stamp) return cached.key;
  const key = readLogKey(settings);
  cache.set(id, { stamp, key });
  return key;
}

/**
 * The log keys this server trusts from outside the database: the configured key and the ones
 * `accord key rotate` retired beside its file (`<file>.retired-<key id>`). A full verification
 * run by the server pins them, so a checkpoint signed with a key someone only added to
 * `signing_keys` does not pass. Empty when the process has no key.
 */
export function trustedLogVerifiers(settings: KeySettings): Verifier[] {
  const current = configuredLogKey(settings);
  if (!current) return [];
  const keys = [current];
  if (!settings.logKeyPem) {
    const dir = dirname(settings.logKeyFile);
    const prefix = `${basename(settings.logKeyFile)}.retired-`;
    for (const name of readdirSync(dir)
      .filter((n) => n.startsWith(prefix))
      .sort()) {
      const path = join(dir, name);
      try {
        keys.push(logKeyOf(parsePrivateKey(readFileSync(path, 'utf8'), path), settings.logOrigin, path));
      } catch {
        // not a key file: ignored, as it is not trusted
      }
    }
  }
  return keys.map((k) => parseVerifierKey(k.verifierKey));
}
