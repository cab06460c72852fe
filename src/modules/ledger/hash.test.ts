import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { describe, expect, it } from 'vitest';
import { bodyHash, linkHash, payloadHash } from './hash.ts';

// hash.ts builds canonical JSON itself on the hot path; these check that its text is always
// the canonicalize library's (RFC 8785), so no record hashed before or after the change differs.

const reference = (value: unknown) => {
  const text = canonicalize(value);
  if (text === undefined) throw new Error('value cannot be canonicalised');
  return createHash('sha256').update(text, 'utf8').digest('hex');
};

/** The same result, or the same refusal. */
function same(actual: () => string, expected: () => string) {
  let want: string | Error;
  try {
    want = expected();
  } catch (err) {
    want = err as Error;
  }
  if (want instanceof Error) expect(actual).toThrow();
  else expect(actual()).toBe(want);
}

/** A small seeded generator (xorshift32), so a failure can be replayed. */
function generator(seed: number) {
  let x = seed;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
  const STRINGS = [
    '',
    'a',
    'z',
    'é',
    '€',
    '😀',
    '\ud83d',
    '\ude00',
    'x\ud800y',
    '"quoted"\\',
    '\n\t\u0000\u001f\u007f',
    '\u2028\u2029',
    '\uffff',
    'Участник — ru',
    '1',
    'toJSON',
    '__proto__',
  ];
  const NUMBERS = [
    0,
    -0,
    1,
    -1,
    0.1,
    1e21,
    1e-7,
    5e-324,
    2 ** 53,
    -(2 ** 53) + 1,
    123.456,
    Number.NaN,
    1 / 0,
  ];
  const string = () => (next() < 0.7 ? pick(STRINGS) : `${pick(STRINGS)}${pick(STRINGS)}`);
  const value = (depth: number): unknown => {
    const r = next();
    if (r < 0.1) return null;
    if (r < 0.18) return next() < 0.5;
    if (r < 0.35) return pick(NUMBERS);
    if (r < 0.6 || depth > 4) return string();
    if (r < 0.65) return pick([undefined, new Date(0), () => 1]);
    if (r < 0.8) return Array.from({ length: Math.floor(next() * 4) }, () => value(depth + 1));
    const object: Record<string, unknown> = {};
    for (let i = Math.floor(next() * 5); i > 0; i--) object[string()] = value(depth + 1);
    return object;
  };
  return { value, string, pick, next };
}

describe('canonical JSON in hash.ts', () => {
  it('gives the library text for any payload, or refuses what the library refuses', () => {
    const g = generator(0x2545f491);
    for (let i = 0; i < 5000; i++) {
      const v = g.value(0);
      same(
        () => payloadHash(v),
        () => reference(v),
      );
    }
  });

  it('gives the library text for entry bodies and links, odd field values included', () => {
    const g = generator(0x9e3779b9);
    const odd = (): unknown => (g.next() < 0.8 ? g.string() : g.value(1));
    for (let i = 0; i < 5000; i++) {
      const fields = {
        at: g.next() < 0.9 ? '2026-01-01T08:00:00.000Z' : odd(),
        actorId: g.next() < 0.5 ? null : odd(),
        actorLabel: odd(),
        delegation: g.next() < 0.3 ? null : odd(),
        action: odd(),
        subjectType: odd(),
        subjectId: odd(),
        classification: g.next() < 0.8 ? Math.floor(g.next() * 4) : g.value(1),
        audience:
          g.next() < 0.3 ? null : g.next() < 0.8 ? [odd(), odd()].filter(() => g.next() < 0.7) : odd(),
        payloadHash: 'ab'.repeat(32),
      } as unknown as Parameters<typeof bodyHash>[0];
      same(
        () => bodyHash(fields),
        () =>
          reference({
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
      const body = g.next() < 0.9 ? 'cd'.repeat(32) : (odd() as string);
      const seq = g.next() < 0.9 ? i + 1 : (g.value(1) as number);
      same(
        () => linkHash(body, 'ef'.repeat(32), seq),
        () => reference({ bodyHash: body, prevHash: 'ef'.repeat(32), seq }),
      );
    }
  });
});
