import { z } from '@hono/zod-openapi';
import type { Actor } from '../../core/actor.ts';
import type { AlertEventRow, AlertRow, LevelChangeRow } from '../../db/schema.ts';
import { Bilingual } from '../../http/openapi.ts';
import { abilities, can } from '../../policy/index.ts';
import type { MonitoringSettingsView } from '../directory/index.ts';
import type { LevelFigures, LevelOutcome } from './levels.ts';
import { transition } from './machine.ts';
import type { listLevels } from './queries.ts';
import type { ImportResult, IndicatorView } from './values.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));
type Settings = MonitoringSettingsView;

const LevelName = z
  .object({ level: z.number().int(), code: z.string(), name: Bilingual, colour: z.string() })
  .openapi('AlertLevel');
const levelOf = (settings: Settings, level: number) => {
  const l = settings.alertScale.find((x) => x.level === level);
  return (
    l ?? {
      level,
      code: `level-${level}`,
      name: { en: `Level ${level}`, ru: `Уровень ${level}` },
      colour: '#868e96',
    }
  );
};

const ReadingSchema = z
  .object({
    indicator: z.string(),
    value: z.number().nullable(),
    at: z.string().nullable().openapi({ description: 'The instant of that value' }),
    level: z.number().int(),
    threshold: z.object({ level: z.number().int(), at: z.number() }).nullable(),
  })
  .openapi('IndicatorReading');
const readings = (f: LevelFigures | null) =>
  (f?.readings ?? []).map((r) => ({
    indicator: r.code,
    value: r.value,
    at: r.at,
    level: r.level,
    threshold: r.threshold,
  }));

// ---- indicator values ------------------------------------------------------------------

export const SeriesSchema = z
  .object({
    indicator: z.object({
      code: z.string(),
      region: z.string(),
      name: Bilingual,
      unit: Bilingual,
      source: z.enum(['computed', 'entered']),
      direction: z.enum(['rising', 'falling']),
      thresholds: z
        .array(LevelName.extend({ at: z.number() }))
        .openapi({ description: 'Each threshold with its level, to draw on the chart' }),
    }),
    from: z.string(),
    to: z.string(),
    values: z.array(
      z.object({
        at: z.string(),
        value: z.number(),
        source: z.enum(['entered', 'imported', 'computed']),
        level: z.number().int().openapi({ description: 'The level this value puts the indicator at' }),
      }),
    ),
    abilities: z.object({ enter: z.boolean() }),
  })
  .openapi('IndicatorSeries');

export function presentSeries(
  actor: Actor,
  s: {
    settings: Settings;
    indicator: IndicatorView;
    from: Date;
    to: Date;
    values: { at: Date; value: number; source: 'entered' | 'imported' | 'computed'; level: number }[];
  },
): z.infer<typeof SeriesSchema> {
  const i = s.indicator;
  return {
    indicator: {
      code: i.code,
      region: i.region,
      name: i.name,
      unit: i.unit,
      source: i.source,
      direction: i.direction,
      thresholds: i.thresholds.map((t) => ({ ...levelOf(s.settings, t.level), at: t.at })),
    },
    from: s.from.toISOString(),
    to: s.to.toISOString(),
    values: s.values.map((v) => ({
      at: v.at.toISOString(),
      value: v.value,
      source: v.source,
      level: v.level,
    })),
    abilities: {
      enter: i.source === 'entered' && can(actor, 'enterValues', 'monitoringRegion', { states: i.states }),
    },
  };
}

export const LevelOutcomeSchema = z
  .object({
    region: z.string(),
    from: z.number().int(),
    to: z.number().int(),
    change: z.enum(['rose', 'fell', 'same']),
    alert: z.object({ id: z.string(), reference: z.string() }).nullable(),
  })
  .openapi('LevelOutcome');
export const presentOutcome = (o: LevelOutcome) => ({
  region: o.region,
  from: o.from,
  to: o.to,
  change: o.change,
  alert: o.alert,
});

export const ImportResultSchema = z
  .object({
    importId: z.string().uuid().openapi({ description: 'The subject of its record entry' }),
    lines: z.number().int(),
    replaced: z.number().int(),
    indicators: z.array(z.string()),
    regions: z.array(z.string()),
    levels: z.array(LevelOutcomeSchema),
  })
  .openapi('IndicatorImport');
export const presentImport = (r: ImportResult) => ({ ...r, levels: r.levels.map(presentOutcome) });

// ---- levels ------------------------------------------------------------------------------

export const RegionLevelSchema = z
  .object({
    region: z.object({ code: z.string(), name: Bilingual, states: z.array(z.string()) }),
    level: LevelName,
    since: z.string().nullable().openapi({ description: 'Since when; null until first worked out' }),
    readings: z.array(ReadingSchema),
    escalated: z.boolean(),
    openAlerts: z.number().int().openapi({ description: 'Alerts not closed that the reader may read' }),
  })
  .openapi('RegionLevel');

