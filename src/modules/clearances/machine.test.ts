import { describe, expect, it } from 'vitest';
import { type PermissionInfo, permissionCovers } from './itinerary.ts';
import {
  applyLegEvent,
  emptyLeg,
  type Leg,
  type LegEvent,
  planAmendment,
  requestStatusOf,
} from './machine.ts';
import { ClearanceContent, type LegInput } from './schema.ts';

const T0 = new Date('2026-12-01T00:00:00Z');
const at = (hours: number) => new Date(T0.getTime() + hours * 3_600_000);
const open = (onSilence: 'consent' | 'refusal' | 'escalation' = 'consent'): Leg =>
  applyLegEvent(emptyLeg(), { kind: 'open', at: T0, windowHours: 24, onSilence });
const run = (leg: Leg, events: LegEvent[]) => events.reduce(applyLegEvent, leg);

describe('leg transitions', () => {
  const cases: [string, Leg, LegEvent[], Partial<Leg> | RegExp][] = [
    [
      'approve in the window',
      open(),
      [{ kind: 'decide', at: at(2), approve: true }],
      { status: 'approved', decidedHow: 'state', decidedAt: at(2) },
    ],
    [
      'approve with conditions',
      open(),
      [{ kind: 'decide', at: at(2), approve: true, conditions: [{ kind: 'escort', text: 'Escort' }] }],
      { status: 'approved', conditions: [{ kind: 'escort', text: 'Escort' }] },
    ],
    ['deny', open(), [{ kind: 'decide', at: at(2), approve: false }], { status: 'denied', conditions: null }],
    [
      'decide after the window',
      open(),
      [{ kind: 'decide', at: at(24), approve: true }],
      /window closed at 2026-12-02T00:00:00.000Z/,
    ],
    [
      'decide twice',
      open(),
      [
        { kind: 'decide', at: at(1), approve: true },
        { kind: 'decide', at: at(2), approve: false },
      ],
      /approved/,
    ],
    [
      'ask pauses the clock',
      open(),
      [{ kind: 'ask_info', at: at(4) }],
      { status: 'info_requested', dueAt: null, pausedAt: at(4) },
    ],
    [
      'the answer moves the window by the pause',
      open(),
      [
        { kind: 'ask_info', at: at(4) },
        { kind: 'give_info', at: at(10) },
      ],
      { status: 'pending', dueAt: at(30), pausedAt: null, pausedSeconds: 6 * 3600 },
    ],
    [
      'two pauses add up',
      open(),
      [
        { kind: 'ask_info', at: at(1) },
        { kind: 'give_info', at: at(3) },
        { kind: 'ask_info', at: at(5) },
        { kind: 'give_info', at: at(6) },
      ],
      { dueAt: at(27), pausedSeconds: 3 * 3600 },
    ],
    ['an answer with no question', open(), [{ kind: 'give_info', at: at(1) }], /no question/],
    [
      'silence means consent',
      open('consent'),
      [{ kind: 'due', at: at(30) }],
      { status: 'approved', decidedHow: 'tacit', decidedAt: at(24) },
    ],
    [
      'silence means refusal',
      open('refusal'),
      [{ kind: 'due', at: at(24) }],
      { status: 'denied', decidedHow: 'tacit' },
    ],
    [
      'silence escalates',
      open('escalation'),
      [{ kind: 'due', at: at(25) }],
      { status: 'escalated', dueAt: null, decidedAt: null },
    ],
    ['silence before the window closed', open(), [{ kind: 'due', at: at(23) }], /has not closed/],
    [
      'no silence while paused',
      open(),
      [
        { kind: 'ask_info', at: at(1) },
        { kind: 'due', at: at(40) },
      ],
      /info_requested/,
    ],
    [
      'the secretariat decides an escalated leg',
      open('escalation'),
      [
        { kind: 'due', at: at(24) },
        { kind: 'secretariat', at: at(26), approve: true },
      ],
      { status: 'approved', decidedHow: 'secretariat' },
    ],
    [
      'a state may not decide an escalated leg',
      open('escalation'),
      [
        { kind: 'due', at: at(24) },
        { kind: 'decide', at: at(25), approve: true },
      ],
      /secretariat/,
    ],
    [
      'the secretariat only takes escalated legs',
      open(),
      [{ kind: 'secretariat', at: at(1), approve: true }],
      /only an escalated leg/,
    ],
    [
      'conditions accepted',
      open(),
      [
        { kind: 'decide', at: at(1), approve: true, conditions: [{ kind: 'other', text: 'x' }] },
        { kind: 'accept_conditions', at: at(2) },
      ],
      { conditionsAcceptedAt: at(2) },
    ],
    [
      'nothing to accept',
      open(),
      [
        { kind: 'decide', at: at(1), approve: true },
        { kind: 'accept_conditions', at: at(2) },
      ],
      /no conditions/,
    ],
    [
      'a standing permission approves at once',
      open(),
      [{ kind: 'standing_permission', at: T0 }],
      { status: 'approved', decidedHow: 'standing_permission' },
    ],
  ];
  it.each(cases)('%s', (_name, leg, events, want) => {
    if (want instanceof RegExp) expect(() => run(leg, events)).toThrow(want);
    else expect(run(leg, events)).toMatchObject(want);
  });
});

