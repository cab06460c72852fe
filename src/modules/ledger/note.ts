import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';

/**
 * Checkpoints as the transparency-log ecosystem writes them: a C2SP signed note
 * (https://c2sp.org/signed-note) whose body is a tlog-checkpoint (origin, tree size, root
 * hash), signed by the log with Ed25519 and cosigned by witnesses (c2sp.org/tlog-cosignature,
 * `cosignature/v1`). Any tool of that ecosystem reads them; so can a member state's auditor
 * with nothing but the text and the public keys.
 *
 * ```
 * accord.example.org/record
 * 1042
 * 3v5Zb0V8...=
 *
 * — accord.example.org/record Az3gRA...
 * — witness.by 9pQ7bA...
 * ```
 */

/** The signature types of a key ID: an Ed25519 note signature, an Ed25519 cosignature/v1. */
const ED25519 = 0x01;
const COSIGNATURE_V1 = 0x04;
const DASH = '\u2014 ';

/** A Ed25519 public key as its 32 raw bytes. */
export type RawPublicKey = Buffer;

export interface CheckpointBody {
  /** Names the log: e.g. "accord.example.org/record". One line, no spaces at either end. */
  origin: string;
  size: number;
  /** The tree's root hash, 32 bytes. */
  root: Buffer;
  /** Extension lines, in order (none today). */
  extensions?: string[];
}

export interface NoteSignature {
  name: string;
  /** The 4-byte key ID, as 8 hex digits. */
  keyId: string;
  /** What follows the key ID: the Ed25519 signature, or (cosignature) 8-byte time + signature. */
  bytes: Buffer;
  /** The line as written. */
  line: string;
}

export interface ParsedCheckpoint extends CheckpointBody, ParsedNote {}

export class NoteError extends Error {}

const validName = (name: string) => name.length > 0 && !/[\s+]/u.test(name);

/** The 4-byte key ID: SHA-256(name || 0x0A || type || public key), first four bytes. */
export function keyIdOf(name: string, type: number, publicKey: RawPublicKey): Buffer {
  return createHash('sha256')
    .update(Buffer.from(name, 'utf8'))
    .update(Buffer.from([0x0a, type]))
    .update(publicKey)
    .digest()
    .subarray(0, 4);
}

/** The raw 32 bytes of an Ed25519 public key (KeyObject or PEM). */
export function rawPublicKey(key: KeyObject | string): RawPublicKey {
  const object = typeof key === 'string' ? createPublicKey(key) : key;
  const jwk = object.export({ format: 'jwk' }) as { x?: string; crv?: string };
  if (jwk.crv !== 'Ed25519' || !jwk.x) throw new NoteError('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url');
}

const publicKeyObject = (raw: RawPublicKey) =>
  createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') }, format: 'jwk' });

/**
 * A verifier key in the signed-note text form: `<name>+<hex key ID>+<base64(0x01 || key)>`.
 * The form the organisation file and `accord ledger verify --witness` take.
 */
export function verifierKey(name: string, publicKey: RawPublicKey): string {
  if (!validName(name)) throw new NoteError(`a key name has no spaces or "+": ${JSON.stringify(name)}`);
  const id = keyIdOf(name, ED25519, publicKey).toString('hex');
  return `${name}+${id}+${Buffer.concat([Buffer.from([ED25519]), publicKey]).toString('base64')}`;
}

export interface Verifier {
  name: string;
  publicKey: RawPublicKey;
}

/** Reads a verifier key, checking its key ID against its name and key. */
export function parseVerifierKey(text: string): Verifier {
  // The base64 key may itself hold "+": split at the first two only.
  const trimmed = text.trim();
  const first = trimmed.indexOf('+');
  const second = trimmed.indexOf('+', first + 1);
  if (first <= 0 || second < 0) throw new NoteError('a verifier key reads name+keyid+key');
  const [name, id, encoded] = [
    trimmed.slice(0, first),
    trimmed.slice(first + 1, second),
    trimmed.slice(second + 1),
  ];
  const bytes = Buffer.from(encoded, 'base64');
  if (bytes.length !== 33 || bytes[0] !== ED25519) throw new NoteError('the key is not an Ed25519 key');
  const publicKey = bytes.subarray(1);
  if (keyIdOf(name, ED25519, publicKey).toString('hex') !== id.toLowerCase())
    throw new NoteError(`the key ID of ${name} does not match its key`);
  return { name, publicKey };
}

/** The checkpoint's body: origin, size, base64 root, extensions, each line ending in \n. */
export function checkpointBody(c: CheckpointBody): string {
  if (!c.origin || c.origin.includes('\n') || c.origin.trim() !== c.origin)
    throw new NoteError('the origin is one line without surrounding spaces');
  if (!Number.isSafeInteger(c.size) || c.size < 0) throw new NoteError('the size is a whole number');
  if (c.root.length !== 32) throw new NoteError('the root hash is 32 bytes');
  const lines = [c.origin, String(c.size), c.root.toString('base64'), ...(c.extensions ?? [])];
  for (const line of lines)
    if (line === '' || line.includes('\n')) throw new NoteError('empty or broken line');
  return `${lines.join('\n')}\n`;
}

