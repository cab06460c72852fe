import type { UserRow } from '../../db/schema.ts';
import { buildUser, TEST_ORGANISATION, type TestContext, testContext } from '../../testing/harness.ts';

/**
 * The test organisation with early warning: four levels, two regions (south: TJ; border: AM
 * and BY), entered indicators on both and a computed one, and the combination rule (two
 * indicators at level 3 raise a region one level).
 */
export const ALERTS_ORGANISATION = `${TEST_ORGANISATION}monitoring:
  alertScale:
    - { level: 1, code: normal, name: { en: Normal, ru: Норма }, colour: "#2f9e44" }
    - { level: 2, code: watch, name: { en: Watch, ru: Наблюдение }, colour: "#f2c94c" }
    - { level: 3, code: warning, name: { en: Warning, ru: Предупреждение }, colour: "#f08c00" }
    - { level: 4, code: crisis, name: { en: Crisis, ru: Кризис }, colour: "#a61e4d" }
  categories:
    - { code: border-incident, name: { en: Border incident, ru: Пограничный инцидент } }
  regions:
    - { code: south, name: { en: South, ru: Юг }, states: [TJ] }
    - { code: border, name: { en: Border, ru: Граница }, states: [AM, BY] }
  indicators:
    - code: border-media
      name: { en: Hostile media, ru: Враждебные СМИ }
      region: border
      unit: { en: items per week, ru: материалов в неделю }
      source: entered
      thresholds: [{ level: 2, at: 50 }, { level: 3, at: 200 }, { level: 4, at: 500 }]
    - code: border-displaced
      name: { en: Displaced persons, ru: Перемещённые лица }
      region: border
      unit: { en: people, ru: человек }
      source: entered
      thresholds: [{ level: 2, at: 100 }, { level: 3, at: 1000 }]
    - code: border-incidents
      name: { en: Incidents, ru: Инциденты }
      region: border
      unit: { en: per week, ru: в неделю }
      source: { computed: { categories: [border-incident] } }
      thresholds: [{ level: 2, at: 3 }, { level: 3, at: 10 }]
    - code: south-grain
      name: { en: Grain in store, ru: Запас зерна }
      region: south
      unit: { en: days, ru: дней }
      source: entered
      direction: falling
      thresholds: [{ level: 2, at: 30 }, { level: 3, at: 7 }]
  combination:
    escalate: { indicators: 2, atLevel: 3 }
`;

/** The people of the early-warning tests, by what they may do. */
export interface AlertPeople {
  /** Secretariat staff (an administrator), secret. */
  admin: UserRow;
  /** Secretariat staff who is not an administrator (a delegate role), restricted. */
  staff: UserRow;
  byHead: UserRow;
  byContact: UserRow;
  byDelegate: UserRow;
  /** BY's point of contact at public level: below the restricted figures. */
  byPublic: UserRow;
  tjHead: UserRow;
  observer: UserRow;
}

export async function alertsContext(): Promise<{ t: TestContext; people: AlertPeople }> {
  const t = await testContext(ALERTS_ORGANISATION);
  const h = t.handle;
  const people: AlertPeople = {
    admin: await buildUser(h, { role: 'secretariat_admin', accessLevel: 'secret' }),
    staff: await buildUser(h, { role: 'delegate', affiliation: 'secretariat' }),
    byHead: await buildUser(h, { role: 'head_of_delegation', stateCode: 'BY', accessLevel: 'confidential' }),
    byContact: await buildUser(h, { role: 'point_of_contact', stateCode: 'BY' }),
    byDelegate: await buildUser(h, { role: 'delegate', stateCode: 'BY' }),
    byPublic: await buildUser(h, { role: 'point_of_contact', stateCode: 'BY', accessLevel: 'public' }),
    tjHead: await buildUser(h, { role: 'head_of_delegation', stateCode: 'TJ' }),
    observer: await buildUser(h, { role: 'observer' }),
  };
  return { t, people };
}

/** An instant `days` before now (whole days, so the tests read plainly). */
export const daysAgo = (days: number, now = Date.now()) => new Date(now - days * 86_400_000).toISOString();
