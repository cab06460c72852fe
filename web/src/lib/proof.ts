/**
 * A standalone verifier of the record's inclusion proofs (GET /api/ledger/proof), for the
 * reader's own browser: it trusts nothing the server computed. From the entry's fields and
 * payload it recomputes the entry's hash, then its leaf, follows the audit path to the root
 * (RFC 9162 2.1.3.2), reads the checkpoint (a C2SP signed note) and checks the log's Ed25519
 * signature and each witness's cosignature/v1 with the public keys given. Only WebCrypto
 * (`crypto.subtle`) and RFC 8785 canonical JSON are used.
 *
 * The rules are the server's, copied: src/modules/ledger/hash.ts (hashes), merkle.ts
 * (`verifyInclusion`), note.ts (notes, key IDs, cosignatures), proof.ts (`checkProof`).
 * `proof.test.ts` checks this copy against proofs the server builds.
 *
 * @example
 * const check = await checkProofInBrowser(proof, { logKeys, witnesses, quorum });
 * if (check.ok) show(check.steps);
 */
import canonicalize from 'canonicalize';
import type { Schema } from '../api/client.ts';

/** The proof as the API gives it. */
export type ProofDocument = Schema<'InclusionProof'>;

/** What the reader checks with: the keys the organisation publishes (GET /api/ledger/public-keys, /witnesses). */
export interface ProofTrust {
  /** The log's verifier keys, `name+keyid+base64(0x01 || key)`. */
  logKeys: string[];
  /** The organisation's witnesses; inactive ones are not counted. */
  witnesses: { name: string; verifierKey: string; active?: boolean }[];
  /** Co-signatures needed for a checkpoint to be witnessed (0: the organisation has no witnesses). */
  quorum: number;
}

/** The checks, in the order they run. */
export const PROOF_STEPS = [
  'payload',
  'entry',
  'leaf',
  'checkpoint',
  'inclusion',
  'logSignature',
  'cosignatures',
] as const;
export type ProofStepName = (typeof PROOF_STEPS)[number];

/**
 * passed / failed; skipped (nothing to check: a hidden payload, no witnesses, or signatures
 * this browser cannot check); pending (the checkpoint holds fewer co-signatures than the quorum,
 * none of them false).
 */
export type ProofStepStatus = 'passed' | 'failed' | 'skipped' | 'pending';

export interface ProofStep {
  step: ProofStepName;
  status: ProofStepStatus;
  /** Why, when not passed: a short code the page words (see REASONS). */
  reason?: ProofReason;
  /** A technical detail in English (a parse error), when there is one. */
  detail?: string;
}

export type ProofReason =
  | 'hidden'
  | 'mismatch'
  | 'wrongIndex'
  | 'unreadable'
  | 'otherTree'
  | 'noTrustedKey'
  | 'unsupported'
  | 'noWitnesses'
  | 'shortfall'
  | 'falseCosignature'
  | 'claimedNotFound';

export interface BrowserProofCheck {
  /** Every step that ran holds (a checkpoint not yet witnessed still is ok: see `witnessed`). */
  ok: boolean;
  /** This browser verifies Ed25519 signatures (WebCrypto); when not, the signature steps are skipped. */
  ed25519: boolean;
  steps: ProofStep[];
  seq: number;
  /** The checkpoint's tree size, as read from its note (null when it cannot be read). */
  size: number | null;
  /** The key ID of the log key whose signature holds. */
  logKeyId: string | null;
  /** Witnesses whose co-signature holds, in the order of `trust.witnesses`. */
  witnessedBy: string[];
  quorum: number;
  /** At least `quorum` (> 0) co-signatures hold. */
  witnessed: boolean;
}

// ---- bytes ------------------------------------------------------------------------------

const utf8 = (text: string) => new TextEncoder().encode(text);

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const equalBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

function fromHex(hex: string): Uint8Array {
  if (!/^([0-9a-f]{2})*$/i.test(hex)) throw new Error('not hex');
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Standard base64 to bytes; throws on anything else. */
function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function sha256(subtle: SubtleCrypto, ...parts: Uint8Array[]): Promise<Uint8Array> {
  return new Uint8Array(await subtle.digest('SHA-256', concat(...parts)));
}

// ---- the entry's hashes (hash.ts) ---------------------------------------------------------

/** RFC 8785 canonical JSON. */
function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be canonicalised');
  return text;
}

const sha256Hex = async (subtle: SubtleCrypto, text: string) => toHex(await sha256(subtle, utf8(text)));

