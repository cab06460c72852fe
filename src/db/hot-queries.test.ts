/**
 * The SQL of the hot paths, where a reviewer sees it: each path below runs for real (a
 * real database, the real command or query) with Kysely's query log on, and the
 * statements it sent are compared with src/db/sql-snapshots/<name>.sql. They are sorted
 * by their text, since statements sent side by side (Promise.all) are logged in the order
 * they finish, which varies from run to run. A change to a hot query therefore shows up in review as a diff of a .sql file.
 *
 * After an intended change, rewrite the snapshots and commit them with the change:
 *
 *   UPDATE_SQL_SNAPSHOTS=1 npx vitest run src/db/hot-queries.test.ts
 *
 * Then, on a database seeded with thousands of proposals, clearance requests and their
 * legs, notifications and record entries (and ANALYZEd), the list queries are EXPLAINed
 * with the parameters they really ran with: none may read its own large tables by a
 * sequential scan, except those in KNOWN_SEQ_SCANS (which only shrinks). The assertion is
 * on plan node types, never on timings, and the planner keeps its ordinary settings.
 *
 * The snapshots hold SQL only (parameters as $n), the same from PGlite and PostgreSQL:
 * runs on PGlite, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { CompiledQuery, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Person, personFromRow, systemActor } from '../core/actor.ts';
import { signIn } from '../modules/auth/commands.ts';
import { authenticateSession, authenticateToken } from '../modules/auth/load-actor.ts';
import { buildClearanceRequest } from '../modules/clearances/factories.ts';
import { decideLeg } from '../modules/clearances/legs/commands.ts';
import { listRequests } from '../modules/clearances/requests/queries.ts';
import { DecideLegInput, RequestListQuery } from '../modules/clearances/schema.ts';
import { buildProcedure } from '../modules/decisions/factories.ts';
import { listProposals } from '../modules/decisions/queries.ts';
import { ListProposalsQuery } from '../modules/decisions/schema.ts';
import { giveStances } from '../modules/decisions/stances.ts';
import { loadOrganisation } from '../modules/directory/commands.ts';
import { parseOrganisationFile } from '../modules/directory/organisation-file.ts';
import { appendEntry } from '../modules/ledger/commands.ts';
import { type EntryFilters, listEntries } from '../modules/ledger/queries.ts';
import { integratePending } from '../modules/ledger/sequencer.ts';
import { completeTree } from '../modules/ledger/tree.ts';
import { LiveHub } from '../modules/live/hub.ts';
import { listNotifications, unreadCount } from '../modules/notifications/queries.ts';
import { buildUser, testDatabase, tokenFor } from '../testing/harness.ts';
import { CLEARANCE_ORGANISATION } from '../testing/simulations/clearances.ts';
import { matchSnapshot, tidy } from '../testing/sql-snapshots.ts';
import type { DbHandle } from './connect.ts';
import type { UserRow } from './schema.ts';

const SEEDED = 8_000;

let handle: DbHandle;
let log: CompiledQuery[] | null = null;
const people = {} as Record<'admin' | 'amHead' | 'byHead' | 'ruHead' | 'kzHead', UserRow>;
const person = (row: UserRow): Person => personFromRow(row);

const isTransactionControl = (q: CompiledQuery) => /^\s*(begin|commit|rollback)\b/i.test(q.sql);

/** The statements `work` sends (transaction control left out), and its result. */
async function recorded<T>(work: () => Promise<T>): Promise<{ result: T; queries: CompiledQuery[] }> {
  const queries: CompiledQuery[] = [];
  log = queries;
  try {
    const result = await work();
    return { result, queries: queries.filter((q) => !isTransactionControl(q)) };
  } finally {
    log = null;
  }
}

/** The live hub's read of new entries (LiveHub.drain), told apart from the sequencer's by its text. */
const isHubLoad = (q: CompiledQuery) => /from "ledger_entries"\s+where "seq" > \$1/.test(q.sql);

