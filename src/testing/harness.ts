import { createPrivateKey, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { type Config, loadConfig } from '../config.ts';
import { type AccessLevelName, type Actor, personFromRow, systemActor } from '../core/actor.ts';
import { type ConnectOptions, connect, type DbHandle } from '../db/connect.ts';
import { migrate } from '../db/migrate.ts';
import type { Affiliation, Role, UserRow } from '../db/schema.ts';
import { buildApp } from '../http/app.ts';
import type { App } from '../http/env.ts';
import { createToken } from '../modules/auth/commands.ts';
import { loadOrganisation } from '../modules/directory/commands.ts';
import { parseOrganisationFile } from '../modules/directory/organisation-file.ts';
import {
  appendReferencedEntry,
  type LogKey,
  logKeyOf,
  newPrivateKeyPem,
  type RecordedEntry,
  type RecordInput,
  recordedEntry,
  settleRecord,
} from '../modules/ledger/index.ts';
import { LiveHub } from '../modules/live/hub.ts';
import { createUser } from '../modules/users/commands.ts';

/**
 * Tests run on a real database with the migrations applied: an in-memory PGlite by
 * default, or a fresh database on the PostgreSQL server named by TEST_DATABASE_URL
 * (CI sets it), dropped again at the end. `log` sees every query (Kysely's logger).
 */
export async function testDatabase(options: Pick<ConnectOptions, 'log'> = {}): Promise<DbHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = await connect({ ...options });
    await migrate(handle.db);
    return handle;
  }
  const name = `accord_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await connect({ ...options, databaseUrl: url.toString(), poolSize: 5 });
  await migrate(handle.db);
  const close = handle.close.bind(handle);
  return {
    ...handle,
    async close() {
      await close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

/** A small organisation: three states, two bodies (one without TJ), two partners. */
export const TEST_ORGANISATION = `
organisation:
  shortName: { en: TO, ru: ТО }
  name: { en: Test Organisation, ru: Тестовая организация }
  workingLanguages: [en, ru]
  timeZone: Europe/Moscow
memberStates:
  - { code: AM, name: { en: Armenia, ru: Армения }, timeZone: Asia/Yerevan }
  - { code: BY, name: { en: Belarus, ru: Беларусь }, timeZone: Europe/Minsk }
  - { code: TJ, name: { en: Tajikistan, ru: Таджикистан }, timeZone: Asia/Dushanbe }
bodies:
  - { code: council, kind: council, name: { en: Council, ru: Совет }, members: all }
  - { code: committee, kind: committee, name: { en: Committee, ru: Комитет }, members: [AM, BY] }
partners:
  - { code: UN, shortName: { en: UN, ru: ООН }, name: { en: United Nations, ru: Организация Объединённых Наций } }
  - { code: SCO, shortName: { en: SCO, ru: ШОС }, name: { en: Shanghai Cooperation Organisation, ru: Шанхайская организация сотрудничества } }
presidency:
  state: BY
  from: 2026-01-01
  to: 2026-12-31
  slogan: { en: Together, ru: Вместе }
  priorities:
    - code: first
      title: { en: First priority, ru: Первый приоритет }
      items: [{ en: One, ru: Один }]
