import { z } from '@hono/zod-openapi';
import { CLASSIFICATIONS } from '../../../core/actor.ts';

const Day = z.iso.date('must be a date, e.g. 2026-12-01');
/** The longest period a mission is set up for (five years). */
export const MAX_MISSION_DAYS = 5 * 365;
const Code = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{1,63}$/, 'must be a region code of the organisation file');

type Outline = [number, number][] | null;

/**
 * What a mission's period and area must be, whole: checked when it is set up and again on
 * the mission as a change leaves it. Answers [field, reason] pairs.
 */
export function missionProblems(m: {
  startsOn: string;
  endsOn: string;
  regions: string[];
  area: Outline;
}): [string, string][] {
  const problems: [string, string][] = [];
  if (m.endsOn < m.startsOn) problems.push(['endsOn', 'is before startsOn']);
  // A mandate runs for months or a few years and is renewed: a period beyond that is a typing slip.
  const days = (Date.parse(m.endsOn) - Date.parse(m.startsOn)) / 86_400_000;
  if (days > MAX_MISSION_DAYS)
    problems.push([
      'endsOn',
      `is more than ${MAX_MISSION_DAYS / 365} years after startsOn: renew the mandate for a new period instead`,
    ]);
  if (m.startsOn < '1990-01-01') problems.push(['startsOn', 'is before 1990']);
  if (m.regions.length === 0 && m.area === null)
    problems.push(['regions', 'name the regions of the area, or give its outline']);
  return problems;
}

const Name = z.string().trim().min(1, 'is required').max(200);
const Mandate = z.string().trim().max(10_000);
const MandateDecision = z
  .uuid('must be a decision id')
  .nullable()
  .openapi({ description: 'The decision that created the mission' });
const Regions = z.array(Code).max(50);
const Area = z
  .array(
    z.tuple([
      z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180'),
      z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90'),
    ]),
  )
  .min(3, 'needs at least three points')
  .max(2_000)
  .nullable()
  .openapi({ description: 'An outline: [longitude, latitude] pairs' });

export const CreateMissionInput = z
  .strictObject({
    name: Name,
    mandate: Mandate.default(''),
    mandateDecision: MandateDecision.default(null),
    head: z.uuid('must be a person id').openapi({ description: 'The head of mission' }),
    members: z.array(z.uuid('must be a person id')).max(500).default([]),
    regions: Regions.default([]),
    area: Area.default(null),
    startsOn: Day,
    endsOn: Day,
    classification: z.enum(CLASSIFICATIONS).default('restricted'),
  })
  .superRefine((m, ctx) => {
    for (const [field, message] of missionProblems(m))
      ctx.addIssue({ code: 'custom', path: [field], message });
  })
  .openapi('CreateMissionInput');
export type CreateMissionInput = z.infer<typeof CreateMissionInput>;

/**
 * A change to a mission: its name, mandate, head, area or period (a mandate renewed, the
 * period extended, a new head), with the reason the record keeps. Members change apart.
 */
export const ChangeMissionInput = z
  .strictObject({
    name: Name.optional(),
    mandate: Mandate.optional(),
    mandateDecision: MandateDecision.optional(),
    head: z.uuid('must be a person id').optional(),
    regions: Regions.optional(),
    area: Area.optional(),
    startsOn: Day.optional(),
    endsOn: Day.optional(),
    reason: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(2_000)
      .openapi({ description: 'Why: "mandate renewed by decision No. 12"' }),
  })
  .refine((c) => Object.keys(c).some((k) => k !== 'reason'), {
    message: 'change at least one of name, mandate, mandateDecision, head, regions, area, startsOn, endsOn',
    path: ['name'],
  })
  .openapi('ChangeMissionInput');
export type ChangeMissionInput = z.infer<typeof ChangeMissionInput>;

export const ChangeMembersInput = z
  .strictObject({
    add: z.array(z.uuid('must be a person id')).max(500).default([]),
    remove: z.array(z.uuid('must be a person id')).max(500).default([]),
  })
  .refine((c) => c.add.length + c.remove.length > 0, {
    message: 'add or remove at least one person',
    path: ['add'],
  })
  .openapi('ChangeMissionMembersInput');

export const ApproveDailyInput = z
  .strictObject({ summary: z.string().trim().min(1, 'is required').max(20_000) })
  .openapi('ApproveDailyReportInput');

export const MissionParam = z.object({ id: z.uuid('must be a mission id') });
export const DailyParam = z.object({ id: z.uuid('must be a mission id'), day: Day });
