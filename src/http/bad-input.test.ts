import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRow } from '../db/schema.ts';
import { buildUser, recordHead, type TestContext, testContext, tokenFor } from '../testing/harness.ts';
import {
  clientErrorProblems,
  fillPath,
  type Operation,
  operationsWithoutSample,
  readOperations,
  SAMPLE_PERSON,
  type Schema,
  sampleCall,
} from '../testing/openapi.ts';

// Every operation in the published OpenAPI document is fed bad input. Whatever the
// input, the answer is a 4xx in the error catalogue's shape, never a 500, and nothing is
// written to the record. Each test collects every misbehaving answer and checks the list
// is empty, so a failure names all the operations at once.

let t: TestContext;
let admin: UserRow;
let target: UserRow;
let operations: Operation[];

beforeAll(async () => {
  t = await testContext();
  admin = await buildUser(t.handle, { role: 'secretariat_admin', accessLevel: 'secret' });
  target = await buildUser(t.handle, { stateCode: 'AM' });
  await tokenFor(t.handle, admin);
  operations = await readOperations(t);
});
afterAll(() => t.close());

const sample = (op: Operation) => sampleCall(op, target.id);
const withBody = () => operations.filter((op) => op.body);
const fieldsOf = (op: Operation) => Object.entries(op.body?.properties ?? {});

/** Calls an operation as the administrator, with the sample's path unless told otherwise. */
function send(op: Operation, init: { path?: string; body?: string; contentType?: string }) {
  const headers = new Headers();
  if (init.body !== undefined) headers.set('content-type', init.contentType ?? 'application/json');
  return t.request(init.path ?? fillPath(op.path, sample(op).params), {
    method: op.method,
    headers,
    body: init.body,
    as: admin,
  });
}

type Check = (res: Response, what: string, want?: { status?: number; field?: string }) => Promise<void>;

/** Runs a sweep of bad calls: every answer must be a proper client error, and the record must not move. */
async function sweep(run: (check: Check) => Promise<void>) {
  const head = await recordHead(t.handle);
  const problems: string[] = [];
  await run(async (res, what, want) => {
    problems.push(...(await clientErrorProblems(res, what, want)));
  });
  expect(problems).toEqual([]);
  expect(await recordHead(t.handle), 'a rejected request wrote to the record').toBe(head);
}

/** A JSON value of none of the types the schema allows. */
function wrongType(schema: Schema): unknown {
  const types = [schema.type ?? []].flat();
  const candidates: [string, unknown][] = [
    ['object', { wrong: true }],
    ['number', 12345],
    ['string', 'text'],
    ['boolean', true],
    ['array', [1, 2]],
  ];
  return candidates.find(
    ([type]) => !types.includes(type) && !(type === 'number' && types.includes('integer')),
  )?.[1];
}

/** A path parameter that breaks its schema, or null when the schema takes any text. */
function invalidParam(schema: Schema): string | null {
  if (schema.format === 'uuid') return 'not-a-uuid';
  if (schema.pattern) return '1-!';
  if (schema.maxLength) return 'x'.repeat(schema.maxLength + 1);
  return null;
}

/** Text PostgreSQL cannot store, and the reason the answer gives (JSON.stringify writes "\ud800" as an escape). */
const HOSTILE_TEXT = [
  ['lone\ud800surrogate', 'lone surrogate'],
  ['trailing\udfff', 'lone surrogate'],
  ['nul\u0000inside', 'NUL character'],
] as const;

/** The body with one of its text values replaced, for each text it holds, by dotted path. */
function textLeaves(body: unknown, hostile: string): [string, unknown][] {
  const out: [string, unknown][] = [];
  const walk = (value: unknown, path: string[], replace: (v: unknown) => unknown) => {
    if (typeof value === 'string') out.push([path.join('.'), replace(hostile)]);
    else if (Array.isArray(value))
      value.forEach((item, i) => {
        walk(item, [...path, String(i)], (v) => replace(value.map((x, j) => (j === i ? v : x))));
      });
    else if (value && typeof value === 'object')
      for (const [key, item] of Object.entries(value))
        walk(item, [...path, key], (v) => replace({ ...value, [key]: v }));
  };
  walk(body, [], (v) => v);
  return out;
}

/** Sends a spoiled body as the administrator; the answer must say why (a test of the reason too). */
async function sendExpecting(op: Operation, body: unknown, path: string, reason: string) {
  const res = await send(op, { body: JSON.stringify(body) });
  const text = await res.clone().text();
  if (res.status === 400 && !text.includes(reason))
    throw new Error(`${op.key} ${path}: the answer does not say "${reason}": ${text.slice(0, 200)}`);
  return res;
}

describe('the OpenAPI document', () => {
  it('lists every module, and every operation that takes input has a sample call', () => {
    expect(operations.length).toBeGreaterThanOrEqual(25);
    for (const prefix of [
      '/api/auth',
      '/api/me',
      '/api/users',
      '/api/states',
      '/api/bodies',
      '/api/ledger',
      '/api/live',
    ])
      expect(
        operations.some((op) => op.path.startsWith(prefix)),
        prefix,
      ).toBe(true);
    expect(operationsWithoutSample(operations)).toEqual([]);
  });
});