`;

export interface TestContext {
  handle: DbHandle;
  app: App;
  live: LiveHub;
  /**
   * Calls the app in-process. The record is settled before the call and once it has
   * answered (what was written is integrated, as the server's sequencer does within moments),
   * unless `settle` is false (a test of what a reader sees while an entry is pending).
   */
  request(
    path: string,
    init?: RequestInit & { json?: unknown; as?: UserRow | string; settle?: boolean },
  ): Promise<Response>;
  close(): Promise<void>;
}

const tokens = new WeakMap<DbHandle, Map<string, string>>();

/** The log's signing key in tests: made once per test process, never written to disk. */
export const TEST_LOG_KEY_PEM = newPrivateKeyPem();
export const TEST_LOG_ORIGIN = 'accord.test/record';
export const testLogKey = (): LogKey =>
  logKeyOf(createPrivateKey(TEST_LOG_KEY_PEM), TEST_LOG_ORIGIN, 'ACCORD_LOG_KEY');

/** The configuration tests run with: the defaults, with the test log key (no key file). */
export const testConfig = (): Config => ({
  ...loadConfig({}),
  logKeyPem: TEST_LOG_KEY_PEM,
  logOrigin: TEST_LOG_ORIGIN,
});

/** A database with the test organisation loaded, and the app over it. */
/** A test organisation and app; `config` overrides the test settings (a 64 KiB body limit). */
export async function testContext(
  organisation = TEST_ORGANISATION,
  config: Partial<Config> = {},
): Promise<TestContext> {
  const handle = await testDatabase();
  await handle.db
    .transaction()
    .execute((trx) =>
      loadOrganisation(trx, systemActor('test'), parseOrganisationFile(organisation), 'test'),
    );
  await settleRecord(handle.db);
  const live = new LiveHub(handle);
  await live.start();
  const app = buildApp({ handle, config: { ...testConfig(), bodyLimit: 64 * 1024, ...config }, live });
  tokens.set(handle, new Map());
  return {
    handle,
    app,
    live,
    async request(path, init = {}) {
      const { json, as, settle = true, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (json !== undefined) headers.set('content-type', 'application/json');
      if (as)
        headers.set('authorization', `Bearer ${typeof as === 'string' ? as : await tokenFor(handle, as)}`);
      if (settle) await settleRecord(handle.db);
      const res = await app.request(path, {
        ...rest,
        headers,
        body: json !== undefined ? JSON.stringify(json) : rest.body,
      });
      if (settle) await settleRecord(handle.db);
      return res;
    },
    async close() {
      await live.stop();
      await handle.close();
    },
  };
}

/** An API token for a user, made once per user and database. */
export async function tokenFor(handle: DbHandle, user: UserRow): Promise<string> {
  const cache = tokens.get(handle) ?? new Map<string, string>();
  tokens.set(handle, cache);
  const cached = cache.get(user.id);
  if (cached) return cached;
  const { token } = await handle.db
    .transaction()
    .execute((trx) => createToken(trx, personFromRow(user), { name: 'test' }));
  await settleRecord(handle.db);
  cache.set(user.id, token);
  return token;
}

let userCounter = 0;

export interface UserSpec {
  role?: Role;
  affiliation?: Affiliation;
  stateCode?: string | null;
  partnerCode?: string | null;
  accessLevel?: AccessLevelName;
  username?: string;
  password?: string;
  actor?: Actor;
}

/**
 * Creates a person, filling in what the spec leaves out: a delegate of BY by default,
 * the secretariat for an administrator, UN for an observer.
 */
export async function buildUser(handle: DbHandle, spec: UserSpec = {}): Promise<UserRow> {
  const role = spec.role ?? 'delegate';
  const affiliation =
    spec.affiliation ??
    (role === 'secretariat_admin' ? 'secretariat' : role === 'observer' ? 'partner' : 'delegation');
  userCounter++;
  const user = await handle.db.transaction().execute((trx) =>
    createUser(trx, spec.actor ?? systemActor('test'), {
      username: spec.username ?? `user${userCounter}-${randomBytes(3).toString('hex')}`,
      displayName: `Test user ${userCounter}`,
      email: null,
      password: spec.password ?? 'correct horse battery',
      affiliation,
      stateCode: affiliation === 'delegation' ? (spec.stateCode ?? 'BY') : null,
      partnerCode: affiliation === 'partner' ? (spec.partnerCode ?? 'UN') : null,
      role,
      accessLevel: spec.accessLevel ?? 'restricted',
    }),
  );
  // Its user.created entry takes its place now, as the server's sequencer would do moments later.
  await settleRecord(handle.db);
  return user;
}

/**
 * The sequence number at the head of the record, once what was written is integrated
 * (`settleRecord`): entries written later have a higher one.
 */
export async function recordHead(handle: DbHandle): Promise<number> {
  await settleRecord(handle.db);
  const head = await handle.db.selectFrom('ledger_head').select('seq').executeTakeFirstOrThrow();
  return Number(head.seq);
}

/**
 * Writes an entry in a transaction of its own and integrates it (as the sequencer would):
 * the entry with its place in the record, for tests of the record itself.
 */
export async function writeRecorded(
  handle: DbHandle,
  actor: Actor,
  input: RecordInput,
): Promise<RecordedEntry> {
  const written = await handle.db.transaction().execute((trx) => appendReferencedEntry(trx, actor, input));
  await settleRecord(handle.db);
  const entry = await recordedEntry(handle.db, written.recordId);
  if (!entry) throw new Error(`entry ${written.recordId} was not integrated`);
  return entry;
}

/** The entries of the record after `seq`, oldest first, once what was written is integrated. */
export async function recordAfter(handle: DbHandle, seq: number) {
  await settleRecord(handle.db);
  return handle.db.selectFrom('ledger_entries').selectAll().where('seq', '>', seq).orderBy('seq').execute();
}

export interface CookieSession {
  /** The value for a Cookie header. */
  cookie: string;
  csrfToken: string;
}

/** Signs in through the API as a browser does; returns the session cookie and the CSRF token. */
export async function signInSession(
  t: TestContext,
  username: string,
  password = 'correct horse battery',
): Promise<CookieSession> {
  const res = await t.request('/api/auth/sign-in', { method: 'POST', json: { username, password } });
  if (res.status !== 200)
    throw new Error(`sign-in of ${username} answered ${res.status}: ${await res.text()}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: setCookie.split(';')[0], csrfToken: body.csrfToken };
}

/**
 * A second, separate handle on the database behind `handle`, as a second server process
 * would have: its own connection pool on PostgreSQL. PGlite belongs to one process, so
 * there it is the same handle (closing it does nothing). Close it before `handle`.
 */
export async function secondHandle(handle: DbHandle): Promise<DbHandle> {
  const url = await testDatabaseUrl(handle);
  if (!url) return { ...handle, close: async () => {} };
  return connect({ databaseUrl: url, poolSize: 5 });
}

/**
 * The postgres:// address of the test database behind `handle` (for another process to
 * connect to); null on PGlite, which belongs to this process.
 */
export async function testDatabaseUrl(handle: DbHandle): Promise<string | null> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (handle.kind !== 'postgresql' || !serverUrl) return null;
  const { rows } = await sql<{ name: string }>`select current_database() as name`.execute(handle.db);
  const url = new URL(serverUrl);
  url.pathname = `/${rows[0].name}`;
  return url.toString();
}
