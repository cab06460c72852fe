import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../db/connect.ts';
import { testDatabase } from '../../testing/harness.ts';
import { bodyText } from './hash.ts';
import { BODY_TEXT } from './record-bytes.ts';

// The verifier hashes the body text the database writes from the columns (BODY_TEXT); it must
// be, byte for byte, the text the writer hashed (bodyText), whatever the fields hold.

let handle: DbHandle;
beforeAll(async () => {
  handle = await testDatabase();
}, 120_000);
afterAll(() => handle.close());

const AWKWARD = [
  'plain',
  'quote " backslash \\ slash /',
  'controls \b\f\n\r\t \u0001 \u001f \u007f',
  'unicode é Ж 中 😀 \u2028 \u2029 \ufeff',
  '',
  '</script>',
];

describe('the body text written by the database', () => {
  it('is the text bodyText writes, for awkward strings, nulls, empty and full audiences', async () => {
    const cases = AWKWARD.flatMap((text, i) => [
      {
        at: new Date(Date.UTC(2026, i, 3, 4, 5, 6, i * 111)).toISOString(),
        actorId: i % 2 ? null : '0b7c7a52-5d0c-4f3e-9a43-6a1f1c0e6b2d',
        actorLabel: text,
        delegation: i % 3 ? null : text,
        action: `a.${text}`,
        subjectType: text,
        subjectId: text,
        classification: i % 4,
        audience: i % 3 === 0 ? null : i % 3 === 1 ? [] : [text, 'BY'],
        payloadHash: 'ab'.repeat(32),
      },
    ]);
    for (const c of cases) {
      const { rows } = await sql<{ text: string }>`
        select ${sql.raw(BODY_TEXT)} as text
        from (select ${c.action}::text as action, ${c.actorId}::uuid as actor_id, ${c.actorLabel}::text as actor_label,
          ${c.at}::timestamptz as at, ${c.audience}::text[] as audience, ${c.classification}::smallint as classification,
          ${c.delegation}::text as delegation, ${c.payloadHash}::text as payload_hash, ${c.subjectId}::text as subject_id,
          ${c.subjectType}::text as subject_type) e`.execute(handle.db);
      expect(rows[0].text).toBe(bodyText(c));
    }
  });
});
