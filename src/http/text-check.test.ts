import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DbHandle } from '../db/connect.ts';
import { testDatabase } from '../testing/harness.ts';
import { toAppError } from './errors.ts';
import { unstorableFields, unstorableText } from './text-check.ts';

// What the text check refuses, and the database's own refusals of the same text mapped to a
// 400 as the last line (the sweep over every operation is in bad-input.test.ts).

describe('unstorableText', () => {
  it('refuses NUL and lone surrogates; whole surrogate pairs and other controls are text', () => {
    expect(unstorableText('a\u0000b')).toBe('contains a NUL character');
    for (const lone of ['\ud800', 'a\udbffb', '\udc00', 'x\udfff', '\ud83d\ud83d', '\ude00\ud83d'])
      expect(unstorableText(lone), JSON.stringify(lone)).toMatch(/lone surrogate/);
    for (const fine of ['', 'plain', 'Привет', '😀', 'a\ud83d\ude00b', 'tab\tnew\nline\u0001', '\uffff'])
      expect(unstorableText(fine), JSON.stringify(fine)).toBeNull();
  });
});

describe('unstorableFields', () => {
  it('names every field by its dotted path, names included', () => {
    const body = JSON.parse(
      '{"title":"ok","points":[{"text":"a"},{"text":"b"},{"text":"c\\u0000"}],"x":{"\\ud800":1},"y":["\\udfff"]}',
    );
    expect(unstorableFields(body)).toEqual([
      { field: 'points.2.text', reason: 'contains a NUL character' },
      { field: 'x."\\ud800"', reason: 'its name contains a lone surrogate (half of a UTF-16 pair)' },
      { field: 'y.0', reason: 'contains a lone surrogate (half of a UTF-16 pair)' },
    ]);
    expect(unstorableFields('\u0000')).toEqual([{ field: '(body)', reason: 'contains a NUL character' }]);
    expect(unstorableFields({ a: 1, b: [true, null, 'fine'] })).toEqual([]);
  });

  it('walks any depth without overflowing the stack', () => {
    const depth = 200_000;
    const deep = JSON.parse(`${'['.repeat(depth)}"\\u0000"${']'.repeat(depth)}`);
    const [problem] = unstorableFields(deep);
    expect(problem.reason).toBe('contains a NUL character');
    expect(problem.field.split('.')).toHaveLength(depth);
  });
});

describe('the database refusing such text answers 400, not 500', () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await testDatabase();
  });
  afterAll(() => handle.close());

  it('jsonb with a lone surrogate escape (22P02) or a NUL escape (22P05), text with a NUL (22021)', async () => {
    const refusals = [
      [sql`select ${'"\\ud800"'}::jsonb`, '22P02'],
      [sql`select ${'{"a":["\\u0000"]}'}::jsonb`, '22P05'],
      [sql`select ${'a\u0000b'}::text`, '22021'],
    ] as const;
    for (const [query, code] of refusals) {
      const err = await query.execute(handle.db).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err, query.compile(handle.db).sql).not.toBeNull();
      expect((err as { code?: string }).code).toBe(code);
      expect(toAppError(err).status).toBe(400);
    }
  });
});
