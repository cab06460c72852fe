import { TEST_ORGANISATION } from '../harness.ts';

/** Shapes the clearances API answers with, as the route tests read them. */
export interface ErrorBody {
  error: { code: string; message: string; fields?: { field: string; reason: string }[] };
}
export const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;

export const HOUR = 3_600_000;

/**
 * The test organisation with two more states on a land route (BY -> RU -> KZ) and the
 * clearances section: crossing points, windows where RU refuses by silence on routine moves
 * and KZ escalates urgent ones, and deployments decided by a 12 h silence procedure.
 */
export const CLEARANCE_ORGANISATION = TEST_ORGANISATION.replace(
  '  - { code: TJ, name: { en: Tajikistan, ru: Таджикистан }, timeZone: Asia/Dushanbe }\n',
  `  - { code: TJ, name: { en: Tajikistan, ru: Таджикистан }, timeZone: Asia/Dushanbe }
  - { code: RU, name: { en: Russia, ru: Россия }, timeZone: Europe/Moscow }
  - { code: KZ, name: { en: Kazakhstan, ru: Казахстан }, timeZone: Asia/Almaty }
`,
).concat(`
clearances:
  crossingPoints:
    - { code: BY-RU-REDKI, name: { en: Redki, ru: Редьки }, kind: road, states: [BY, RU], lat: 54.6, lon: 31.3 }
    - { code: RU-KZ-TROITSK, name: { en: Troitsk, ru: Троицк }, kind: road, states: [RU, KZ], lat: 54.1, lon: 61.6 }
    - { code: BY-MSQ, name: { en: Minsk, ru: Минск }, kind: air, states: [BY], lat: 53.88, lon: 28.03 }
    - { code: KZ-NQZ, name: { en: Astana, ru: Астана }, kind: air, states: [KZ], lat: 51.02, lon: 71.47 }
    - { code: AM-EVN, name: { en: Zvartnots, ru: Звартноц }, kind: air, states: [AM], lat: 40.15, lon: 44.4 }
    - { code: TJ-DYU, name: { en: Dushanbe, ru: Душанбе }, kind: air, states: [TJ], lat: 38.54, lon: 68.82 }
  responseWindows:
    default:
      emergency: { hours: 6, onSilence: consent }
      urgent: { hours: 24, onSilence: consent }
      routine: { hours: 72, onSilence: consent }
    byState:
      RU: { routine: { hours: 48, onSilence: refusal } }
      KZ: { urgent: { hours: 24, onSilence: escalation } }
  deployment: { body: council, procedure: silence, hours: 12 }
`);

/** A window of `hours` starting `fromHours` after now. */
export function window(fromHours: number, hours = 6, now = new Date()) {
  return {
    from: new Date(now.getTime() + fromHours * HOUR).toISOString(),
    to: new Date(now.getTime() + (fromHours + hours) * HOUR).toISOString(),
  };
}

/** The land route BY -> RU -> KZ (Minsk airport to Astana), as request input. */
export function landRoute(now = new Date()) {
  return [
    {
      state: 'BY',
      entry: { point: 'BY-MSQ', window: window(24, 6, now) },
      route: 'M1 Minsk – Orsha',
      exit: { point: 'BY-RU-REDKI', window: window(30, 6, now) },
    },
    {
      state: 'RU',
      entry: { point: 'BY-RU-REDKI', window: window(30, 6, now) },
      route: 'M1, M5 via Moscow and Chelyabinsk',
      exit: { point: 'RU-KZ-TROITSK', window: window(80, 6, now) },
    },
    {
      state: 'KZ',
      entry: { point: 'RU-KZ-TROITSK', window: window(80, 6, now) },
      route: 'A21 to Astana',
      exit: null,
    },
  ];
}

/** A whole request body: a routine exercise convoy of BY along the land route. */
export function requestBody(overrides: Record<string, unknown> = {}, now = new Date()) {
  return {
    title: 'Exercise convoy to Astana',
    framework: 'exercise',
    urgency: 'routine',
    classification: 'restricted',
    purpose: 'Joint exercise of the collective rapid deployment forces',
    pointOfContact: { name: 'Lt Col Ivanov', phone: '+375 17 000 00 00' },
    legs: landRoute(now),
    assets: [{ kind: 'vehicle', type: 'MZKT-6001 truck', count: 12, registrations: [], callSigns: [] }],
    personnel: 40,
    armament: false,
    dangerousGoods: [],
    ...overrides,
  };
}
