import { type Actor, personFromRow, systemActor } from '../../core/actor.ts';
import type { DbHandle } from '../../db/connect.ts';
import type { UserRow } from '../../db/schema.ts';
import { createToken } from '../../modules/auth/commands.ts';
import { loadOrganisation } from '../../modules/directory/commands.ts';
import { parseOrganisationFile } from '../../modules/directory/organisation-file.ts';
import { buildUser } from '../harness.ts';
import { window } from './clearances.ts';

/** The six states of the simulated exercise, in route order (Minsk to Yerevan). */
export const EXERCISE_STATES = ['BY', 'RU', 'KZ', 'KG', 'TJ', 'AM'] as const;
export type ExerciseState = (typeof EXERCISE_STATES)[number];

/**
 * The shortest response window the database keeps (`hours` is numeric(6, 2)): 0.01 h, 36 s.
 * Every state's emergency window in the exercise organisation, so that any state of an
 * emergency exercise may stay silent and be consented for tacitly within a minute.
 */
export const EXERCISE_WINDOW_HOURS = 0.01;

/**
 * Six member states in a chain, with a crossing point between neighbours: by road from
 * Minsk through Russia, Kazakhstan and Kyrgyzstan to Tajikistan, then an airlift from
 * Dushanbe to Yerevan. Emergency windows of 36 s (consent on silence); the others as usual.
 */
export const EXERCISE_ORGANISATION = `
organisation:
  shortName: { en: EO, ru: ОУ }
  name: { en: Exercise Organisation, ru: Организация для учений }
  workingLanguages: [en, ru]
  timeZone: Europe/Moscow
memberStates:
  - { code: AM, name: { en: Armenia, ru: Армения }, timeZone: Asia/Yerevan }
  - { code: BY, name: { en: Belarus, ru: Беларусь }, timeZone: Europe/Minsk }
  - { code: KZ, name: { en: Kazakhstan, ru: Казахстан }, timeZone: Asia/Almaty }
  - { code: KG, name: { en: Kyrgyzstan, ru: Кыргызстан }, timeZone: Asia/Bishkek }
  - { code: RU, name: { en: Russia, ru: Россия }, timeZone: Europe/Moscow }
  - { code: TJ, name: { en: Tajikistan, ru: Таджикистан }, timeZone: Asia/Dushanbe }
bodies:
  - { code: council, kind: council, name: { en: Council, ru: Совет }, members: all }
partners:
  - { code: UN, shortName: { en: UN, ru: ООН }, name: { en: United Nations, ru: Организация Объединённых Наций } }
presidency:
  state: BY
  from: 2026-01-01
  to: 2026-12-31
  slogan: { en: Together, ru: Вместе }
  priorities:
    - code: first
      title: { en: First priority, ru: Первый приоритет }
      items: [{ en: One, ru: Один }]
clearances:
  crossingPoints:
    - { code: BY-MSQ, name: { en: Minsk, ru: Минск }, kind: air, states: [BY], lat: 53.88, lon: 28.03 }
    - { code: BY-RU-REDKI, name: { en: Redki, ru: Редьки }, kind: road, states: [BY, RU], lat: 54.6, lon: 31.3 }
    - { code: RU-KZ-TROITSK, name: { en: Troitsk, ru: Троицк }, kind: road, states: [RU, KZ], lat: 54.1, lon: 61.6 }
    - { code: KZ-KG-KORDAY, name: { en: Korday, ru: Кордай }, kind: road, states: [KZ, KG], lat: 43.04, lon: 74.71 }
    - { code: KG-TJ-KARAMYK, name: { en: Karamyk, ru: Карамык }, kind: road, states: [KG, TJ], lat: 39.48, lon: 72.83 }
    - { code: TJ-DYU, name: { en: Dushanbe, ru: Душанбе }, kind: air, states: [TJ], lat: 38.54, lon: 68.82 }
    - { code: AM-EVN, name: { en: Zvartnots, ru: Звартноц }, kind: air, states: [AM], lat: 40.15, lon: 44.4 }
  responseWindows:
    default:
      emergency: { hours: ${EXERCISE_WINDOW_HOURS}, onSilence: consent }
      urgent: { hours: 24, onSilence: consent }
      routine: { hours: 72, onSilence: consent }
`;

/** Loads the exercise organisation into a fresh database (the benches; tests use testContext). */
export async function loadExerciseOrganisation(handle: DbHandle) {
  await handle.db
    .transaction()
    .execute((trx) =>
      loadOrganisation(
        trx,
        systemActor('exercise'),
        parseOrganisationFile(EXERCISE_ORGANISATION),
        'exercise',
      ),
    );
}

/** The itinerary BY -> RU -> KZ -> KG -> TJ -> AM, as request input; movement windows from a day on. */
export function exerciseRoute(now = new Date()) {
  const points: [string, string | null][] = [
    ['BY-MSQ', 'BY-RU-REDKI'],
    ['BY-RU-REDKI', 'RU-KZ-TROITSK'],
    ['RU-KZ-TROITSK', 'KZ-KG-KORDAY'],
    ['KZ-KG-KORDAY', 'KG-TJ-KARAMYK'],
    ['KG-TJ-KARAMYK', 'TJ-DYU'],
    ['AM-EVN', null],
  ];
  return EXERCISE_STATES.map((state, i) => ({
    state,
    entry: { point: points[i][0], window: window(24 + 24 * i, 12, now) },
    route: `Stage ${i + 1}`,
    exit: points[i][1] ? { point: points[i][1], window: window(36 + 24 * i, 12, now) } : null,
  }));
}

/** A whole request body of BY along the exercise route; `urgency` decides the windows. */
export function exerciseRequestBody(
  urgency: 'emergency' | 'urgent' | 'routine' = 'emergency',
  now = new Date(),
  title = 'Exercise column to Yerevan',
) {
  return {
    requestingState: 'BY',
    title,
    framework: 'exercise',
    urgency,
    classification: 'restricted',
    purpose: 'Command-staff exercise of the collective rapid deployment forces',
    pointOfContact: { name: 'Lt Col Ivanov', phone: '+375 17 000 00 00' },
    legs: exerciseRoute(now),
    assets: [{ kind: 'vehicle', type: 'MZKT-6001 truck', count: 12, registrations: [], callSigns: [] }],
    personnel: 40,
    armament: false,
    dangerousGoods: [],
  };
}

/** Someone who takes part: the database row, the actor, and an API token. */
export interface Participant {
  user: UserRow;
  actor: Actor;
  token: string;
}

/** The requester (a BY delegate) and the head of delegation of each state, who decides its leg. */
export interface ExerciseCast {
  requester: Participant;
  deciders: Record<ExerciseState, Participant>;
}

async function participant(handle: DbHandle, user: UserRow): Promise<Participant> {
  const actor = personFromRow(user);
  const { token } = await handle.db
    .transaction()
    .execute((trx) => createToken(trx, actor, { name: 'exercise' }));
  return { user, actor, token };
}

/** Makes the people of the exercise, each with an API token, in a database holding its organisation. */
export async function buildExerciseCast(handle: DbHandle): Promise<ExerciseCast> {
  const requester = await participant(
    handle,
    await buildUser(handle, { role: 'delegate', stateCode: 'BY', accessLevel: 'restricted' }),
  );
  const deciders = {} as Record<ExerciseState, Participant>;
  for (const state of EXERCISE_STATES)
    deciders[state] = await participant(
      handle,
      await buildUser(handle, { role: 'head_of_delegation', stateCode: state, accessLevel: 'confidential' }),
    );
  return { requester, deciders };
}
