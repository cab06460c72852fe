import * as crypto from 'node:crypto';
import { bodyHash, type ChainedFields, GENESIS_HASH, linkHash, payloadHash, sha256Hex } from './hash.ts';
import { EMPTY_TREE_HASH, type Hash } from './merkle.ts';
import {
  type ParsedCheckpoint,
  parseCheckpoint,
  type Verifier,
  verifyCosignature,
  verifySignature,
} from './note.ts';

/** An entry as exported and as verified: its chained fields, its hash and its payload (null when hidden). */
export interface ReadableEntry extends ChainedFields {
  hash: string;
  payload: unknown | null;
}

/** An entry the reader may not read: its place in the chain and the hash of its body only. */
export interface RedactedEntry {
  seq: number;
  prevHash: string;
  hash: string;
  bodyHash: string;
}

export type ExportedEntry = ReadableEntry | RedactedEntry;

// The tree's hashes, at the verifier's rate: SHA-256 in one call (crypto.hash, Node 20.12 and
// later) with a latin1 digest (a 32-character string, cheaper to make in Node 20 than a Buffer
// or hex), written into inputs allocated once (0x00 || entry hash, 0x01 || left || right).
const oneShot = (crypto as { hash?: typeof crypto.hash }).hash;
const digest: (data: Uint8Array, encoding: 'hex' | 'binary') => string = oneShot
  ? (data, encoding) => oneShot('sha256', data, encoding)
  : (data, encoding) => crypto.createHash('sha256').update(data).digest(encoding);
const LEAF_INPUT = Buffer.alloc(33, 0x00);
const NODE_INPUT = Buffer.alloc(65, 0x01);
/** SHA-256(0x01 || left || right), hashes as latin1 strings. */
function nodeOf(left: string, right: string): string {
  NODE_INPUT.write(left, 1, 'latin1');
  NODE_INPUT.write(right, 33, 'latin1');
  return digest(NODE_INPUT, 'binary');
}

const isRedacted = (e: ExportedEntry): e is RedactedEntry => !('action' in e) && 'bodyHash' in e;

export interface VerifyProblem {
  seq: number;
  reason: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  headSeq: number;
  firstBad: VerifyProblem | null;
  /** The newest checkpoint read: its size, signer, whether a trusted log key signed it, its witnesses. */
  checkpoint: { size: number; keyId: string; valid: boolean; witnessed: boolean; cosigners: string[] } | null;
  /** How many checkpoints trusted from outside (witnessed by a quorum, or saved) the entries match. */
  anchors: number;
  hiddenPayloads: number;
}

/**
 * What a verifier trusts that the database cannot forge: the log's public keys (pinned), the
 * witnesses' keys with how many must have co-signed, checkpoints saved earlier (e.g. from a
 * witness's storage).
 */
export interface Anchors {
  logKeys?: Verifier[];
  witnesses?: Verifier[];
  /** Co-signatures needed from `witnesses`; all of them when not given. */
  quorum?: number;
  checkpoints?: ParsedCheckpoint[];
}