describe('request status from its legs', () => {
  const leg = (status: Leg['status'], conditions = false, accepted = false) => ({
    status,
    conditions: conditions ? [{ kind: 'other' as const, text: 'x' }] : null,
    conditionsAcceptedAt: accepted ? T0 : null,
  });
  const cases: [string, ReturnType<typeof leg>[], string][] = [
    ['all approved', [leg('approved'), leg('approved')], 'cleared'],
    ['one denied', [leg('approved'), leg('denied'), leg('pending')], 'denied'],
    ['conditions to accept', [leg('approved'), leg('approved', true)], 'awaiting_acceptance'],
    ['conditions accepted', [leg('approved'), leg('approved', true, true)], 'cleared'],
    ['one pending', [leg('approved'), leg('pending')], 'pending'],
    ['one waiting for an answer', [leg('approved'), leg('info_requested')], 'pending'],
    ['one escalated', [leg('escalated'), leg('approved')], 'pending'],
    ['withdrawn legs do not count', [leg('approved'), leg('withdrawn')], 'cleared'],
  ];
  it.each(cases)('%s', (_name, legs, want) => expect(requestStatusOf(legs)).toBe(want));
});

const w = (from: number, to: number) => ({ from: at(from).toISOString(), to: at(to).toISOString() });
const LEGS = {
  BY: {
    state: 'BY',
    entry: { point: 'BY-MSQ', window: w(0, 6) },
    exit: { point: 'BY-RU', window: w(6, 12) },
  },
  RU: {
    state: 'RU',
    entry: { point: 'BY-RU', window: w(6, 12) },
    exit: { point: 'RU-KZ', window: w(30, 36) },
  },
  KZ: { state: 'KZ', entry: { point: 'RU-KZ', window: w(30, 36) }, exit: null },
};
const content = (legs: unknown[], extra: Record<string, unknown> = {}) =>
  ClearanceContent.parse({
    purpose: 'Exercise',
    pointOfContact: { name: 'Officer', phone: '+7 000 000 00 00' },
    legs,
    assets: [{ kind: 'vehicle', type: 'Truck', count: 3 }],
    personnel: 20,
    armament: false,
    ...extra,
  });