export function presentLevels(l: Awaited<ReturnType<typeof listLevels>>) {
  return l.regions.map((r) => ({
    region: { code: r.region.code, name: r.region.name, states: r.region.states },
    level: levelOf(l.settings, r.level),
    since: iso(r.since),
    readings: readings(r.figures),
    escalated: r.figures?.escalated ?? false,
    openAlerts: r.openAlerts,
  }));
}

export const LevelChangeSchema = z
  .object({
    id: z.string().uuid(),
    at: z.string(),
    from: LevelName,
    to: LevelName,
    direction: z.enum(['rose', 'fell']),
    readings: z.array(ReadingSchema),
    escalated: z.boolean(),
    alert: z.string().uuid().nullable().openapi({ description: 'The automatic alert the rise opened' }),
  })
  .openapi('LevelChange');

export function presentChange(settings: Settings, c: LevelChangeRow) {
  const f = c.figures as LevelFigures;
  return {
    id: c.id,
    at: c.at.toISOString(),
    from: levelOf(settings, c.from_level),
    to: levelOf(settings, c.to_level),
    direction: c.to_level > c.from_level ? ('rose' as const) : ('fell' as const),
    readings: readings(f),
    escalated: f?.escalated ?? false,
    alert: c.alert_id,
  };
}

// ---- alerts ------------------------------------------------------------------------------

const AlertStepSchema = z
  .object({
    kind: z.enum(['opened', 'acknowledged', 'escalated', 'closed']),
    from: z.string().nullable(),
    to: z.string(),
    at: z.string(),
    by: z.string(),
    note: z.string().nullable(),
  })
  .openapi('AlertStep');

export const AlertSchema = z
  .object({
    id: z.string().uuid(),
    reference: z.string(),
    region: z.string(),
    states: z.array(z.string()),
    level: z.number().int(),
    origin: z.enum(['automatic', 'raised']),
    status: z.enum(['open', 'acknowledged', 'escalated', 'closed']),
    title: z.string(),
    description: z.string(),
    classification: z.number().int(),
    raisedBy: z.string(),
    raisedAt: z.string(),
    firstResponseAt: z.string().nullable(),
    acknowledgedAt: z.string().nullable(),
    escalatedAt: z.string().nullable(),
    escalationNote: z.string().nullable(),
    closedAt: z.string().nullable(),
    closeReason: z.string().nullable(),
    ageSeconds: z
      .number()
      .int()
      .openapi({ description: 'How long it has been open (until closed, if it is)' }),
    timeToFirstResponseSeconds: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'From raised to the first step anyone took; null while nobody has' }),
    waitingSeconds: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'How long it has waited for a first response; null once answered' }),
    steps: z.array(AlertStepSchema).optional(),
    abilities: z.object({ acknowledge: z.boolean(), escalate: z.boolean(), close: z.boolean() }),
  })
  .openapi('Alert');
export type AlertView = z.infer<typeof AlertSchema>;

/** An alert with its age and response time measured at `now`, and what the actor may do to it. */
export function presentAlert(actor: Actor, a: AlertRow, now: Date, steps?: AlertEventRow[]): AlertView {
  const subject = { states: a.states.map((s) => s.trim()), classification: a.classification };
  const end = a.closed_at ?? now;
  const can_ = abilities(actor, 'alert', subject, ['acknowledge', 'escalate', 'close']);
  return {
    id: a.id,
    reference: a.reference,
    region: a.region_code,
    states: subject.states,
    level: a.level,
    origin: a.origin,
    status: a.status,
    title: a.title,
    description: a.description,
    classification: a.classification,
    raisedBy: a.raised_by_label,
    raisedAt: a.raised_at.toISOString(),
    firstResponseAt: iso(a.first_response_at),
    acknowledgedAt: iso(a.acknowledged_at),
    escalatedAt: iso(a.escalated_at),
    escalationNote: a.escalation_note,
    closedAt: iso(a.closed_at),
    closeReason: a.close_reason,
    ageSeconds: seconds(a.raised_at, end),
    timeToFirstResponseSeconds: a.first_response_at ? seconds(a.raised_at, a.first_response_at) : null,
    waitingSeconds: a.first_response_at ? null : seconds(a.raised_at, end),
    ...(steps
      ? {
          steps: steps.map((s) => ({
            kind: s.kind,
            from: s.from_status,
            to: s.to_status,
            at: s.at.toISOString(),
            by: s.actor_label,
            note: s.note,
          })),
        }
      : {}),
    // A step the status does not allow (409) is not offered either.
    abilities: {
      acknowledge: !!can_.acknowledge && transition(a.status, 'acknowledge').ok,
      escalate: !!can_.escalate && transition(a.status, 'escalate').ok,
      close: !!can_.close && transition(a.status, 'close').ok,
    },
  };
}