describe('bad input to every operation answers 4xx and writes nothing', () => {
  it('malformed, empty and non-object JSON bodies', async () => {
    await sweep(async (check) => {
      for (const op of withBody()) {
        await check(await send(op, { body: '{"username": "x",' }), `${op.key} malformed`, {
          status: 400,
          field: '(body)',
        });
        await check(await send(op, { body: '' }), `${op.key} empty`, { status: 400 });
        for (const value of ['null', '[]', '"text"', '42', 'true'])
          await check(await send(op, { body: value }), `${op.key} body ${value}`, { status: 400 });
      }
    });
  });

  it('a wrong type in each field, named in the answer', async () => {
    await sweep(async (check) => {
      for (const op of withBody())
        for (const [field, schema] of fieldsOf(op)) {
          const value = wrongType(schema);
          const res = await send(op, { body: JSON.stringify({ ...sample(op).body, [field]: value }) });
          await check(res, `${op.key} ${field}=${JSON.stringify(value)}`, { status: 400, field });
        }
    });
  });

  it('unknown fields, named in the answer', async () => {
    await sweep(async (check) => {
      for (const op of withBody()) {
        const res = await send(op, { body: JSON.stringify({ ...sample(op).body, isAdmin: true }) });
        await check(res, `${op.key} unknown field`, { status: 400, field: 'isAdmin' });
      }
    });
  });

  it('hostile text in each text field (NUL characters, overlong values) never answers 5xx', async () => {
    // Not a sweep that must write nothing: a NUL inside a new person's password is fine.
    const problems: string[] = [];
    for (const op of withBody())
      for (const [field, schema] of fieldsOf(op)) {
        if (![schema.type].flat().includes('string')) continue;
        for (const value of ['nul\u0000inside', 'x'.repeat(5000)]) {
          const res = await send(op, { body: JSON.stringify({ ...sample(op).body, [field]: value }) });
          if (res.status >= 300)
            problems.push(
              ...(await clientErrorProblems(res, `${op.key} ${field}=${JSON.stringify(value.slice(0, 12))}`)),
            );
        }
      }
    expect(problems).toEqual([]);
  });

  it('a lone surrogate or a NUL in any text, at any depth: 400 naming the field path and why, never 5xx', async () => {
    await sweep(async (check) => {
      for (const op of withBody()) {
        const body = sample(op).body ?? {};
        for (const [hostile, reason] of HOSTILE_TEXT) {
          // Every text the sample holds, where it stands (points.0.text, legs.0.entry.window.from...).
          for (const [path, spoiled] of textLeaves(body, hostile))
            await check(
              await sendExpecting(op, spoiled, path, reason),
              `${op.key} ${path}=${JSON.stringify(hostile)}`,
              {
                status: 400,
                field: path,
              },
            );
          // And nested under every field, whatever its type: the check runs before the schema's.
          for (const [field] of fieldsOf(op)) {
            const path = `${field}.deep.0.text`;
            const spoiled = { ...body, [field]: { deep: [{ text: hostile }] } };
            await check(await sendExpecting(op, spoiled, path, reason), `${op.key} ${path}`, {
              status: 400,
              field: path,
            });
          }
          // In a field's name.
          const named = await send(op, { body: JSON.stringify({ ...body, [`key${hostile}`]: 1 }) });
          await check(named, `${op.key} a field named ${JSON.stringify(`key${hostile}`)}`, {
            status: 400,
            field: JSON.stringify(`key${hostile}`),
          });
        }
      }
    });
  });

  it('a NUL in a query parameter: 400 naming query.<name>', async () => {
    await sweep(async (check) => {
      for (const op of operations)
        for (const param of op.parameters.filter((p) => p.in === 'query')) {
          const path = `${fillPath(op.path, sample(op).params)}?${param.name}=${encodeURIComponent('a\u0000b')}`;
          await check(await send(op, { path }), `${op.key} ${param.name}=NUL`, {
            status: 400,
            field: `query.${param.name}`,
          });
        }
    });
  });

  it('signing in with a lone surrogate or a NUL, without credentials: 400, never 5xx', async () => {
    await sweep(async (check) => {
      for (const [hostile, reason] of HOSTILE_TEXT)
        for (const field of ['username', 'password']) {
          const res = await t.request('/api/auth/sign-in', {
            method: 'POST',
            json: { username: 'nobody-here', password: 'not the password', [field]: `x${hostile}y` },
          });
          const text = await res.clone().text();
          expect(text, `sign-in ${field}`).toContain(reason);
          await check(res, `sign-in ${field}=${JSON.stringify(hostile)}`, { status: 400, field });
        }
    });
  });

  it('an oversized body (over the 64 KiB limit) answers 413, and a body that is not JSON 415', async () => {
    await sweep(async (check) => {
      const big = JSON.stringify({ name: 'x'.repeat(70 * 1024) });
      for (const op of operations.filter((o) => ['POST', 'PATCH', 'PUT', 'DELETE'].includes(o.method))) {
        await check(await send(op, { body: big }), `${op.key} oversized`, { status: 413 });
        const form = await send(op, {
          body: 'username=x&password=y',
          contentType: 'application/x-www-form-urlencoded',
        });
        await check(form, `${op.key} form body`, { status: 415 });
        await check(
          await send(op, { body: '{"name":"x"}', contentType: 'text/plain' }),
          `${op.key} text/plain`,
          { status: 415 },
        );
      }
    });
  });

  it('bad path parameters: breaking the schema answers 400 naming path.<name>, an unknown id 404, hostile values 4xx', async () => {
    const hostile = [
      '%00',
      '..%2F..%2Fetc%2Fpasswd',
      encodeURIComponent("' or 1=1 --"),
      '%E0%A4%A',
      'x'.repeat(300),
      '%20',
    ];
    await sweep(async (check) => {
      for (const op of operations) {
        const { params, body: json } = sample(op);
        const body = json ? JSON.stringify(json) : undefined;
        for (const param of op.parameters.filter((p) => p.in === 'path')) {
          const at = (value: string) => fillPath(op.path, { ...params, [param.name]: value });
          const invalid = invalidParam(param.schema);
          if (invalid !== null) {
            const res = await send(op, { path: at(encodeURIComponent(invalid)), body });
            await check(res, `${op.key} ${param.name}=${invalid.slice(0, 12)}`, {
              status: 400,
              field: `path.${param.name}`,
            });
          }
          if (param.schema.format === 'uuid')
            await check(await send(op, { path: at(randomUUID()), body }), `${op.key} unknown ${param.name}`, {
              status: 404,
            });
          for (const value of hostile)
            await check(
              await send(op, { path: at(value), body }),
              `${op.key} ${param.name}=${value.slice(0, 16)}`,
            );
        }
      }
    });
  });

  it('bad query parameters answer 400 naming query.<name>', async () => {
    expect(operations.some((op) => op.parameters.some((p) => p.in === 'query'))).toBe(true);
    await sweep(async (check) => {
      for (const op of operations)
        for (const param of op.parameters.filter((p) => p.in === 'query')) {
          const numeric = ['number', 'integer'].some((type) => [param.schema.type].flat().includes(type));
          for (const value of numeric ? ['abc', '-5', '0.5', '1e400', '99999999999999999999'] : []) {
            const path = `${fillPath(op.path, sample(op).params)}?${param.name}=${encodeURIComponent(value)}`;
            await check(await send(op, { path }), `${op.key} ${param.name}=${value}`, {
              status: 400,
              field: `query.${param.name}`,
            });
          }
        }
    });
  });
});