describe('amendments re-open only what changed', () => {
  const before = content([LEGS.BY, LEGS.RU, LEGS.KZ]);
  const cases: [string, ReturnType<typeof content>, string[]?, [string, string][]?][] = [
    [
      'nothing changed',
      content([LEGS.BY, LEGS.RU, LEGS.KZ]),
      [],
      [
        ['BY', 'keep'],
        ['RU', 'keep'],
        ['KZ', 'keep'],
      ],
    ],
    [
      'one leg changed',
      content([LEGS.BY, { ...LEGS.RU, route: 'Another road' }, LEGS.KZ]),
      [],
      [
        ['BY', 'keep'],
        ['RU', 'reopen'],
        ['KZ', 'keep'],
      ],
    ],
    [
      'a state dropped',
      content([LEGS.BY, { ...LEGS.RU, exit: null }]),
      [],
      [
        ['BY', 'keep'],
        ['RU', 'reopen'],
        ['KZ', 'withdraw'],
      ],
    ],
    [
      'the cargo changed',
      content([LEGS.BY, LEGS.RU, LEGS.KZ], { armament: true }),
      [],
      [
        ['BY', 'reopen'],
        ['RU', 'reopen'],
        ['KZ', 'reopen'],
      ],
    ],
    [
      'a withdrawn state comes back',
      content([LEGS.BY, LEGS.RU, LEGS.KZ]),
      ['KZ'],
      [
        ['BY', 'keep'],
        ['RU', 'keep'],
        ['KZ', 'open'],
      ],
    ],
  ];
  it.each(cases)('%s', (_name, next, withdrawn, want) => {
    const plan = planAmendment({ content: before, withdrawnStates: withdrawn }, next);
    expect(plan.map((s) => [s.state, s.action])).toEqual(want);
  });
});

describe('standing permissions: which legs they cover', () => {
  const permission: PermissionInfo = {
    id: 'p',
    grantingState: 'RU',
    granteeState: 'BY',
    pattern: {
      frameworks: ['exercise'],
      crossingPoints: ['BY-RU', 'RU-KZ'],
      assetKinds: ['vehicle'],
      maxPersonnel: 50,
    },
    validFrom: at(-24),
    validTo: at(24 * 30),
    revokedAt: null,
  };
  const movement = (extra: Record<string, unknown> = {}) => ({
    requestingState: 'BY',
    framework: 'exercise',
    content: content([LEGS.BY, LEGS.RU, LEGS.KZ], extra),
  });
  const ru = LEGS.RU as LegInput;
  const cases: [string, PermissionInfo, ReturnType<typeof movement>, LegInput, true | RegExp][] = [
    ['matches', permission, movement(), ru, true],
    ['armament', permission, movement({ armament: true }), ru, /armament/],
    [
      'dangerous goods',
      permission,
      movement({ dangerousGoods: [{ unNumber: 'UN1202', hazardClass: '3', description: 'Diesel' }] }),
      ru,
      /dangerous goods/,
    ],
    ['expired', { ...permission, validTo: at(20) }, movement(), ru, /expires/],
    ['not yet valid', { ...permission, validFrom: at(7) }, movement(), ru, /before the permission is valid/],
    ['another grantee', { ...permission, granteeState: 'AM' }, movement(), ru, /for AM/],
    ['revoked', { ...permission, revokedAt: at(-1) }, movement(), ru, /revoked/],
    ['another framework', permission, { ...movement(), framework: 'peacekeeping' }, ru, /framework/],
    [
      'another asset kind',
      permission,
      movement({ assets: [{ kind: 'helicopter', type: 'Mi-8', count: 1 }] }),
      ru,
      /asset kind/,
    ],
    ['too many people', permission, movement({ personnel: 51 }), ru, /more than 50/],
    [
      'another crossing point',
      { ...permission, pattern: { ...permission.pattern, crossingPoints: ['BY-RU'] } },
      movement(),
      ru,
      /RU-KZ/,
    ],
    ['another granting state', permission, movement(), LEGS.KZ as LegInput, /granted by RU/],
  ];
  it.each(cases)('%s', (_name, p, m, leg, want) => {
    const result = permissionCovers(p, m, leg);
    if (want === true) expect(result).toEqual({ covers: true });
    else expect(result.covers ? 'covers' : result.reason).toMatch(want);
  });
});
