import { z } from '@hono/zod-openapi';
import { Bilingual, StateCode, TaxonomyCode } from './primitives.ts';

/**
 * Crisis monitoring, as the organisation file declares it: the alert scale, the taxonomy of
 * field reports, the regions watched, the indicators with their thresholds, and the rule
 * that makes a region's level out of its indicators' levels. The evaluation itself is in
 * src/modules/alerts/evaluate.ts; here only what a valid declaration is.
 */
const AlertLevel = z.strictObject({
  level: z.number().int('must be a whole number').min(1, 'must be at least 1').max(9, 'must be at most 9'),
  code: TaxonomyCode,
  name: Bilingual,
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour #rrggbb'),
});

const Category = z.strictObject({
  code: TaxonomyCode,
  name: Bilingual,
  /** ACLED's violent event types count towards "political violence"; the others do not. */
  violent: z.boolean().default(false),
  subcategories: z.array(z.strictObject({ code: TaxonomyCode, name: Bilingual })).default([]),
});

const Longitude = z
  .number()
  .min(-180, 'must be a longitude from -180 to 180')
  .max(180, 'must be a longitude from -180 to 180');
const Latitude = z
  .number()
  .min(-90, 'must be a latitude from -90 to 90')
  .max(90, 'must be a latitude from -90 to 90');

const Region = z.strictObject({
  code: TaxonomyCode,
  name: Bilingual,
  /** The member states the region lies in (two for a border section). */
  states: z.array(StateCode).min(1, 'name at least one member state'),
  /** Its outline, [longitude, latitude] pairs (GeoJSON order), for the map; not closed. */
  area: z
    .array(z.tuple([Longitude, Latitude]))
    .min(3, 'an outline needs at least three points')
    .max(2000, 'at most 2,000 points')
    .optional(),
});

const Threshold = z.strictObject({
  /** The level an indicator stands at from this value on. */
  level: z.number().int('must be a whole number'),
  /** The value from which it applies (at or above it when rising, at or below it when falling). */
  at: z.number().finite('must be a number'),
});

/** Where an indicator's values come from: counted from the reports, or entered and imported. */
const IndicatorSource = z.union([
  z.strictObject({
    computed: z.strictObject({
      /** Category or subcategory codes whose reports count. */
      categories: z.array(TaxonomyCode).min(1, 'name at least one category'),
      /** What counts: the reports, or their casualties (the most conservative figure). */
      measure: z.enum(['reports', 'casualties']).default('reports'),
      /** The window the count is taken over, ending now. */
      window: z.enum(['day', 'week', 'month']).default('week'),
    }),
  }),
  z.literal('entered'),
]);

const Indicator = z.strictObject({
  code: TaxonomyCode,
  name: Bilingual,
  region: TaxonomyCode,
  unit: Bilingual,
  source: IndicatorSource,
  /** Rising: higher values are worse (incidents, prices); falling: lower values are worse. */
  direction: z.enum(['rising', 'falling']).default('rising'),
  thresholds: z.array(Threshold).min(1, 'name at least one threshold'),
});

export const MonitoringSection = z.strictObject({
  alertScale: z.array(AlertLevel).min(2, 'an alert scale needs at least two levels'),
  categories: z.array(Category).min(1, 'name at least one category'),
  regions: z.array(Region).default([]),
  indicators: z.array(Indicator).default([]),
  /**
   * How a region's level follows from its indicators: the highest of their levels, raised
   * by one (up to the top of the scale) when `escalate.indicators` or more of them stand at
   * `escalate.atLevel` or above at once.
   */
  combination: z
    .strictObject({
      escalate: z
        .strictObject({
          indicators: z.number().int('must be a whole number').min(2, 'must be at least 2'),
          atLevel: z.number().int('must be a whole number'),
        })
        .optional(),
    })
    .default({}),
});
export type MonitoringSettings = z.infer<typeof MonitoringSection>;

/** What the schema alone cannot say: unique codes, references that exist, thresholds in order. */
export function checkMonitoring(section: MonitoringSettings, states: Set<string>, ctx: z.RefinementCtx) {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path: ['monitoring', ...path], message });
  const unique = (seen: Set<string>, code: string, path: (string | number)[]) => {
    if (seen.has(code)) issue(path, `${code} is listed twice`);
    seen.add(code);
  };

  const levels = section.alertScale.map((l) => l.level);
  const scaleCodes = new Set<string>();
  section.alertScale.forEach((l, i) => {
    unique(scaleCodes, l.code, ['alertScale', i, 'code']);
    if (l.level !== i + 1)
      issue(['alertScale', i, 'level'], `must be ${i + 1}: levels run 1, 2, 3… in order`);
  });
  const lowest = Math.min(...levels);
  const highest = Math.max(...levels);

  const categoryCodes = new Set<string>();
  section.categories.forEach((c, i) => {
    unique(categoryCodes, c.code, ['categories', i, 'code']);
    for (const [j, s] of c.subcategories.entries())
      unique(categoryCodes, s.code, ['categories', i, 'subcategories', j, 'code']);
  });

  const regionCodes = new Set<string>();
  section.regions.forEach((r, i) => {
    unique(regionCodes, r.code, ['regions', i, 'code']);
    r.states.forEach((s, j) => {
      if (!states.has(s)) issue(['regions', i, 'states', j], `${s} is not a member state in this file`);
      else if (r.states.indexOf(s) !== j) issue(['regions', i, 'states', j], `${s} is listed twice`);
    });
  });

  const indicatorCodes = new Set<string>();
  section.indicators.forEach((ind, i) => {
    unique(indicatorCodes, ind.code, ['indicators', i, 'code']);
    if (!regionCodes.has(ind.region))
      issue(['indicators', i, 'region'], `${ind.region} is not a region in this file`);
    if (ind.source !== 'entered')
      ind.source.computed.categories.forEach((c, j) => {
        if (!categoryCodes.has(c))
          issue(
            ['indicators', i, 'source', 'computed', 'categories', j],
            `${c} is not a category in this file`,
          );
      });
    ind.thresholds.forEach((t, j) => {
      const at = ['indicators', i, 'thresholds', j];
      if (t.level <= lowest || t.level > highest)
        issue(
          [...at, 'level'],
          `must be a level of the alert scale above ${lowest} (${lowest + 1} to ${highest})`,
        );
      const before = ind.thresholds[j - 1];
      if (!before) return;
      if (t.level <= before.level) issue([...at, 'level'], 'levels must rise from one threshold to the next');
      const inOrder = ind.direction === 'rising' ? t.at > before.at : t.at < before.at;
      if (!inOrder)
        issue(
          [...at, 'at'],
          ind.direction === 'rising'
            ? 'must be above the threshold before it (a rising indicator)'
            : 'must be below the threshold before it (a falling indicator)',
        );
    });
  });

  const escalate = section.combination.escalate;
  if (escalate && (escalate.atLevel <= lowest || escalate.atLevel > highest))
    issue(
      ['combination', 'escalate', 'atLevel'],
      `must be a level of the alert scale above ${lowest} (${lowest + 1} to ${highest})`,
    );
}
