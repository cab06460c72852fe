import { describe, expect, it } from 'vitest';
import { type Actor, type Person, systemActor } from '../core/actor.ts';
import { AppError } from '../core/errors.ts';
import type { Affiliation, Role } from '../db/schema.ts';
import type { LedgerSubject } from '../modules/ledger/policy.ts';
import { abilities, authorize, can } from './index.ts';

// The whole rule book as tables of expected booleans. Each test walks a table and
// compares every cell with `can`, so a changed rule shows up as a changed cell. The SQL
// scopes used for lists are held to the same rules on a real database in scopes.test.ts.

const Y = true;
const N = false;

function person(
  id: string,
  role: Role,
  affiliation: Affiliation,
  code: string | null,
  accessLevel: number,
): Person {
  return {
    kind: 'person',
    id,
    username: id,
    displayName: id,
    affiliation,
    stateCode: affiliation === 'delegation' ? code : null,
    partnerCode: affiliation === 'partner' ? code : null,
    role,
    accessLevel,
    locale: 'en',
    isDemo: false,
  };
}

/** The callers: one person per role (the delegation roles in BY), a non-admin secretariat member, the console, nobody. */
const ACTORS = {
  secretariat_admin: person('admin', 'secretariat_admin', 'secretariat', null, 3),
  head_of_delegation: person('by-head', 'head_of_delegation', 'delegation', 'BY', 2),
  delegate: person('by-delegate', 'delegate', 'delegation', 'BY', 1),
  point_of_contact: person('by-poc', 'point_of_contact', 'delegation', 'BY', 0),
  observer: person('un-observer', 'observer', 'partner', 'UN', 0),
  secretariat_staff: person('staff', 'point_of_contact', 'secretariat', null, 1),
  system: systemActor('test'),
  nobody: null,
} satisfies Record<string, Actor | null>;
type ActorName = keyof typeof ACTORS;
const ACTOR_NAMES = Object.keys(ACTORS) as ActorName[];

const asSubject = (p: Person) => ({
  id: p.id,
  affiliation: p.affiliation,
  state_code: p.stateCode,
  partner_code: p.partnerCode,
  role: p.role,
});

/** The people acted on. The first five are the callers themselves, so the diagonal is "own account". */
const TARGETS = {
  byHead: asSubject(ACTORS.head_of_delegation),
  byDelegate: asSubject(ACTORS.delegate),
  byPoc: asSubject(ACTORS.point_of_contact),
  admin: asSubject(ACTORS.secretariat_admin),
  unObserver: asSubject(ACTORS.observer),
  staff: asSubject(ACTORS.secretariat_staff),
  amHead: asSubject(person('am-head', 'head_of_delegation', 'delegation', 'AM', 2)),
  amDelegate: asSubject(person('am-delegate', 'delegate', 'delegation', 'AM', 1)),
  scoObserver: asSubject(person('sco-observer', 'observer', 'partner', 'SCO', 0)),
};
const TARGET_NAMES = Object.keys(TARGETS) as (keyof typeof TARGETS)[];

// Entries by classification (rows: public, restricted, confidential, secret) and audience
// (columns). "own" is an entry the caller wrote themselves, addressed to nobody else.
const AUDIENCES: Record<string, string[] | null> = {
  allStates: null,
  BY: ['BY'],
  AM: ['AM'],
  AMandBY: ['AM', 'BY'],
  UN: ['partner:UN'],
  nobody: [],
  own: [],
};
const entry = (classification: number, audience: string, actor: Actor | null): LedgerSubject => ({
  classification,
  audience: AUDIENCES[audience],
  actor_id: audience === 'own' && actor?.kind === 'person' ? actor.id : 'someone-else',
});

