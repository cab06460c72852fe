import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, personFromRow, systemActor } from '../../core/actor.ts';
import { can } from '../../policy/index.ts';
import { type TestContext, testContext } from '../../testing/harness.ts';
import { CLEARANCE_ORGANISATION, landRoute } from '../../testing/simulations/clearances.ts';
import { buildClearancePeople, buildClearanceRequest, type ClearancePeople } from './factories.ts';
import { requestSubject } from './load.ts';
import type { ClearanceLegSubject, ClearanceRequestSubject } from './policy.ts';
import { listRequests } from './requests/queries.ts';
import { RequestListQuery } from './schema.ts';

// Role x resource x action on the rules alone; then the SQL scope of lists against the
// predicate on a real database, so a list never shows a request a direct read refuses.

let t: TestContext;
let p: ClearancePeople;
beforeAll(async () => {
  t = await testContext(CLEARANCE_ORGANISATION);
  p = await buildClearancePeople(t.handle);
});
afterAll(() => t.close());

type Who = keyof ClearancePeople | 'system';
const who = (name: Who): Actor => (name === 'system' ? systemActor('test') : personFromRow(p[name]));
const ALL: Who[] = [
  'admin',
  'staff',
  'byHead',
  'byDelegate',
  'ruHead',
  'ruContact',
  'ruDelegate',
  'kzHead',
  'amHead',
  'byPublic',
  'observer',
  'system',
];

/** A restricted request of BY crossing RU and KZ. */
const request: ClearanceRequestSubject = {
  classification: 1,
  requestingState: 'BY',
  routeStates: ['BY', 'RU', 'KZ'],
  submitted: true,
};
/** The same before it is submitted: BY's alone. */
const draft: ClearanceRequestSubject = { ...request, submitted: false };
const ruLeg: ClearanceLegSubject = { request, state: 'RU', authorisedDelegates: [] };

describe('clearance request and leg: role x action', () => {
  const table: [string, 'clearanceRequest' | 'clearanceLeg', Who[]][] = [
    [
      'read',
      'clearanceRequest',
      ['admin', 'staff', 'byHead', 'byDelegate', 'ruHead', 'ruContact', 'ruDelegate', 'kzHead', 'system'],
    ],
    ['amend', 'clearanceRequest', ['byHead', 'byDelegate', 'system']],
    ['withdraw', 'clearanceRequest', ['byHead', 'byDelegate', 'system']],
    ['acceptConditions', 'clearanceRequest', ['byHead', 'byDelegate', 'system']],
    ['decide', 'clearanceLeg', ['ruHead', 'ruContact']],
    ['askInfo', 'clearanceLeg', ['ruHead', 'ruContact']],
    ['decideEscalated', 'clearanceLeg', ['admin', 'system']],
    [
      'readDetails',
      'clearanceLeg',
      ['admin', 'staff', 'byHead', 'byDelegate', 'ruHead', 'ruContact', 'ruDelegate', 'system'],
    ],
    ['readInternalNote', 'clearanceLeg', ['admin', 'staff', 'ruHead', 'ruContact', 'ruDelegate', 'system']],
  ];
  it.each(table)('%s on %s', (action, kind, allowed) => {
    const subject = kind === 'clearanceLeg' ? ruLeg : request;
    const got = ALL.filter((name) => can(who(name), action, kind, subject as never));
    expect(got).toEqual(allowed);
  });

  it.each([
    ['read', ['byHead', 'byDelegate', 'system']],
    ['edit', ['byHead', 'byDelegate', 'system']],
    ['submit', ['byHead', 'byDelegate', 'system']],
  ] as const)(
    '%s on a draft: the requesting state alone, not the route or the secretariat',
    (action, allowed) => {
      expect(ALL.filter((name) => can(who(name), action, 'clearanceRequest', draft))).toEqual(allowed);
      const draftLeg = { ...ruLeg, request: draft };
      for (const legAction of ['read', 'readDetails', 'decide', 'askInfo'])
        expect(ALL.filter((name) => can(who(name), legAction, 'clearanceLeg', draftLeg))).toEqual(
          legAction === 'read' || legAction === 'readDetails' ? ['byHead', 'byDelegate', 'system'] : [],
        );
    },
  );

  it('an authorised delegate decides for their state only', () => {
    const delegate = who('ruDelegate');
    const id = (delegate as { id: string }).id;
    expect(can(delegate, 'decide', 'clearanceLeg', { ...ruLeg, authorisedDelegates: [id] })).toBe(true);
    expect(
      can(delegate, 'decide', 'clearanceLeg', { ...ruLeg, state: 'KZ', authorisedDelegates: [id] }),
    ).toBe(false);
  });
});

describe('the SQL scope returns exactly what the predicate allows (scope twice)', () => {
  it('for every person, over requests of each classification and route', async () => {
    const made = [];
    const route = landRoute();
    for (const [classification, legs, submit] of [
      ['public', route, true],
      ['restricted', route.slice(0, 2).map((l, i) => (i === 1 ? { ...l, exit: null } : l)), true],
      ['confidential', route, true],
      ['secret', [{ ...route[0], exit: null }], false],
      // Drafts: their requesting state's alone, whoever is on the route.
      ['public', route, false],
      ['restricted', route, false],
    ] as const)
      made.push(await buildClearanceRequest(t.handle, { body: { classification, legs }, submit }));
    const legs = await t.handle.db.selectFrom('clearance_legs').selectAll().execute();
    const all = await t.handle.db.selectFrom('clearance_requests').selectAll().execute();
    for (const name of ALL) {
      const actor = who(name);
      const listed = (await listRequests(t.handle.db, actor, RequestListQuery.parse({ limit: 500 })))
        .map((r) => r.row.id)
        .sort();
      const allowed = all
        .filter((r) =>
          can(
            actor,
            'read',
            'clearanceRequest',
            requestSubject(
              r,
              legs.filter((l) => l.request_id === r.id),
            ),
          ),
        )
        .map((r) => r.id)
        .sort();
      expect(listed, name).toEqual(allowed);
    }
    expect(made).toHaveLength(6);
  });
});