/**
 * Appends an entry while a live hub listens, integrates it as the sequencer does, and waits
 * until the hub hands it out: the statements of the three. The hub reads as soon as the
 * sequencer's NOTIFY arrives, which can be before integratePending() has returned, so its
 * statements are told apart by their text, not by their place in the log.
 */
async function appendWithHubListening(): Promise<{
  append: CompiledQuery[];
  integrate: CompiledQuery[];
  hub: CompiledQuery[];
}> {
  const hub = new LiveHub(handle);
  await hub.start();
  let delivered!: () => void;
  const arrived = new Promise<void>((resolve) => {
    delivered = resolve;
  });
  const unsubscribe = hub.subscribe(person(people.amHead), () => delivered());
  let appended = 0;
  try {
    const { queries } = await recorded(async () => {
      await handle.db.transaction().execute(async (trx) => {
        await appendEntry(trx, person(people.amHead), {
          action: 'user.calendar_link_rotated',
          subjectType: 'user',
          subjectId: people.amHead.id,
        });
        appended = (log ?? []).filter((q) => !isTransactionControl(q)).length;
      });
      await integratePending(handle.db);
      await arrived;
    });
    const after = queries.slice(appended);
    return {
      append: queries.slice(0, appended),
      integrate: after.filter((q) => !isHubLoad(q)),
      hub: after.filter(isHubLoad),
    };
  } finally {
    unsubscribe();
    await hub.stop();
  }
}

beforeAll(async () => {
  handle = await testDatabase({
    log: (event) => {
      if (event.level === 'query') log?.push(event.query);
    },
  });
  await handle.db
    .transaction()
    .execute((trx) =>
      loadOrganisation(trx, systemActor('test'), parseOrganisationFile(CLEARANCE_ORGANISATION), 'test'),
    );
  people.admin = await buildUser(handle, {
    role: 'secretariat_admin',
    accessLevel: 'secret',
    username: 'hq-admin',
  });
  for (const [key, state] of [
    ['amHead', 'AM'],
    ['byHead', 'BY'],
    ['ruHead', 'RU'],
    ['kzHead', 'KZ'],
  ] as const)
    people[key] = await buildUser(handle, {
      role: 'head_of_delegation',
      stateCode: state,
      accessLevel: 'confidential',
      username: `${state.toLowerCase()}-head`,
    });
}, 120_000);
afterAll(() => handle?.close());

