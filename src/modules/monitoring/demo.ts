import { type Person, personFromRow } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import { changeCollection, createCollection } from './collections/commands.ts';
import { fileReport, moveReport } from './commands.ts';
import { approveDaily, createMission } from './missions/commands.ts';
import { CreateMissionInput } from './missions/schema.ts';
import { insideOutline, type Outline } from './place.ts';
import { CreateReportInput } from './schema.ts';

const DAY = 86_400_000;
const DEMO_USERS = ['tj.focal', 'kg.focal', 'secretariat.monitor', 'secretariat.admin'] as const;

/** What the demo's reports say, per category: a title and a line of text, in the reporter's language. */
const STORIES: Record<string, { en: [string, string]; ru: [string, string] }> = {
  'armed-clash': {
    en: [
      'Exchange of fire between border posts',
      'Small-arms fire for about twenty minutes; patrols withdrew.',
    ],
    ru: [
      'Перестрелка между пограничными постами',
      'Огонь из стрелкового оружия около двадцати минут; патрули отошли.',
    ],
  },
  'shelling-artillery-missile-attack': {
    en: [
      'Mortar rounds near the village',
      'Three rounds landed in fields north of the village; no one was hurt.',
    ],
    ru: ['Миномётный обстрел у села', 'Три мины упали в поля к северу от села; пострадавших нет.'],
  },
  'border-incident': {
    en: [
      'Dispute over water at the canal intake',
      'Residents of both sides gathered at the intake; police separated them.',
    ],
    ru: ['Спор из-за воды у водозабора', 'Жители обеих сторон собрались у водозабора; полиция их развела.'],
  },
  'peaceful-protest': {
    en: [
      'Residents protest road closure',
      'Some two hundred people asked for the road to the market to be reopened.',
    ],
    ru: ['Жители протестуют против закрытия дороги', 'Около двухсот человек просили открыть дорогу к рынку.'],
  },
  humanitarian: {
    en: [
      'Families leave two border villages',
      'About forty families moved to relatives inland after the shooting.',
    ],
    ru: [
      'Семьи покидают два приграничных села',
      'Около сорока семей уехали к родственникам вглубь страны после стрельбы.',
    ],
  },
  information: {
    en: [
      'Coordinated posts claim troop build-up',
      'Dozens of new accounts repeat the same claim; no build-up observed.',
    ],
    ru: [
      'Скоординированные публикации о стягивании войск',
      'Десятки новых аккаунтов повторяют одно утверждение; стягивания не замечено.',
    ],
  },
  'remote-explosive-landmine-ied': {
    en: ['Landmine injures shepherd', 'A shepherd was injured by an old mine on the slope above the river.'],
    ru: ['Пастух подорвался на мине', 'Пастух ранен старой миной на склоне над рекой.'],
  },
};
const CATEGORIES = Object.keys(STORIES);

/** A small deterministic random sequence, so that the demo is the same on every machine. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

/** A point inside the outline (drawn in its bounding box until one falls inside). */
function pointIn(outline: Outline, rnd: () => number) {
  const lons = outline.map((p) => p[0]);
  const lats = outline.map((p) => p[1]);
  for (let i = 0; i < 200; i++) {
    const lon = Math.min(...lons) + rnd() * (Math.max(...lons) - Math.min(...lons));
    const lat = Math.min(...lats) + rnd() * (Math.max(...lats) - Math.min(...lats));
    if (insideOutline(lon, lat, outline))
      return { latitude: Math.round(lat * 1e4) / 1e4, longitude: Math.round(lon * 1e4) / 1e4 };
  }
  return { latitude: outline[0][1], longitude: outline[0][0] };
}

/**
 * The demo's field reports, made through the real commands and placed in time relative to
 * `now`: six weeks of reports by the focal points of Tajikistan and Kyrgyzstan and the
 * secretariat's monitor in the four demo regions, most verified and published, some waiting
 * in the review queue, one with its source protected; an observation mission on the
 * Kyrgyzstan–Tajikistan border with yesterday's daily report approved; a collection. Does
 * nothing (false) when reports exist or the demo accounts or regions are missing.
 */