describe('rejected commands write nothing', () => {
  it('refused by validation, by the policy or for a missing subject: the record and the people stay as they were', async () => {
    const head = await buildUser(t.handle, { role: 'head_of_delegation', stateCode: 'BY' });
    await tokenFor(t.handle, head);
    const before = await recordHead(t.handle);
    const peopleBefore = await t.handle.db.selectFrom('users').selectAll().orderBy('id').execute();
    const person = (overrides: Record<string, unknown> = {}) => ({ ...SAMPLE_PERSON, ...overrides });
    const partner = { affiliation: 'partner', stateCode: null, partnerCode: 'NATO', role: 'observer' };
    // biome-ignore format: a table
    const attempts: [string, string, string, Record<string, unknown> | undefined, UserRow, number][] = [
      ['a head of delegation creates a person', 'POST', '/api/users', person(), head, 403],
      ['a state that is not a member', 'POST', '/api/users', person({ stateCode: 'XX' }), admin, 400],
      ['a partner that does not exist', 'POST', '/api/users', person(partner), admin, 400],
      ['a username already taken', 'POST', '/api/users', person({ username: admin.username }), admin, 400],
      ['an administrator from a delegation', 'PATCH', `/api/users/${target.id}`, { role: 'secretariat_admin' }, admin, 400],
      ['a head renames another delegation', 'PATCH', `/api/users/${target.id}`, { displayName: 'X' }, head, 404],
      ['an administrator disables themselves', 'POST', `/api/users/${admin.id}/disable`, undefined, admin, 403],
      ['an unknown person', 'POST', `/api/users/${randomUUID()}/disable`, undefined, admin, 404],
      ['a token that is not yours', 'DELETE', `/api/me/tokens/${randomUUID()}`, undefined, head, 404],
      ['a wrong current password', 'POST', '/api/auth/password', { currentPassword: 'wrong password', newPassword: 'another long password' }, admin, 400],
    ];
    for (const [what, method, path, json, as, status] of attempts) {
      const res = await t.request(path, { method, json, as });
      expect(res.status, `${what}: ${await res.clone().text()}`).toBe(status);
    }
    expect(await recordHead(t.handle)).toBe(before);
    expect(await t.handle.db.selectFrom('users').selectAll().orderBy('id').execute()).toEqual(peopleBefore);
  });
});
