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

/** Hash of an entry: SHA-256 over the canonical JSON of its chained fields. */
export function entryHash(fields: ChainedFields): string {
  return sha256Hex(canonicalJson(fields));
}

/** A payload as it will read back from jsonb: plain JSON, no undefined, dates as ISO text. */
export function normalisePayload(payload: unknown): unknown {
  return JSON.parse(JSON.stringify(payload ?? {}));
}
