import { z } from '@hono/zod-openapi';
import { CLASSIFICATIONS } from '../../../core/actor.ts';

const Day = z.iso.date('must be a date, e.g. 2026-12-01');
/** The longest period a mission is set up for (five years). */
export const MAX_MISSION_DAYS = 5 * 365;
const Code = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9-]{1,63}$/, 'must be a region code of the organisation file');

export const CreateMissionInput = z
  .strictObject({
    name: z.string().trim().min(1, 'is required').max(200),
    mandate: z.string().trim().max(10_000).default(''),
    mandateDecision: z
      .uuid('must be a decision id')
      .nullable()
      .default(null)
      .openapi({ description: 'The decision that created the mission' }),
    head: z.uuid('must be a person id').openapi({ description: 'The head of mission' }),
    members: z.array(z.uuid('must be a person id')).max(500).default([]),
    regions: z.array(Code).max(50).default([]),
    area: z
      .array(
        z.tuple([
          z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180'),
          z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90'),
        ]),
      )
      .min(3, 'needs at least three points')
      .max(2_000)
      .nullable()
      .default(null)
      .openapi({ description: 'An outline: [longitude, latitude] pairs' }),
    startsOn: Day,
    endsOn: Day,
    classification: z.enum(CLASSIFICATIONS).default('restricted'),
  })
  .superRefine((m, ctx) => {
    if (m.endsOn < m.startsOn)
      ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'is before startsOn' });
    // A mandate runs for months or a few years and is renewed: a period beyond that is a typing slip.
    const days = (Date.parse(m.endsOn) - Date.parse(m.startsOn)) / 86_400_000;
    if (days > MAX_MISSION_DAYS)
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: `is more than ${MAX_MISSION_DAYS / 365} years after startsOn: renew the mandate instead`,
      });
    if (m.startsOn < '1990-01-01')
      ctx.addIssue({ code: 'custom', path: ['startsOn'], message: 'is before 1990' });
    if (m.regions.length === 0 && m.area === null)
      ctx.addIssue({
        code: 'custom',
        path: ['regions'],
        message: 'name the regions of the area, or give its outline',
      });
  })
  .openapi('CreateMissionInput');
export type CreateMissionInput = z.infer<typeof CreateMissionInput>;

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