type Entry = ProofDocument['entry'];

/** SHA-256 hex of the payload's canonical JSON. */
export const payloadHash = (subtle: SubtleCrypto, payload: unknown) =>
  sha256Hex(subtle, canonicalJson(payload));

/** The entry's hash: the link over its body hash, the previous hash and its number. */
export async function entryHash(subtle: SubtleCrypto, e: Omit<Entry, 'hash' | 'payload'>): Promise<string> {
  const body = await sha256Hex(
    subtle,
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
  );
  return sha256Hex(subtle, canonicalJson({ bodyHash: body, prevHash: e.prevHash, seq: e.seq }));
}

// ---- the Merkle tree (merkle.ts) ----------------------------------------------------------

/** SHA-256(0x00 || entry hash bytes): the entry's leaf. */
export const leafHashOf = (subtle: SubtleCrypto, entryHashHex: string) =>
  sha256(subtle, new Uint8Array([0x00]), fromHex(entryHashHex));

const nodeHash = (subtle: SubtleCrypto, left: Uint8Array, right: Uint8Array) =>
  sha256(subtle, new Uint8Array([0x01]), left, right);

const lsb = (x: number) => x % 2 === 1;

/**
 * Whether `proof` shows the leaf `leaf` at `index` in the tree of `size` leaves whose root is
 * `root` (RFC 9162 2.1.3.2). Division, not 32-bit operators, so sizes may pass 2^32.
 */
