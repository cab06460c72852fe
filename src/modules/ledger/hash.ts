import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry that its hash covers; the payload is covered through its own hash. */
export interface ChainedFields {
  seq: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  delegation: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  classification: number;
  audience: string[] | null;
  payloadHash: string;
  prevHash: string;
}

/** RFC 8785 canonical JSON. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be canonicalised');
  return text;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Hash of a payload: SHA-256 over its canonical JSON. */
export function payloadHash(payload: unknown): string {
  return sha256Hex(canonicalJson(payload));
}

/**
 * Hash of an entry's body: SHA-256 over the canonical JSON of every chained field but its
 * place in the chain (seq and the previous hash). Computed before the record is locked.
 */
export function bodyHash(fields: Omit<ChainedFields, 'seq' | 'prevHash'>): string {
  return sha256Hex(
    canonicalJson({
      at: fields.at,
      actorId: fields.actorId,
      actorLabel: fields.actorLabel,
      delegation: fields.delegation,
      action: fields.action,
      subjectType: fields.subjectType,
      subjectId: fields.subjectId,
      classification: fields.classification,
      audience: fields.audience,
      payloadHash: fields.payloadHash,
    }),
  );
}

/**
 * The link of the chain: SHA-256 over the canonical JSON `{"bodyHash","prevHash","seq"}`.
 * Its form is fixed (hex strings and an integer), so the database computes the same text
 * when it appends (see `appendEntry`); this function is the verifier's copy.
 */
export function linkHash(body: string, prevHash: string, seq: number): string {
  return sha256Hex(canonicalJson({ bodyHash: body, prevHash, seq }));
}

/** Hash of an entry: its link over its body hash, the previous hash and its number. */
export function entryHash(fields: ChainedFields): string {
  return linkHash(bodyHash(fields), fields.prevHash, fields.seq);
}

/** A payload as it will read back from jsonb: plain JSON, no undefined, dates as ISO text. */
export function normalisePayload(payload: unknown): unknown {
  return JSON.parse(JSON.stringify(payload ?? {}));
}