describe('SQL snapshots of the hot paths (src/db/sql-snapshots)', () => {
  it('giving a stance', async () => {
    const procedure = await buildProcedure(handle, { kind: 'written' });
    const input = { stances: [{ point: procedure.points[0], kind: 'agree' as const }] };
    const { queries } = await recorded(() =>
      handle.db
        .transaction()
        .execute((trx) =>
          giveStances(trx, person(people.amHead), procedure.id, input, new Date(), { view: true }),
        ),
    );
    matchSnapshot(
      'give-stance',
      'giving a stance: giveStances(..., { view: true }), as POST /api/procedures/{id}/stances runs it',
      queries,
    );
  });

  it('deciding a leg', async () => {
    const request = await buildClearanceRequest(handle, { by: people.byHead });
    const input = DecideLegInput.parse({ decision: 'approve' });
    const { queries } = await recorded(() =>
      handle.db
        .transaction()
        .execute((trx) => decideLeg(trx, person(people.ruHead), request.id, 'RU', input)),
    );
    const leg = await handle.db
      .selectFrom('clearance_legs')
      .select('status')
      .where('request_id', '=', request.id)
      .where('state_code', '=', 'RU')
      .executeTakeFirstOrThrow();
    expect(leg.status).toBe('approved');
    matchSnapshot(
      'decide-leg',
      'deciding a leg: decideLeg(), as POST /api/clearances/{id}/legs/{state}/decision runs it',
      queries,
    );
  });

  it('appending to the record, and the live hub loading the new entry', async () => {
    const { append, integrate, hub } = await appendWithHubListening();
    matchSnapshot(
      'append-entry',
      "appending to the record: appendEntry() in the command's transaction",
      append,
    );
    matchSnapshot(
      'integrate-pending',
      "the record's sequencer giving pending entries their place: integratePending(), one batch",
      integrate,
    );
    matchSnapshot(
      'live-hub-load',
      "the live hub's load of new entries after the sequencer's NOTIFY (LiveHub.drain)",
      hub,
    );
  });

  it('listing proposals', async () => {
    const { queries } = await recorded(() =>
      listProposals(handle.db, person(people.amHead), ListProposalsQuery.parse({})),
    );
    matchSnapshot('list-proposals', 'listing proposals: listProposals(), GET /api/proposals', queries);
  });

  it('listing the clearance requests of a state', async () => {
    const { queries } = await recorded(() =>
      listRequests(handle.db, person(people.ruHead), RequestListQuery.parse({ state: 'RU' })),
    );
    matchSnapshot(
      'list-clearance-requests',
      'listing the clearance requests of a state: listRequests(), GET /api/clearances?state=RU',
      queries,
    );
  });

  it('counting unread notifications', async () => {
    const { queries } = await recorded(() => unreadCount(handle.db, person(people.byHead)));
    matchSnapshot(
      'unread-notifications',
      'counting unread notifications: unreadCount(), part of GET /api/notifications',
      queries,
    );
  });

  it('authenticating a session cookie', async () => {
    const signedIn = await handle.db
      .transaction()
      .execute((trx) =>
        signIn(
          trx,
          { username: people.byHead.username, password: 'correct horse battery' },
          { sessionHours: 8 },
        ),
      );
    if (!signedIn.ok) throw signedIn.error;
    const { queries, result } = await recorded(() => authenticateSession(handle.db, signedIn.sessionToken));
    expect(result?.person.id).toBe(people.byHead.id);
    matchSnapshot(
      'authenticate-session',
      'authenticating a request by its session cookie (seen within the minute: last_seen_at is left alone)',
      queries,
    );
  });

  it('authenticating an API token', async () => {
    const token = await tokenFor(handle, people.kzHead);
    const { queries, result } = await recorded(() => authenticateToken(handle.db, token));
    expect(result?.person.id).toBe(people.kzHead.id);
    matchSnapshot(
      'authenticate-token',
      'authenticating a request by its API token (first use: last_used_at is set)',
      queries,
    );
  });
});

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

/** The planner's plan for a statement with the parameters it ran with (EXPLAIN, not run). */
async function explain(query: CompiledQuery): Promise<{ nodes: PlanNode[]; text: string }> {
  const json = await handle.db.executeQuery<{ 'QUERY PLAN': unknown }>(
    CompiledQuery.raw(`explain (format json) ${query.sql}`, [...query.parameters]),
  );
  const raw = json.rows[0]['QUERY PLAN'];
  const [plan] = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  const text = await handle.db.executeQuery<{ 'QUERY PLAN': string }>(
    CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
  );
  return { nodes: planNodes(plan.Plan), text: text.rows.map((row) => row['QUERY PLAN']).join('\n') };
}

/**
 * Runs `work`, EXPLAINs every statement it sent, and returns its sequential scans of the
 * given tables (a list's own tables: a join may still hash a table whose share is large).
 */
async function seqScansOf(
  tables: string[],
  work: () => Promise<unknown>,
): Promise<{ table: string; detail: string }[]> {
  const { queries } = await recorded(work);
  expect(queries.length).toBeGreaterThan(0);
  const found: { table: string; detail: string }[] = [];
  for (const query of queries) {
    const { nodes, text } = await explain(query);
    for (const node of nodes) {
      const table = node['Relation Name'] ?? '';
      if (node['Node Type'] === 'Seq Scan' && tables.includes(table))
        found.push({ table, detail: `${tidy(query.sql)}\nplan:\n${text}` });
    }
  }
  return found;
}

/**
 * Sequential scans the plans show today, as 'list: table', each with why: the test fails
 * on any other, and when one of these is gone (then delete its line).
 */
const KNOWN_SEQ_SCANS: Record<string, string> = {};