export async function verifyInclusion(
  subtle: SubtleCrypto,
  index: number,
  size: number,
  leaf: Uint8Array,
  proof: Uint8Array[],
  root: Uint8Array,
): Promise<boolean> {
  if (!(index >= 0 && index < size)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (lsb(fn) || fn === sn) {
      r = await nodeHash(subtle, p, r);
      if (!lsb(fn))
        while (!lsb(fn) && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
    } else r = await nodeHash(subtle, r, p);
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equalBytes(r, root);
}

// ---- signed notes (note.ts) -----------------------------------------------------------------

const ED25519 = 0x01;
const COSIGNATURE_V1 = 0x04;
const DASH = '\u2014 ';

interface NoteSignature {
  name: string;
  keyId: string;
  bytes: Uint8Array;
}

export interface ParsedCheckpoint {
  body: string;
  origin: string;
  size: number;
  root: Uint8Array;
  signatures: NoteSignature[];
}

/** Reads a checkpoint note (origin, size, root, blank line, signature lines); signatures unverified. */
export function parseCheckpoint(text: string): ParsedCheckpoint {
  const split = text.indexOf('\n\n');
  if (split < 0) throw new Error('a note is a body, a blank line, then signatures');
  const body = text.slice(0, split + 1);
  const signatures: NoteSignature[] = [];
  for (const line of text.slice(split + 2).split('\n')) {
    if (line === '') continue;
    if (!line.startsWith(DASH)) throw new Error('a signature line starts with an em dash');
    const [name, encoded, extra] = line.slice(DASH.length).split(' ');
    if (!name || !encoded || extra !== undefined) throw new Error('a signature line is "— name signature"');
    const bytes = fromBase64(encoded);
    if (bytes.length < 5) throw new Error('a signature is too short');
    signatures.push({ name, keyId: toHex(bytes.subarray(0, 4)), bytes: bytes.subarray(4) });
  }
  const lines = body.slice(0, -1).split('\n');
  if (lines.length < 3) throw new Error('a checkpoint names its origin, size and root hash');
  const [origin, sizeText, rootText] = lines;
  if (!/^(0|[1-9][0-9]*)$/.test(sizeText)) throw new Error('the tree size is a decimal number');
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) throw new Error('the tree size is too large');
  const root = fromBase64(rootText);
  if (root.length !== 32 || toBase64(root) !== rootText)
    throw new Error('the root hash is 32 bytes in standard base64');
  return { body, origin, size, root, signatures };
}

interface Verifier {
  name: string;
  publicKey: Uint8Array;
}

/** The 4-byte key ID, hex: SHA-256(name || 0x0A || type || public key), first four bytes. */
async function keyIdOf(subtle: SubtleCrypto, name: string, type: number, publicKey: Uint8Array) {
  return toHex((await sha256(subtle, utf8(name), new Uint8Array([0x0a, type]), publicKey)).subarray(0, 4));
}

/** Reads `name+keyid+base64(0x01 || key)`, checking that the key ID is the key's. */
export async function parseVerifierKey(subtle: SubtleCrypto, text: string): Promise<Verifier> {
  const trimmed = text.trim();
  const first = trimmed.indexOf('+');
  const second = trimmed.indexOf('+', first + 1);
  if (first <= 0 || second < 0) throw new Error('a verifier key reads name+keyid+key');
  const name = trimmed.slice(0, first);
  const id = trimmed.slice(first + 1, second);
  const bytes = fromBase64(trimmed.slice(second + 1));
  if (bytes.length !== 33 || bytes[0] !== ED25519) throw new Error('the key is not an Ed25519 key');
  const publicKey = bytes.subarray(1);
  if ((await keyIdOf(subtle, name, ED25519, publicKey)) !== id.toLowerCase())
    throw new Error(`the key ID of ${name} does not match its key`);
  return { name, publicKey };
}

/** RFC 8032 7.1, test 1: a valid Ed25519 public key, signature and (empty) message. */
const PROBE = {
  key: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
  signature:
    'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
};

/**
 * Whether this WebCrypto verifies Ed25519 (Chromium 137+, Firefox 129+, Safari 17+, Node 20):
 * checked on RFC 8032's first test vector, so a browser without it is told so, never guessed.
 */
export async function ed25519Supported(subtle: SubtleCrypto): Promise<boolean> {
  try {
    return await ed25519Verify(subtle, fromHex(PROBE.key), fromHex(PROBE.signature), new Uint8Array());
  } catch {
    return false;
  }
}

async function ed25519Verify(
  subtle: SubtleCrypto,
  publicKey: Uint8Array,
  signature: Uint8Array,
  message: Uint8Array,
): Promise<boolean> {
  const key = await subtle.importKey('raw', concat(publicKey), { name: 'Ed25519' }, false, ['verify']);
  return subtle.verify({ name: 'Ed25519' }, key, concat(signature), concat(message));
}

/** The log's signature by `verifier` on the note, if there is one and it holds. */
async function verifySignature(subtle: SubtleCrypto, note: ParsedCheckpoint, verifier: Verifier) {
  const id = await keyIdOf(subtle, verifier.name, ED25519, verifier.publicKey);
  for (const s of note.signatures) {
    if (s.name !== verifier.name || s.keyId !== id || s.bytes.length !== 64) continue;
    if (await ed25519Verify(subtle, verifier.publicKey, s.bytes, utf8(note.body)).catch(() => false))
      return id;
  }
  return null;
}

/**
 * `verifier`'s cosignature/v1 on the note: 'valid' when one holds, 'false' when a line under
 * its name and key ID does not, 'none' when there is no such line.
 */
async function verifyCosignature(subtle: SubtleCrypto, note: ParsedCheckpoint, verifier: Verifier) {
  const id = await keyIdOf(subtle, verifier.name, COSIGNATURE_V1, verifier.publicKey);
  let seen = false;
  for (const s of note.signatures) {
    if (s.name !== verifier.name || s.keyId !== id) continue;
    seen = true;
    if (s.bytes.length !== 72) continue;
    const time = new DataView(s.bytes.buffer, s.bytes.byteOffset, 8).getBigUint64(0);
    const message = utf8(`cosignature/v1\ntime ${time}\n${note.body}`);
    if (await ed25519Verify(subtle, verifier.publicKey, s.bytes.subarray(8), message).catch(() => false))
      return 'valid';
  }
  return seen ? 'false' : 'none';
}

// ---- the whole check (proof.ts checkProof) ---------------------------------------------------

/**
 * Checks an inclusion proof step by step, with nothing but the proof's text, the keys given
 * and `subtle` (the browser's WebCrypto; Node's in tests). Never throws for a bad proof: every
 * failure is a failed step.
 */
export async function checkProofInBrowser(
  doc: ProofDocument,
  trust: ProofTrust,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<BrowserProofCheck> {
  const steps: ProofStep[] = [];
  const add = (step: ProofStepName, status: ProofStepStatus, reason?: ProofReason, detail?: string) =>
    steps.push({ step, status, ...(reason ? { reason } : {}), ...(detail ? { detail } : {}) });
  const entry = doc.entry;
  const result: BrowserProofCheck = {
    ok: false,
    ed25519: true,
    steps,
    seq: entry.seq,
    size: null,
    logKeyId: null,
    witnessedBy: [],
    quorum: trust.quorum,
    witnessed: false,
  };

  // 1. The payload gives its hash.
  if (entry.payload === null || entry.payload === undefined) add('payload', 'skipped', 'hidden');
  else
    add(
      'payload',
      (await payloadHash(subtle, entry.payload)) === entry.payloadHash ? 'passed' : 'failed',
      'mismatch',
    );

  // 2. The fields give the entry's hash.
  try {
    add('entry', (await entryHash(subtle, entry)) === entry.hash ? 'passed' : 'failed', 'mismatch');
  } catch (err) {
    add('entry', 'failed', 'unreadable', (err as Error).message);
  }

  // 3. The entry's hash gives the leaf, at the entry's place.
  let leaf: Uint8Array | null = null;
  try {
    leaf = await leafHashOf(subtle, entry.hash);
  } catch {
    leaf = null;
  }
  if (!leaf || toBase64(leaf) !== doc.leafHash) add('leaf', 'failed', 'mismatch');
  else if (doc.leafIndex !== entry.seq - 1) add('leaf', 'failed', 'wrongIndex');
  else add('leaf', 'passed');

  // 4. The checkpoint reads, for the proof's tree.
  let note: ParsedCheckpoint | null = null;
  try {
    note = parseCheckpoint(doc.checkpoint.note);
  } catch (err) {
    add('checkpoint', 'failed', 'unreadable', (err as Error).message);
  }
  if (note) {
    result.size = note.size;
    if (note.size !== doc.treeSize || toBase64(note.root) !== doc.checkpoint.root)
      add('checkpoint', 'failed', 'otherTree');
    else add('checkpoint', 'passed');
  }

  // 5. The audit path leads from the leaf to the checkpoint's root.
  if (note && leaf) {
    let path: Uint8Array[] | null;
    try {
      path = doc.path.map(fromBase64);
    } catch {
      path = null;
    }
    const holds =
      path !== null && (await verifyInclusion(subtle, doc.leafIndex, note.size, leaf, path, note.root));
    add('inclusion', holds ? 'passed' : 'failed', 'mismatch');
  } else add('inclusion', 'failed', 'unreadable');

  // 6 and 7. The log's signature and the witnesses' co-signatures.
  result.ed25519 = await ed25519Supported(subtle);
  if (!note) {
    add('logSignature', 'failed', 'unreadable');
    add('cosignatures', 'failed', 'unreadable');
  } else if (!result.ed25519) {
    add('logSignature', 'skipped', 'unsupported');
    add('cosignatures', 'skipped', 'unsupported');
  } else await checkSignatures(subtle, note, doc, trust, result, add);
  result.ok = steps.every((s) => s.status !== 'failed');
  return result;
}

async function checkSignatures(
  subtle: SubtleCrypto,
  note: ParsedCheckpoint,
  doc: ProofDocument,
  trust: ProofTrust,
  result: BrowserProofCheck,
  add: (step: ProofStepName, status: ProofStepStatus, reason?: ProofReason, detail?: string) => void,
) {
  for (const text of trust.logKeys) {
    let verifier: Verifier;
    try {
      verifier = await parseVerifierKey(subtle, text);
    } catch {
      continue;
    }
    result.logKeyId = await verifySignature(subtle, note, verifier);
    if (result.logKeyId) break;
  }
  add('logSignature', result.logKeyId ? 'passed' : 'failed', 'noTrustedKey');

  const active = trust.witnesses.filter((w) => w.active !== false);
  if (trust.quorum <= 0 || active.length === 0) {
    add('cosignatures', 'skipped', 'noWitnesses');
    return;
  }
  let falseLine = false;
  for (const w of active) {
    let verdict: 'valid' | 'false' | 'none';
    try {
      verdict = await verifyCosignature(subtle, note, await parseVerifierKey(subtle, w.verifierKey));
    } catch {
      verdict = 'none';
    }
    if (verdict === 'valid') result.witnessedBy.push(w.name);
    if (verdict === 'false') falseLine = true;
  }
  result.witnessed = result.witnessedBy.length >= trust.quorum;
  // The server's list of co-signers must be borne out by signatures that hold.
  const claimed = doc.checkpoint.cosigners
    .map((c) => c.name)
    .filter((name) => active.some((w) => w.name === name) && !result.witnessedBy.includes(name));
  if (falseLine) add('cosignatures', 'failed', 'falseCosignature');
  else if (claimed.length) add('cosignatures', 'failed', 'claimedNotFound', claimed.join(', '));
  else if (!result.witnessed) add('cosignatures', 'pending', 'shortfall');
  else add('cosignatures', 'passed');
}