export async function loadDemoReports(db: Db, now = new Date()): Promise<boolean> {
  if (await db.selectFrom('reports').select('id').limit(1).executeTakeFirst()) return false;
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('username', 'in', [...DEMO_USERS])
    .execute();
  const regions = await db
    .selectFrom('monitoring_regions')
    .select(['code', 'area', 'states'])
    .orderBy('position')
    .execute();
  if (rows.length !== DEMO_USERS.length || regions.length === 0 || regions.some((r) => !r.area)) return false;
  const as = Object.fromEntries(rows.map((r) => [r.username, personFromRow(r)])) as Record<
    (typeof DEMO_USERS)[number],
    Person
  >;
  const tx = <T>(fn: (trx: Db) => Promise<T>) => db.transaction().execute(fn);
  const rnd = random(20_261_204);

  const missionId = await tx((trx) =>
    createMission(
      trx,
      as['secretariat.admin'],
      CreateMissionInput.parse({
        name: 'Kyrgyzstan–Tajikistan border observation',
        mandate: 'Observe the disengagement of forces along the disputed sections and report daily.',
        head: as['secretariat.monitor'].id,
        members: [as['kg.focal'].id, as['tj.focal'].id],
        regions: ['kg-tj-border'],
        startsOn: new Date(now.getTime() - 20 * DAY).toISOString().slice(0, 10),
        endsOn: new Date(now.getTime() + 40 * DAY).toISOString().slice(0, 10),
      }),
      new Date(now.getTime() - 21 * DAY),
    ),
  );

  const filed: string[] = [];
  // Oldest first, so that reference numbers follow time.
  for (let i = 71; i >= 0; i--) {
    const region = regions[i % regions.length];
    const reporter =
      region.code === 'kg-tj-border'
        ? i % 2
          ? as['kg.focal']
          : as['tj.focal']
        : region.code === 'tj-af-border'
          ? as['tj.focal']
          : as['secretariat.monitor'];
    const category = CATEGORIES[Math.floor(rnd() * CATEGORIES.length)];
    // About 0.57 days apart, with less jitter than that: strictly in order.
    const ageDays = (i * 41) / 72 + rnd() * 0.4;
    const occurred = new Date(now.getTime() - ageDays * DAY - 2 * 3_600_000);
    const language = reporter.locale === 'ru' ? 'ru' : 'en';
    const [title, text] = STORIES[category][language];
    const violent =
      category === 'armed-clash' ||
      category === 'shelling-artillery-missile-attack' ||
      category.includes('landmine');
    const inMission =
      region.code === 'kg-tj-border' && reporter !== as['secretariat.monitor'] && ageDays < 19;
    const input = CreateReportInput.parse({
      title,
      description: text,
      category,
      occurredAt: occurred.toISOString(),
      timePrecision: i % 9 === 0 ? 'day' : 'exact',
      point: { ...pointIn(region.area!, rnd), precision: i % 7 === 0 ? 'district' : 'exact' },
      state: region.states[Math.floor(rnd() * region.states.length)],
      actors: violent ? ['Border guards', 'Unidentified armed group'] : ['Local residents'],
      fatalities: violent && rnd() < 0.3 ? 1 + Math.floor(rnd() * 2) : 0,
      injured: violent ? Math.floor(rnd() * 4) : 0,
      source: {
        name: i % 3 === 0 ? 'Village elder' : 'Patrol log',
        reliability: ['A', 'B', 'B', 'C'][i % 4],
        credibility: 1 + (i % 3),
      },
      classification: 'restricted',
      protection: i === 5 ? 'confidential' : null,
      mission: inMission ? missionId : null,
      submit: true,
    });
    const reviewer =
      reporter === as['secretariat.monitor'] ? as['secretariat.admin'] : as['secretariat.monitor'];
    const id = await tx(async (trx) => {
      const at = (hours: number) =>
        new Date(Math.min(occurred.getTime() + hours * 3_600_000, now.getTime() - 60_000));
      const row = await fileReport(trx, reporter, input, at(1));
      // The newest wait in the queue; the rest went through review.
      if (ageDays < 1.5) return row.id;
      await moveReport(trx, reviewer, row.id, 'review', {}, at(3));
      if (ageDays < 3) return row.id;
      await moveReport(trx, reviewer, row.id, 'verify', {}, at(5));
      if (i % 6 === 0) return row.id;
      await moveReport(
        trx,
        reviewer,
        row.id,
        'publish',
        { to: i % 10 === 0 ? 'partners' : 'members' },
        at(6),
      );
      return row.id;
    });
    if (region.code === 'kg-tj-border') filed.push(id);
  }

  const yesterday = new Date(now.getTime() - DAY).toISOString().slice(0, 10);
  await tx((trx) =>
    approveDaily(
      trx,
      as['secretariat.monitor'],
      missionId,
      yesterday,
      'The line stayed quiet but for the incidents listed; both sides kept their patrols back.',
      now,
    ),
  );
  await tx(async (trx) => {
    const collection = await createCollection(trx, as['secretariat.monitor'], {
      name: `Kyrgyzstan–Tajikistan border, ${now.getUTCFullYear()}`,
      description: 'Every report from the disputed sections of the border.',
    });
    await changeCollection(trx, as['secretariat.monitor'], collection.id, { add: filed, remove: [] });
  });
  return true;
}
