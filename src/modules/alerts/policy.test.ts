import { describe, expect, it } from 'vitest';
import { type Actor, type Person, systemActor } from '../../core/actor.ts';
import { can } from '../../policy/index.ts';

// The early-warning rules as a matrix: role x subject x action (the platform assembles the
// rules from the module list in src/testing/setup.ts). The API tests hold the list's SQL scope
// (alertsVisibleTo) in step with `alert.read`.

const person = (over: Partial<Person>): Person => ({
  kind: 'person',
  id: '00000000-0000-4000-8000-000000000001',
  username: 'someone',
  displayName: 'Someone',
  affiliation: 'delegation',
  stateCode: 'BY',
  partnerCode: null,
  role: 'delegate',
  accessLevel: 1,
  locale: 'en',
  isDemo: false,
  ...over,
});

const PEOPLE: Record<string, Actor> = {
  system: systemActor('test'),
  secretariatAdmin: person({
    affiliation: 'secretariat',
    stateCode: null,
    role: 'secretariat_admin',
    accessLevel: 3,
  }),
  secretariatStaff: person({ affiliation: 'secretariat', stateCode: null, role: 'delegate', accessLevel: 1 }),
  byHead: person({ role: 'head_of_delegation', accessLevel: 2 }),
  byContact: person({ role: 'point_of_contact' }),
  byDelegate: person({ role: 'delegate' }),
  byContactPublic: person({ role: 'point_of_contact', accessLevel: 0 }),
  tjHead: person({ role: 'head_of_delegation', stateCode: 'TJ', accessLevel: 3 }),
  unObserver: person({
    affiliation: 'partner',
    stateCode: null,
    partnerCode: 'UN',
    role: 'observer',
    accessLevel: 3,
  }),
};

const region = { states: ['AM', 'BY'] };
const restricted = { states: ['AM', 'BY'], classification: 1 };
const confidential = { states: ['AM', 'BY'], classification: 2 };

describe('early-warning policy', () => {
  // region read, enterValues | restricted alert read, acknowledge, escalate, close, raise | confidential read
  it.each([
    ['system', [1, 1], [1, 1, 1, 1, 1], 1],
    ['secretariatAdmin', [1, 1], [1, 1, 1, 1, 1], 1],
    ['secretariatStaff', [1, 1], [1, 1, 1, 1, 1], 0],
    ['byHead', [1, 1], [1, 1, 1, 1, 1], 1],
    ['byContact', [1, 1], [1, 1, 1, 0, 1], 0],
    ['byDelegate', [1, 0], [1, 0, 0, 0, 0], 0],
    ['byContactPublic', [0, 0], [0, 0, 0, 0, 0], 0],
    ['tjHead', [0, 0], [0, 0, 0, 0, 0], 0],
    ['unObserver', [0, 0], [0, 0, 0, 0, 0], 0],
  ] as const)('%s', (who, [read, enter], [aRead, ack, esc, close, raise], cRead) => {
    const a = PEOPLE[who]!;
    expect([
      can(a, 'read', 'monitoringRegion', region),
      can(a, 'enterValues', 'monitoringRegion', region),
    ]).toEqual([!!read, !!enter]);
    expect([
      can(a, 'read', 'alert', restricted),
      can(a, 'acknowledge', 'alert', restricted),
      can(a, 'escalate', 'alert', restricted),
      can(a, 'close', 'alert', restricted),
      can(a, 'raise', 'alerts', restricted),
    ]).toEqual([!!aRead, !!ack, !!esc, !!close, !!raise]);
    expect(can(a, 'read', 'alert', confidential)).toBe(!!cRead);
    // Default deny: an action no rule lists.
    expect(can(a, 'delete', 'alert', restricted)).toBe(false);
  });
});
