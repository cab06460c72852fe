import { bodyHash, type ChainedFields, GENESIS_HASH, linkHash, payloadHash } from './hash.ts';
import { type Checkpoint, checkpointSignatureValid, loadPublicKeys, type PublicKeyInfo } from './signing.ts';

/** An entry as exported and as verified: its chained fields, its hash and its payload (null when hidden). */
export interface ExportedEntry extends ChainedFields {
  hash: string;
  payload: unknown | null;
}

export interface VerifyProblem {
  seq: number;
  reason: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  headSeq: number;
  firstBad: VerifyProblem | null;
  checkpoint: (Omit<Checkpoint, 'signature' | 'hash'> & { valid: boolean }) | null;
  hiddenPayloads: number;
}

/**
 * Walks the record in order and stops at the first entry that is not what the chain
 * says it must be: a changed field or payload, a missing (deleted) entry, an inserted or
 * reordered one. Checkpoints signed by the server pin the chain's head, so a cut-off
 * tail is caught too. Used for the live database and for exported files alike.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private checked = 0;
  private hidden = 0;
  private problem: VerifyProblem | null = null;
  private readonly hashesAtCheckpoints = new Map<number, string>();
  private readonly checkpointSeqs: Set<number>;

  constructor(
    private readonly checkpoints: Checkpoint[],
    keys: PublicKeyInfo[],
  ) {
    this.keys = loadPublicKeys(keys);
    this.checkpointSeqs = new Set(checkpoints.map((c) => c.seq));
  }
  private readonly keys: ReturnType<typeof loadPublicKeys>;

  get failed(): boolean {
    return this.problem !== null;
  }

  /** Checks the next entry; returns false once a problem has been found. */
  push(entry: ExportedEntry): boolean {
    if (this.problem) return false;
    const seq = Number(entry.seq);
    if (seq > this.expectedSeq) {
      return this.fail(
        this.expectedSeq,
        `entry ${this.expectedSeq} is missing (deleted): the next entry is ${seq}`,
      );
    }
    if (seq < this.expectedSeq) {
      return this.fail(
        seq,
        `entry ${seq} appears out of order after entry ${this.expectedSeq - 1} (inserted or reordered)`,
      );
    }
    if (entry.prevHash !== this.prevHash) {
      return this.fail(
        seq,
        `its previous-hash does not match entry ${seq - 1}: an entry was inserted, removed or reordered`,
      );
    }
    if (entry.payload === null || entry.payload === undefined) {
      this.hidden++;
    } else if (payloadHash(entry.payload) !== entry.payloadHash) {
      return this.fail(seq, 'its payload was changed: the payload hash does not match');
    }
    const hash = entry.hash;
    const recomputed = linkHash(bodyHash(entry), entry.prevHash, seq);
    if (recomputed !== hash) {
      return this.fail(seq, 'its fields were changed: the entry hash does not match');
    }
    if (this.checkpointSeqs.has(seq)) this.hashesAtCheckpoints.set(seq, hash);
    this.prevHash = hash;
    this.expectedSeq = seq + 1;
    this.checked++;
    return true;
  }

  /** Checks the checkpoints against what was read and returns the verdict. */
  finish(head?: { seq: number; hash: string }): VerifyResult {
    const lastSeq = this.expectedSeq - 1;
    let latest: VerifyResult['checkpoint'] = null;
    if (!this.problem && head && (head.seq !== lastSeq || (lastSeq > 0 && head.hash !== this.prevHash))) {
      this.fail(
        Math.min(head.seq, lastSeq) + 1,
        `the record ends at entry ${lastSeq} but its head says ${head.seq}`,
      );
    }
    for (const checkpoint of [...this.checkpoints].sort((a, b) => a.seq - b.seq)) {
      const valid = checkpointSignatureValid(checkpoint, this.keys);
      if (!this.problem) {
        if (!valid)
          this.fail(
            checkpoint.seq,
            `the signature of the checkpoint at entry ${checkpoint.seq} is not valid`,
          );
        else if (checkpoint.seq > lastSeq)
          this.fail(
            lastSeq + 1,
            `entries ${lastSeq + 1} to ${checkpoint.seq} are missing: a signed checkpoint covers them`,
          );
        else if (this.hashesAtCheckpoints.get(checkpoint.seq) !== checkpoint.hash)
          this.fail(checkpoint.seq, `it differs from the signed checkpoint at entry ${checkpoint.seq}`);
      }
      latest = { seq: checkpoint.seq, signedAt: checkpoint.signedAt, keyId: checkpoint.keyId, valid };
    }
    return {
      ok: this.problem === null,
      checked: this.checked,
      headSeq: lastSeq,
      firstBad: this.problem,
      checkpoint: latest,
      hiddenPayloads: this.hidden,
    };
  }

  private fail(seq: number, reason: string): false {
    this.problem ??= { seq, reason: `entry ${seq}: ${reason}` };
    return false;
  }
}