/** The record page's list as a secretariat administrator asks for it. */
const record = (filters: EntryFilters) => () =>
  listEntries(handle.db, person(people.admin), { ...filters, limit: 50 });
/** An instant so many days before now. */
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

describe(`list queries on a large database (${SEEDED} proposals, requests and record entries) use their indexes`, () => {
  let reader: UserRow;

  beforeAll(async () => {
    const states = sql`(array['AM', 'BY', 'TJ', 'RU', 'KZ'])`;
    await handle.db.transaction().execute(async (trx) => {
      await sql`
        insert into proposals (body_code, title, classification, author_state, status, created_at, updated_at)
        select case when i % 3 = 0 then 'committee' else 'council' end, 'Seeded proposal ' || i, i % 4,
          ${states}[1 + i % 5], (array['draft', 'open', 'adopted', 'not_adopted'])[1 + i % 4],
          now() - make_interval(mins => i), now() - make_interval(mins => i)
        from generate_series(1, ${SEEDED}) i`.execute(trx);
      await sql`
        insert into clearance_requests (reference, requesting_state, status, title, framework, urgency,
          classification, created_by_label, updated_at)
        select 'SEED-' || i, ${states}[1 + i % 5], (array['draft', 'pending', 'cleared', 'denied'])[1 + i % 4],
          'Seeded movement ' || i, 'exercise', 'routine', i % 4, 'seed', now() - make_interval(mins => i)
        from generate_series(1, ${SEEDED}) i`.execute(trx);
      await sql`
        insert into clearance_legs (request_id, position, state_code, version, status)
        select r.id, leg, ${states}[1 + (r.n + leg) % 5], 1, 'pending'
        from (select id, row_number() over (order by reference) as n from clearance_requests where reference like 'SEED-%') r,
          generate_series(0, 2) leg`.execute(trx);
      // 200 people with 100 notifications each, one in ten unread.
      await sql`
        insert into users (username, display_name, password_hash, affiliation, state_code, role, access_level)
        select 'seeded-' || i, 'Seeded ' || i, 'not a hash', 'delegation', ${states}[1 + i % 5], 'delegate', 2
        from generate_series(1, 200) i`.execute(trx);
      await sql`
        insert into notifications (user_id, kind, subject_type, subject_id, details, dedupe_key, created_at, read_at)
        select u.id, 'outcome', 'proposal', p.id, '{}', 'seed:' || p.id, now() - make_interval(mins => p.n::int),
          case when p.n % 10 = 0 then null else now() end
        from (select id, row_number() over (order by username) as n from users where username like 'seeded-%') u
        join (select id, row_number() over (order by id) as n from proposals) p on p.n % 200 = u.n % 200`.execute(
        trx,
      );
      // Record entries straight into the table (the chain does not matter to a plan), the head
      // moved past them: one every ten minutes up to now (8,000 cover 55 days), one in a hundred
      // by one of the 200 people.
      await sql`
        insert into ledger_entries (seq, at, actor_id, actor_label, action, subject_type, subject_id,
          classification, payload, payload_hash, prev_hash, hash, record_id)
        select h.seq + i, now() - make_interval(mins => 10 * (${SEEDED} - i)),
          case when i % 100 = 0 then u.id end, 'seed', 'seed.entry', 'seed', i::text, i % 4, '{}',
          'seed', 'seed', encode(sha256(convert_to('seed-' || i, 'UTF8')), 'hex'),
          nextval(pg_get_serial_sequence('ledger_pending', 'id'))
        from ledger_head h cross join generate_series(1, ${SEEDED}) i
          left join (select id, row_number() over (order by username) as n from users
            where username like 'seeded-%') u on u.n = 1 + (i / 100) % 200`.execute(trx);
      await sql`update ledger_head
        set seq = seq + ${SEEDED}, hash = encode(sha256(convert_to('seed-' || ${SEEDED}, 'UTF8')), 'hex')`.execute(
        trx,
      );
      // Their leaves, so that later appends find the tree whole.
      await completeTree(trx);
    });
    await sql`analyze`.execute(handle.db);
    reader = await handle.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'seeded-7')
      .executeTakeFirstOrThrow();
  }, 300_000);

  it('no list reads a large table end to end, except the known ones', async () => {
    const proposals = (actor: UserRow, query: Record<string, string>) => () =>
      listProposals(handle.db, person(actor), ListProposalsQuery.parse(query));
    const requests = (query: Record<string, string>) => () =>
      listRequests(handle.db, person(people.ruHead), RequestListQuery.parse(query));
    const PROPOSALS = ['proposals'];
    const REQUESTS = ['clearance_requests', 'clearance_legs'];
    const NOTIFICATIONS = ['notifications'];
    const RECORD = ['ledger_entries'];
    const lists: [string, string[], () => Promise<unknown>][] = [
      ['proposals', PROPOSALS, proposals(people.amHead, {})],
      ['open proposals', PROPOSALS, proposals(people.amHead, { view: 'open' })],
      ['adopted proposals', PROPOSALS, proposals(people.amHead, { view: 'adopted' })],
      ['proposals of a body', PROPOSALS, proposals(people.amHead, { body: 'committee' })],
      ['proposals, for the secretariat', PROPOSALS, proposals(people.admin, {})],
      ['clearance requests of a state', REQUESTS, requests({ state: 'RU' })],
      ['clearance requests a person may read', REQUESTS, requests({})],
      ['clearance requests to decide', REQUESTS, requests({ toDecide: 'true' })],
      ['unread notifications count', NOTIFICATIONS, () => unreadCount(handle.db, person(reader))],
      ['the record of one person', RECORD, record({ actor: reader.id })],
      ['the record of a day long ago', RECORD, record({ from: daysAgo(30), to: daysAgo(29) })],
      [
        'notifications',
        NOTIFICATIONS,
        () => listNotifications(handle.db, person(reader), { limit: 50, offset: 0 }),
      ],
    ];
    const found = new Map<string, string>();
    for (const [name, tables, run] of lists)
      for (const { table, detail } of await seqScansOf(tables, run)) found.set(`${name}: ${table}`, detail);
    const added = [...found.keys()].filter((key) => !(key in KNOWN_SEQ_SCANS));
    const gone = Object.keys(KNOWN_SEQ_SCANS).filter((key) => !found.has(key));
    const message = [
      ...added.map((key) => `new sequential scan, ${key}:\n${found.get(key)}`),
      ...gone.map((key) => `'${key}' now uses an index: delete it from KNOWN_SEQ_SCANS`),
    ].join('\n\n');
    expect({ added, gone }, message).toEqual({ added: [], gone: [] });
  });

  it("the record page's filters by person and by days walk their indexes, not the whole record backwards", async () => {
    const cases: [string, EntryFilters, string][] = [
      ['one person', { actor: reader.id }, 'ledger_entries_actor_idx'],
      ['a day long ago', { from: daysAgo(30), to: daysAgo(29) }, 'ledger_entries_at_idx'],
    ];
    for (const [name, filters, index] of cases) {
      const { queries } = await recorded(record(filters));
      const list = queries.find((q) => /from "ledger_entries"/.test(q.sql));
      expect(list, name).toBeDefined();
      const { nodes, text } = await explain(list as CompiledQuery);
      expect(
        nodes.filter((node) => node['Relation Name'] === 'ledger_entries').map((node) => node['Index Name']),
        `${name}:\n${text}`,
      ).toContain(index);
    }
  });

  it("the live hub's load of new entries", async () => {
    const { hub } = await appendWithHubListening();
    expect(hub, 'the hub reads new entries in one statement').toHaveLength(1);
    const [load] = hub;
    expect(load?.sql, 'the hub read no entries').toMatch(/from "ledger_entries"/);
    const { nodes, text } = await explain(load as CompiledQuery);
    expect(
      nodes.filter((node) => node['Relation Name'] === 'ledger_entries').map((node) => node['Node Type']),
      text,
    ).toEqual(['Index Scan']);
  });
});