/**
 * Walks the record in order and stops at the first entry that is not what the chain
 * says it must be: a changed field or payload, a missing (deleted) entry, an inserted or
 * reordered one. Each entry is a leaf of the Merkle tree; at the end every checkpoint's
 * root is recomputed, so a cut-off tail or a history rewritten end to end is caught by
 * any checkpoint a trusted key signed or a quorum of witnesses co-signed. Used for the live
 * database and for exported files alike.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private checked = 0;
  private hidden = 0;
  private problem: VerifyProblem | null = null;
  /**
   * The tree is built as the entries arrive, keeping only its right edge: `frontier[level]` is
   * the newest complete perfect subtree of 2^level leaves, which the leaves read so far split
   * into (the binary digits of their count). Memory stays O(log n) for any record. Its hashes
   * are kept as 32-character latin1 strings (see `digest`).
   */
  private readonly frontier: string[] = [];
  /** The sizes whose root `finish` will need (checkpoints, anchors), and those roots once reached. */
  private readonly wantedRoots = new Set<number>();
  private readonly roots = new Map<number, Hash>();
  private readonly logKeys: Verifier[];
  private readonly trustedLogKeys: boolean;
  private readonly witnesses: Verifier[];
  private readonly quorum: number;
  private readonly anchorNotes: ParsedCheckpoint[];

  /**
   * @param checkpoints the record's checkpoints as signed notes (with any co-signatures)
   * @param published the log keys the record itself publishes (used when no trusted key is given)
   */
  constructor(
    private readonly checkpoints: string[],
    published: Verifier[],
    anchors: Anchors = {},
  ) {
    this.trustedLogKeys = Boolean(anchors.logKeys?.length);
    this.logKeys = anchors.logKeys?.length ? anchors.logKeys : published;
    this.witnesses = anchors.witnesses ?? [];
    this.quorum = anchors.witnesses?.length ? (anchors.quorum ?? anchors.witnesses.length) : 0;
    this.anchorNotes = anchors.checkpoints ?? [];
    for (const note of this.anchorNotes) this.wantedRoots.add(note.size);
    for (const text of checkpoints) {
      try {
        this.wantedRoots.add(parseCheckpoint(text).size);
      } catch {
        /* reported by finish */
      }
    }
  }

  get failed(): boolean {
    return this.problem !== null;
  }

  /** Checks the next entry; returns false once a problem has been found. */
  push(entry: ExportedEntry): boolean {
    if (this.problem) return false;
    const seq = Number(entry.seq);
    if (seq !== this.expectedSeq) return this.outOfPlace(seq);
    if (entry.prevHash !== this.prevHash) return this.prevMismatch(seq);
    let body: string;
    if (isRedacted(entry)) {
      this.hidden++;
      body = entry.bodyHash;
    } else {
      if (entry.payload === null || entry.payload === undefined) this.hidden++;
      else if (payloadHash(entry.payload) !== entry.payloadHash)
        return this.fail(seq, 'its payload was changed: the payload hash does not match');
      body = bodyHash(entry);
    }
    const hash = entry.hash;
    const recomputed = linkHash(body, entry.prevHash, seq);
    if (recomputed !== hash) {
      return this.fail(seq, 'its fields were changed: the entry hash does not match');
    }
    this.addLeaf(seq - 1, hash);
    this.prevHash = hash;
    this.expectedSeq = seq + 1;
    this.checked++;
    return true;
  }

  /**
   * Checks the next entry from the very bytes its hashes cover (record-bytes.ts reads them from
   * the database, export-read.ts from a file): its body's canonical JSON, its payload's (null
   * when hidden) with the payload hash the body states, its stored hash and, when the reader has
   * not already compared it, its stored previous hash. Nothing is parsed or rewritten: each
   * text is hashed as it is. Returns false once a problem has been found.
   */
  pushCanonical(
    seq: number,
    hash: string,
    body: Uint8Array,
    payload: Uint8Array | null,
    statedPayloadHash: string,
    prevHash: string | null,
  ): boolean {
    if (this.problem) return false;
    if (seq !== this.expectedSeq) return this.outOfPlace(seq);
    if (prevHash !== null && prevHash !== this.prevHash) return this.prevMismatch(seq);
    if (payload === null) this.hidden++;
    else if (digest(payload, 'hex') !== statedPayloadHash)
      return this.fail(seq, 'its payload was changed: the payload hash does not match');
    const link = sha256Hex(
      `{"bodyHash":"${digest(body, 'hex')}","prevHash":"${this.prevHash}","seq":${seq}}`,
    );
    if (link !== hash) return this.fail(seq, 'its fields were changed: the entry hash does not match');
    this.addLeaf(seq - 1, link);
    this.prevHash = link;
    this.expectedSeq = seq + 1;
    this.checked++;
    return true;
  }

  /** Fails entry `seq` for a previous hash that is not the hash of the entry before it. */
  prevMismatch(seq: number): false {
    return this.fail(
      seq,
      `its previous-hash does not match entry ${seq - 1}: an entry was inserted, removed or reordered`,
    );
  }

  /** Fails entry `seq`: shown otherwise than hashed (a column changed, its hashed bytes left). */
  shownOtherwise(seq: number, what: string): false {
    return this.fail(seq, `its ${what} was changed: the ${what} shown is not the one its hash covers`);
  }

  /** The seq the next entry must have. */
  get nextSeq(): number {
    return this.expectedSeq;
  }

  private outOfPlace(seq: number): false {
    if (seq > this.expectedSeq)
      return this.fail(
        this.expectedSeq,
        `entry ${this.expectedSeq} is missing (deleted): the next entry is ${seq}`,
      );
    return this.fail(
      seq,
      `entry ${seq} appears out of order after entry ${this.expectedSeq - 1} (inserted or reordered)`,
    );
  }

  /**
   * Checks the checkpoints against what was read and returns the verdict: every checkpoint's
   * root must be the Merkle tree hash of the entries up to its size, and must be signed by a
   * log key (the trusted ones when given, else the published ones). Then the anchors: a
   * checkpoint saved earlier, or co-signed by a quorum of trusted witnesses, must be matched
   * by the entries read, whatever the log's own key signed since.
   */
  async finish(
    head?: { seq: number; hash: string },
    storedRoot?: (size: number) => Promise<Buffer>,
  ): Promise<VerifyResult> {
    const lastSeq = this.expectedSeq - 1;
    if (!this.problem && head && (head.seq !== lastSeq || (lastSeq > 0 && head.hash !== this.prevHash))) {
      this.fail(
        Math.min(head.seq, lastSeq) + 1,
        `the record ends at entry ${lastSeq} but its head says ${head.seq}`,
      );
    }
    const rootOf = (size: number) => (size === lastSeq ? this.currentRoot(lastSeq) : this.rootReached(size));
    if (!this.problem && storedRoot && lastSeq > 0) {
      const stored = await storedRoot(lastSeq);
      if (!stored.equals(rootOf(lastSeq)))
        this.fail(lastSeq, 'the stored Merkle tree does not match the entries: its proofs would not hold');
    }
    const parsed: { note: ParsedCheckpoint; text: string }[] = [];
    for (const text of this.checkpoints) {
      try {
        parsed.push({ note: parseCheckpoint(text), text });
      } catch (err) {
        this.fail(lastSeq + 1, `a checkpoint cannot be read: ${(err as Error).message}`);
      }
    }
    parsed.sort((a, b) => a.note.size - b.note.size);
    const matched: number[] = [];
    /** Whether the entries read give the checkpoint's root; names the problem when not. */
    const holds = async (note: ParsedCheckpoint, what: string): Promise<boolean> => {
      if (note.size > lastSeq) {
        this.fail(
          lastSeq + 1,
          `entries ${lastSeq + 1} to ${note.size} are missing: ${what} of size ${note.size} covers them`,
        );
        return false;
      }
      if (!rootOf(note.size).equals(note.root)) {
        const after = Math.max(0, ...matched.filter((m) => m < note.size));
        this.fail(
          after + 1,
          `the entries up to ${note.size} are not those of ${what} of size ${note.size}: an entry from ${after + 1} to ${note.size} was changed, removed or inserted`,
        );
        return false;
      }
      matched.push(note.size);
      return true;
    };
    let latest: VerifyResult['checkpoint'] = null;
    for (const { note } of parsed) {
      const signer = this.logKeys.find((k) => verifySignature(note, k));
      const cosigners = this.witnesses.filter((w) => verifyCosignature(note, w) !== null).map((w) => w.name);
      const witnessed = this.quorum > 0 && cosigners.length >= this.quorum;
      if (!this.problem) {
        if (!signer && !witnessed)
          this.fail(
            Math.min(note.size, lastSeq + 1),
            `the checkpoint of size ${note.size} is signed by no ${this.trustedLogKeys ? 'trusted' : 'published'} log key`,
          );
        else await holds(note, witnessed ? 'the witnessed checkpoint' : 'the signed checkpoint');
      }
      latest = {
        size: note.size,
        keyId: note.signatures[0]?.keyId ?? '',
        valid: Boolean(signer),
        witnessed,
        cosigners,
      };
    }
    // Anchors given from outside the record: a quorum of witnesses must vouch for at least one
    // checkpoint, and every saved checkpoint must be matched.
    let anchored = 0;
    if (this.quorum > 0 && this.witnesses.length > 0) {
      anchored = parsed.filter(
        ({ note }) => this.witnesses.filter((w) => verifyCosignature(note, w) !== null).length >= this.quorum,
      ).length;
      if (!this.problem && anchored === 0)
        this.fail(
          1,
          `no checkpoint is co-signed by ${this.quorum} of the ${this.witnesses.length} trusted witnesses: nothing outside the server vouches for the record`,
        );
    }
    for (const saved of this.anchorNotes) {
      if (this.problem) break;
      if (this.trustedLogKeys && !this.logKeys.some((k) => verifySignature(saved, k)))
        this.fail(
          Math.min(saved.size, lastSeq + 1),
          `the saved checkpoint of size ${saved.size} is not signed by a trusted log key`,
        );
      else if (await holds(saved, 'the saved checkpoint')) anchored++;
    }
    return {
      ok: this.problem === null,
      checked: this.checked,
      headSeq: lastSeq,
      firstBad: this.problem,
      checkpoint: latest,
      anchors: anchored,
      hiddenPayloads: this.hidden,
    };
  }

  /**
   * Adds leaf `index`, the entry of hash `entryHash` (hex): each subtree it completes is hashed
   * once, and roots wanted at this size kept.
   */
  private addLeaf(index: number, entryHash: string) {
    LEAF_INPUT.write(entryHash, 1, 'hex');
    let hash = digest(LEAF_INPUT, 'binary');
    let level = 0;
    for (let i = index; i % 2 === 1; i = (i - 1) / 2) hash = nodeOf(this.frontier[level++], hash);
    this.frontier[level] = hash;
    if (this.wantedRoots.has(index + 1)) this.roots.set(index + 1, this.currentRoot(index + 1));
  }

  /** The root of the tree of the `size` leaves added so far: the frontier's subtrees folded right to left (RFC 9162 MTH). */
  private currentRoot(size: number): Hash {
    let root: string | null = null;
    for (let level = 0, rest = size; rest > 0; level++, rest = Math.floor(rest / 2))
      if (rest % 2 === 1) root = root === null ? this.frontier[level] : nodeOf(this.frontier[level], root);
    return root === null ? EMPTY_TREE_HASH : Buffer.from(root, 'latin1');
  }

  private rootReached(size: number): Hash {
    if (size === 0) return EMPTY_TREE_HASH;
    const root = this.roots.get(size);
    if (!root) throw new Error(`no root was kept for size ${size}`);
    return root;
  }

  private fail(seq: number, reason: string): false {
    this.problem ??= { seq, reason: `entry ${seq}: ${reason}` };
    return false;
  }
}
