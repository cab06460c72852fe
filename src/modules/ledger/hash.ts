import * as crypto from 'node:crypto';
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

// crypto.hash (Node 20.12 and later) hashes in one call without a Hash object: for the short
// texts of the record that is about twice as fast as createHash, which older Node versions use.
const oneShotHash = (crypto as { hash?: typeof crypto.hash }).hash;

export const sha256Hex: (text: string) => string = oneShotHash
  ? (text) => oneShotHash('sha256', text, 'hex')
  : (text) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isWellFormed: (text: string) => boolean =
  typeof (String.prototype as { isWellFormed?: unknown }).isWellFormed === 'function'
    ? (text) => (text as unknown as { isWellFormed(): boolean }).isWellFormed()
    : (text) => !LONE_SURROGATE.test(text);

/**
 * The RFC 8785 text of a value as JSON gives it (null, booleans, finite numbers, strings
 * without lone surrogates, arrays, objects), built as `canonicalize` builds it but without its
 * per-call bookkeeping; undefined for anything else (or nested deeper than 100), which the
 * caller then hands to `canonicalJson`, so the text is always the library's. The record's
 * hashes are computed here for every entry appended and verified.
 */
function jsonText(value: unknown, depth: number): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return isWellFormed(value) ? JSON.stringify(value) : undefined;
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : undefined;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (depth > 100 || typeof (value as { toJSON?: unknown }).toJSON === 'function') return undefined;
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const item = jsonText(value[i], depth + 1);
          if (item === undefined) return undefined;
          out += i === 0 ? item : `,${item}`;
        }
        return `${out}]`;
      }
      const object = value as Record<string, unknown>;
      const keys = Object.keys(object).sort();
      let out = '{';
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        const item = isWellFormed(key) ? jsonText(object[key], depth + 1) : undefined;
        if (item === undefined) return undefined;
        out += `${i === 0 ? '' : ','}${JSON.stringify(key)}:${item}`;
      }
      return `${out}}`;
    }
    default:
      return undefined;
  }
}

/** RFC 8785 text of an object whose keys are exactly `keys`, given in their canonical order. */
function fixedObjectText(object: Record<string, unknown>, keys: readonly string[]): string {
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const item = jsonText(object[keys[i]], 1);
    if (item === undefined) return canonicalJson(object);
    out += `${i === 0 ? '' : ','}"${keys[i]}":${item}`;
  }
  return `${out}}`;
}

/** Canonical JSON (the same text as `canonicalJson`) through the fast path when it applies. */
const fastCanonicalJson = (value: unknown) => jsonText(value, 0) ?? canonicalJson(value);

/** The body's keys in RFC 8785 order (UTF-16 code units), checked below. */
const BODY_KEYS = [
  'action',
  'actorId',
  'actorLabel',
  'at',
  'audience',
  'classification',
  'delegation',
  'payloadHash',
  'subjectId',
  'subjectType',
] as const;
const LINK_KEYS = ['bodyHash', 'prevHash', 'seq'] as const;
for (const keys of [BODY_KEYS, LINK_KEYS])
  if (keys.join() !== [...keys].sort().join()) throw new Error('hash.ts: keys out of canonical order');

/** A payload's canonical JSON text: the bytes its hash covers, kept as `payload_json`. */
export const canonicalPayload = (payload: unknown): string => fastCanonicalJson(payload);

/** Hash of a payload: SHA-256 over its canonical JSON. */
export function payloadHash(payload: unknown): string {
  return sha256Hex(fastCanonicalJson(payload));
}

/**
 * Hash of an entry's body: SHA-256 over the canonical JSON of every chained field but its
 * place in the chain (seq and the previous hash). Computed before the record is locked.
 */
export function bodyHash(fields: Omit<ChainedFields, 'seq' | 'prevHash'>): string {
  return sha256Hex(bodyText(fields));
}

/** The canonical JSON text of an entry's body, which `bodyHash` hashes. */
export function bodyText(fields: Omit<ChainedFields, 'seq' | 'prevHash'>): string {
  return fixedObjectText(
    {
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
    },
    BODY_KEYS,
  );
}

/**
 * The link of the chain: SHA-256 over the canonical JSON `{"bodyHash","prevHash","seq"}`.
 * Its form is fixed (hex strings and an integer), so the database computes the same text
 * when it appends (see `appendEntry`); this function is the verifier's copy.
 */
export function linkHash(body: string, prevHash: string, seq: number): string {
  return sha256Hex(fixedObjectText({ bodyHash: body, prevHash, seq }, LINK_KEYS));
}

/** Hash of an entry: its link over its body hash, the previous hash and its number. */
export function entryHash(fields: ChainedFields): string {
  return linkHash(bodyHash(fields), fields.prevHash, fields.seq);
}

/** A payload as it will read back from jsonb: plain JSON, no undefined, dates as ISO text. */
export function normalisePayload(payload: unknown): unknown {
  return JSON.parse(JSON.stringify(payload ?? {}));
}