describe('the policy matrix', () => {
  it('directory, people list and the record as a whole', () => {
    const actions = [
      ['directory', 'read'],
      ['directory', 'load'],
      ['users', 'read'],
      ['users', 'create'],
      ['ledger', 'read'],
      ['ledger', 'verify'],
      ['ledger', 'export'],
      ['directory', 'destroy'], // listed nowhere: default deny
      ['ledger', 'rewrite'], // listed nowhere: default deny
    ] as const;
    // biome-ignore format: a table
    const expected: Record<ActorName, boolean[]> = {
      //                   dir.read dir.load users.read users.create ledger.read ledger.verify ledger.export (unlisted) (unlisted)
      secretariat_admin:  [Y,       Y,       Y,         Y,           Y,          Y,            Y,            N,         N],
      head_of_delegation: [Y,       N,       Y,         N,           Y,          Y,            Y,            N,         N],
      delegate:           [Y,       N,       Y,         N,           Y,          N,            N,            N,         N],
      point_of_contact:   [Y,       N,       Y,         N,           Y,          N,            N,            N,         N],
      observer:           [Y,       N,       Y,         N,           Y,          N,            N,            N,         N],
      secretariat_staff:  [Y,       N,       Y,         N,           Y,          N,            N,            N,         N],
      system:             [Y,       Y,       Y,         Y,           Y,          Y,            Y,            N,         N],
      nobody:             [N,       N,       N,         N,           N,          N,            N,            N,         N],
    };
    const actual = Object.fromEntries(
      ACTOR_NAMES.map((name) => [
        name,
        actions.map(([kind, action]) => can(ACTORS[name], action, kind, null)),
      ]),
    );
    expect(actual).toEqual(expected);
  });

  const userTable = (action: 'read' | 'update' | 'disable') =>
    Object.fromEntries(
      ACTOR_NAMES.map((name) => [
        name,
        TARGET_NAMES.map((target) => can(ACTORS[name], action, 'user', TARGETS[target])),
      ]),
    );

  it('reading a person', () => {
    // A delegation sees its own people, every head of delegation and the secretariat; a
    // partner sees its own people and the secretariat; the secretariat sees everyone.
    // biome-ignore format: a table
    const expected: Record<ActorName, boolean[]> = {
      //                   byHead byDelegate byPoc admin unObserver staff amHead amDelegate scoObserver
      secretariat_admin:  [Y,     Y,         Y,    Y,    Y,         Y,    Y,     Y,         Y],
      head_of_delegation: [Y,     Y,         Y,    Y,    N,         Y,    Y,     N,         N],
      delegate:           [Y,     Y,         Y,    Y,    N,         Y,    Y,     N,         N],
      point_of_contact:   [Y,     Y,         Y,    Y,    N,         Y,    Y,     N,         N],
      observer:           [N,     N,         N,    Y,    Y,         Y,    N,     N,         N],
      secretariat_staff:  [Y,     Y,         Y,    Y,    Y,         Y,    Y,     Y,         Y],
      system:             [Y,     Y,         Y,    Y,    Y,         Y,    Y,     Y,         Y],
      nobody:             [N,     N,         N,    N,    N,         N,    N,     N,         N],
    };
    expect(userTable('read')).toEqual(expected);
  });

  it('updating a person', () => {
    // biome-ignore format: a table
    const expected: Record<ActorName, boolean[]> = {
      //                   byHead byDelegate byPoc admin unObserver staff amHead amDelegate scoObserver
      secretariat_admin:  [Y,     Y,         Y,    Y,    Y,         Y,    Y,     Y,         Y],
      head_of_delegation: [N,     N,         N,    N,    N,         N,    N,     N,         N],
      delegate:           [N,     N,         N,    N,    N,         N,    N,     N,         N],
      point_of_contact:   [N,     N,         N,    N,    N,         N,    N,     N,         N],
      observer:           [N,     N,         N,    N,    N,         N,    N,     N,         N],
      secretariat_staff:  [N,     N,         N,    N,    N,         N,    N,     N,         N],
      system:             [Y,     Y,         Y,    Y,    Y,         Y,    Y,     Y,         Y],
      nobody:             [N,     N,         N,    N,    N,         N,    N,     N,         N],
    };
    expect(userTable('update')).toEqual(expected);
  });

  it('disabling a person: administrators, never themselves', () => {
    // biome-ignore format: a table
    const expected: Record<ActorName, boolean[]> = {
      //                   byHead byDelegate byPoc admin unObserver staff amHead amDelegate scoObserver
      secretariat_admin:  [Y,     Y,         Y,    N,    Y,         Y,    Y,     Y,         Y],
      head_of_delegation: [N,     N,         N,    N,    N,         N,    N,     N,         N],
      delegate:           [N,     N,         N,    N,    N,         N,    N,     N,         N],
      point_of_contact:   [N,     N,         N,    N,    N,         N,    N,     N,         N],
      observer:           [N,     N,         N,    N,    N,         N,    N,     N,         N],
      secretariat_staff:  [N,     N,         N,    N,    N,         N,    N,     N,         N],
      system:             [Y,     Y,         Y,    Y,    Y,         Y,    Y,     Y,         Y],
      nobody:             [N,     N,         N,    N,    N,         N,    N,     N,         N],
    };
    expect(userTable('disable')).toEqual(expected);
  });

  it('reading an entry of the record, by classification and audience', () => {
    // biome-ignore format: a table
    const expected: Record<ActorName, boolean[][]> = {
      //                   allStates BY AM AMandBY UN nobody own
      secretariat_admin: [[Y,        Y, Y, Y,      Y, Y,     Y],  // public
                          [Y,        Y, Y, Y,      Y, Y,     Y],  // restricted
                          [Y,        Y, Y, Y,      Y, Y,     Y],  // confidential
                          [Y,        Y, Y, Y,      Y, Y,     Y]], // secret
      head_of_delegation:[[Y,        Y, N, Y,      N, N,     Y],
                          [Y,        Y, N, Y,      N, N,     Y],
                          [Y,        Y, N, Y,      N, N,     Y],
                          [N,        N, N, N,      N, N,     N]],
      delegate:          [[Y,        Y, N, Y,      N, N,     Y],
                          [Y,        Y, N, Y,      N, N,     Y],
                          [N,        N, N, N,      N, N,     N],
                          [N,        N, N, N,      N, N,     N]],
      point_of_contact:  [[Y,        Y, N, Y,      N, N,     Y],
                          [N,        N, N, N,      N, N,     N],
                          [N,        N, N, N,      N, N,     N],
                          [N,        N, N, N,      N, N,     N]],
      observer:          [[N,        N, N, N,      Y, N,     Y],
                          [N,        N, N, N,      N, N,     N],
                          [N,        N, N, N,      N, N,     N],
                          [N,        N, N, N,      N, N,     N]],
      secretariat_staff: [[Y,        Y, Y, Y,      Y, Y,     Y],
                          [Y,        Y, Y, Y,      Y, Y,     Y],
                          [N,        N, N, N,      N, N,     N],
                          [N,        N, N, N,      N, N,     N]],
      system:            [[Y,        Y, Y, Y,      Y, Y,     Y],
                          [Y,        Y, Y, Y,      Y, Y,     Y],
                          [Y,        Y, Y, Y,      Y, Y,     Y],
                          [Y,        Y, Y, Y,      Y, Y,     Y]],
      nobody:            [[N,        N, N, N,      N, N,     N],
                          [N,        N, N, N,      N, N,     N],
                          [N,        N, N, N,      N, N,     N],
                          [N,        N, N, N,      N, N,     N]],
    };
    const actual = Object.fromEntries(
      ACTOR_NAMES.map((name) => {
        const actor = ACTORS[name];
        return [
          name,
          [0, 1, 2, 3].map((level) =>
            Object.keys(AUDIENCES).map((audience) =>
              can(actor, 'read', 'ledgerEntry', entry(level, audience, actor)),
            ),
          ),
        ];
      }),
    );
    expect(actual).toEqual(expected);
  });

  it('refuses any action on an entry other than reading it', () => {
    for (const name of ACTOR_NAMES) {
      for (const action of ['update', 'delete', 'export']) {
        expect(can(ACTORS[name], action, 'ledgerEntry', entry(0, 'allStates', ACTORS[name]))).toBe(false);
      }
    }
  });
});