function signatureLine(name: string, bytes: Buffer) {
  return `${DASH}${name} ${bytes.toString('base64')}\n`;
}

/** The log's signature line over a checkpoint body. */
export function signCheckpoint(body: string, name: string, privateKey: KeyObject | string): string {
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  const publicKey = rawPublicKey(createPublicKey(key));
  const signature = sign(null, Buffer.from(body, 'utf8'), key);
  return signatureLine(name, Buffer.concat([keyIdOf(name, ED25519, publicKey), signature]));
}

const cosignedMessage = (body: string, time: number) => `cosignature/v1\ntime ${time}\n${body}`;

/** A witness's cosignature/v1 line over a checkpoint body, at `time` (Unix seconds). */
export function cosignCheckpoint(
  body: string,
  name: string,
  privateKey: KeyObject | string,
  time: number,
): string {
  const key = typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey;
  const publicKey = rawPublicKey(createPublicKey(key));
  const stamp = Buffer.alloc(8);
  stamp.writeBigUInt64BE(BigInt(time));
  const signature = sign(null, Buffer.from(cosignedMessage(body, time), 'utf8'), key);
  return signatureLine(name, Buffer.concat([keyIdOf(name, COSIGNATURE_V1, publicKey), stamp, signature]));
}

/** A whole note: the body, a blank line, then the signature lines. */
export const noteText = (body: string, signatureLines: string[]) => `${body}\n${signatureLines.join('')}`;

export interface ParsedNote {
  /** The signed text: every line before the blank line, each ending in a newline. */
  body: string;
  signatures: NoteSignature[];
}

/** Reads any signed note: its body and signature lines (read, not verified). */
export function parseNote(text: string): ParsedNote {
  const split = text.indexOf('\n\n');
  if (split < 0) throw new NoteError('a note is a body, a blank line, then signatures');
  const body = text.slice(0, split + 1);
  const signatures: NoteSignature[] = [];
  for (const line of text.slice(split + 2).split('\n')) {
    if (line === '') continue;
    if (!line.startsWith(DASH)) throw new NoteError('a signature line starts with an em dash');
    const [name, encoded, extra] = line.slice(DASH.length).split(' ');
    if (!name || !encoded || extra !== undefined)
      throw new NoteError('a signature line is "— name signature"');
    const bytes = Buffer.from(encoded, 'base64');
    if (bytes.length < 5) throw new NoteError('a signature is too short');
    signatures.push({
      name,
      keyId: bytes.subarray(0, 4).toString('hex'),
      bytes: bytes.subarray(4),
      line: `${line}\n`,
    });
  }
  return { body, signatures };
}

/** Reads a checkpoint note; its signatures are read but not verified (see verifySignature). */
export function parseCheckpoint(text: string): ParsedCheckpoint {
  const { body, signatures } = parseNote(text);
  const lines = body.slice(0, -1).split('\n');
  if (lines.length < 3) throw new NoteError('a checkpoint names its origin, size and root hash');
  const [origin, sizeText, rootText, ...extensions] = lines;
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText)) throw new NoteError('the tree size is a decimal number');
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) throw new NoteError('the tree size is too large');
  const root = Buffer.from(rootText, 'base64');
  if (root.length !== 32 || root.toString('base64') !== rootText)
    throw new NoteError('the root hash is 32 bytes in standard base64');
  return { body, origin, size, root, extensions, signatures };
}

/** The log's signature by `verifier` on the note, if there is one and it holds. */
export function verifySignature(note: ParsedNote, verifier: Verifier): boolean {
  const id = keyIdOf(verifier.name, ED25519, verifier.publicKey).toString('hex');
  return note.signatures.some(
    (s) =>
      s.name === verifier.name &&
      s.keyId === id &&
      s.bytes.length === 64 &&
      verify(null, Buffer.from(note.body, 'utf8'), publicKeyObject(verifier.publicKey), s.bytes),
  );
}

/** The time (Unix seconds) of `verifier`'s valid cosignature on the note, or null. */
export function verifyCosignature(note: ParsedNote, verifier: Verifier): number | null {
  const id = keyIdOf(verifier.name, COSIGNATURE_V1, verifier.publicKey).toString('hex');
  for (const s of note.signatures) {
    if (s.name !== verifier.name || s.keyId !== id || s.bytes.length !== 72) continue;
    const time = Number(s.bytes.readBigUInt64BE(0));
    const message = Buffer.from(cosignedMessage(note.body, time), 'utf8');
    if (verify(null, message, publicKeyObject(verifier.publicKey), s.bytes.subarray(8))) return time;
  }
  return null;
}
