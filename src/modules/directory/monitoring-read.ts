import { z } from '@hono/zod-openapi';
import type { Db } from '../../db/connect.ts';
import { Bilingual } from '../../http/openapi.ts';

/**
 * What the organisation file's monitoring section declared, as the tables of migration 0020
 * hold it since the last load: what a report form offers (categories), what the situation
 * room draws (levels and their colours, regions and their outlines) and how levels are
 * reached (indicators, thresholds, the combination rule).
 */
const Threshold = z.object({ level: z.number().int(), at: z.number() });

const CategorySchema = z.object({
  code: z.string(),
  name: Bilingual,
  violent: z.boolean().openapi({ description: "One of ACLED's violent event types (or a sub-type of one)" }),
  subcategories: z.array(z.object({ code: z.string(), name: Bilingual })),
});

export const MonitoringSettingsSchema = z
  .object({
    alertScale: z.array(
      z.object({ level: z.number().int(), code: z.string(), name: Bilingual, colour: z.string() }),
    ),
    categories: z.array(CategorySchema),
    regions: z.array(
      z.object({
        code: z.string(),
        name: Bilingual,
        states: z.array(z.string()),
        area: z
          .array(z.tuple([z.number(), z.number()]))
          .nullable()
          .openapi({
            description: 'The outline for the map, [longitude, latitude] pairs; null: the states drawn whole',
          }),
      }),
    ),
    indicators: z.array(
      z.object({
        code: z.string(),
        region: z.string(),
        name: Bilingual,
        unit: Bilingual,
        source: z.enum(['computed', 'entered']),
        computed: z
          .object({
            categories: z.array(z.string()),
            measure: z.enum(['reports', 'casualties']),
            window: z.enum(['day', 'week', 'month']),
          })
          .nullable()
          .openapi({ description: 'What a computed indicator counts; null for entered values' }),
        direction: z.enum(['rising', 'falling']),
        thresholds: z.array(Threshold),
      }),
    ),
    combination: z.object({
      escalate: z.object({ indicators: z.number().int(), atLevel: z.number().int() }).nullable().openapi({
        description:
          "One level above the highest when this many indicators stand at this level or above; null: a region stands at its indicators' highest level",
      }),
    }),
  })
  .openapi('MonitoringSettings');
export type MonitoringSettingsView = z.infer<typeof MonitoringSettingsSchema>;

/** The monitoring settings in force (all empty when the organisation file has no monitoring section). */
export async function getMonitoringSettings(db: Db): Promise<MonitoringSettingsView> {
  const [levels, categories, regions, indicators, settings] = await Promise.all([
    db.selectFrom('alert_levels').selectAll().orderBy('level').execute(),
    db.selectFrom('report_categories').selectAll().orderBy('position').execute(),
    db.selectFrom('monitoring_regions').selectAll().orderBy('position').execute(),
    db.selectFrom('indicators').selectAll().orderBy('position').execute(),
    db.selectFrom('monitoring_settings').selectAll().executeTakeFirst(),
  ]);
  const name = (row: { name_en: string; name_ru: string }) => ({ en: row.name_en, ru: row.name_ru });
  return {
    alertScale: levels.map((l) => ({ level: l.level, code: l.code, name: name(l), colour: l.colour })),
    categories: categories
      .filter((c) => c.parent_code === null)
      .map((c) => ({
        code: c.code,
        name: name(c),
        violent: c.violent,
        subcategories: categories
          .filter((s) => s.parent_code === c.code)
          .map((s) => ({ code: s.code, name: name(s) })),
      })),
    regions: regions.map((r) => ({
      code: r.code,
      name: name(r),
      states: r.states.map((s) => s.trim()),
      area: (r.area as [number, number][] | null) ?? null,
    })),
    indicators: indicators.map((i) => ({
      code: i.code,
      region: i.region_code,
      name: name(i),
      unit: { en: i.unit_en, ru: i.unit_ru },
      source: i.source,
      computed:
        i.source === 'computed' && i.categories && i.measure && i.time_window
          ? { categories: i.categories, measure: i.measure, window: i.time_window }
          : null,
      direction: i.direction,
      thresholds: i.thresholds as { level: number; at: number }[],
    })),
    combination: {
      escalate:
        settings?.escalate_indicators && settings.escalate_at_level
          ? { indicators: settings.escalate_indicators, atLevel: settings.escalate_at_level }
          : null,
    },
  };
}