describe('authorize', () => {
  const codeOf = (fn: () => void) => {
    try {
      fn();
      return 'allowed';
    } catch (err) {
      return err instanceof AppError ? `${err.status} ${err.code}` : String(err);
    }
  };

  it('answers 404 when the caller may not even read the thing, 403 when they may read it but not act', () => {
    const head = ACTORS.head_of_delegation;
    expect(codeOf(() => authorize(head, 'read', 'user', TARGETS.byDelegate))).toBe('allowed');
    expect(codeOf(() => authorize(head, 'update', 'user', TARGETS.byDelegate))).toBe('403 forbidden');
    expect(codeOf(() => authorize(head, 'disable', 'user', TARGETS.amHead))).toBe('403 forbidden');
    expect(codeOf(() => authorize(head, 'update', 'user', TARGETS.amDelegate))).toBe('404 not_found');
    expect(codeOf(() => authorize(head, 'read', 'user', TARGETS.scoObserver))).toBe('404 not_found');
    expect(codeOf(() => authorize(ACTORS.delegate, 'export', 'ledger', null))).toBe('403 forbidden');
    expect(codeOf(() => authorize(ACTORS.observer, 'create', 'users', null))).toBe('403 forbidden');
    expect(codeOf(() => authorize(ACTORS.secretariat_admin, 'disable', 'user', TARGETS.admin))).toBe(
      '403 forbidden',
    );
    expect(codeOf(() => authorize(ACTORS.secretariat_admin, 'disable', 'user', TARGETS.byHead))).toBe(
      'allowed',
    );
    expect(codeOf(() => authorize(null, 'read', 'directory', null))).toBe('404 not_found');
    expect(
      codeOf(() => authorize(ACTORS.point_of_contact, 'read', 'ledgerEntry', entry(1, 'BY', null))),
    ).toBe('404 not_found');
  });

  it('abilities say exactly what can says', () => {
    for (const name of ACTOR_NAMES) {
      for (const target of TARGET_NAMES) {
        const actor = ACTORS[name];
        expect(abilities(actor, 'user', TARGETS[target], ['read', 'update', 'disable', 'fly'])).toEqual({
          read: can(actor, 'read', 'user', TARGETS[target]),
          update: can(actor, 'update', 'user', TARGETS[target]),
          disable: can(actor, 'disable', 'user', TARGETS[target]),
          fly: false,
        });
      }
    }
  });
});
