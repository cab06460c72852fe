import { z } from '@hono/zod-openapi';
import { CLASSIFICATIONS } from '../../core/actor.ts';
import {
  DIRECTIONS,
  LOCATION_PRECISIONS,
  REPORT_STATUSES,
  TIME_PRECISIONS,
} from '../../db/schema-reports.ts';

/** How far past the server's clock a report's time may lie (clocks in the field drift). */
export const FUTURE_TOLERANCE_MS = 15 * 60_000;
/** The earliest time a report may describe: older events are history, not monitoring. */
export const EARLIEST_OCCURRENCE = new Date('1990-01-01T00:00:00Z');

const Instant = z.iso
  .datetime({ offset: true, message: 'must be an instant with a time zone, e.g. 2026-12-01T06:00:00Z' })
  .transform((s) => new Date(s).toISOString());
const Code = z
  .string()
  .trim()
  .regex(
    /^[a-z][a-z0-9-]{1,63}$/,
    'must be a code of the organisation file (lower case, e.g. "armed-clash")',
  );
const StateCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166 code');

/** A point: latitude and longitude in decimal degrees (WGS 84) and how precise it is. */
export const Point = z.strictObject({
  latitude: z.number().min(-90, 'must be between -90 and 90').max(90, 'must be between -90 and 90'),
  longitude: z.number().min(-180, 'must be between -180 and 180').max(180, 'must be between -180 and 180'),
  precision: z.enum(LOCATION_PRECISIONS).default('exact'),
});

/** A named place, and where the event lies from it: "4 km south-east of X" is { name: "X", distanceKm: 4, direction: "SE" }. */
export const NamedPlace = z
  .strictObject({
    name: z.string().trim().min(1, 'is required').max(200),
    distanceKm: z.number().min(0, 'must not be negative').max(10_000).nullable().default(null),
    direction: z.enum(DIRECTIONS).nullable().default(null),
  })
  .superRefine((p, ctx) => {
    const away = p.distanceKm !== null && p.distanceKm > 0;
    if (away !== (p.direction !== null))
      ctx.addIssue({
        code: 'custom',
        path: [p.direction === null ? 'direction' : 'distanceKm'],
        message: 'a distance needs a direction, and a direction a distance',
      });
  });

export const Source = z.strictObject({
  name: z.string().trim().max(300).nullable().default(null),
  /** The admiralty scale: A reliable .. E unreliable, F cannot be judged. */
  reliability: z.enum(['A', 'B', 'C', 'D', 'E', 'F']).default('F'),
  /** 1 confirmed by other sources .. 5 improbable, 6 cannot be judged. */
  credibility: z.number().int().min(1, 'must be 1 to 6').max(6, 'must be 1 to 6').default(6),
});

const Count = z.number().int('must be a whole number').min(0, 'must not be negative').max(10_000_000);

/** The content of a report, as filed or corrected. */
const ReportContent = z.strictObject({
  title: z.string().trim().min(1, 'is required').max(300),
  description: z.string().trim().max(20_000).default(''),
  category: Code.openapi({
    description: "A category or subcategory code of the organisation file's taxonomy",
  }),
  occurredAt: Instant.openapi({ description: 'When it happened (UTC instant); see timePrecision' }),
  timePrecision: z.enum(TIME_PRECISIONS).default('exact'),
  point: Point.nullable().default(null),
  place: NamedPlace.nullable().default(null),
  region: Code.nullable()
    .default(null)
    .openapi({ description: 'A monitoring region; found from the point when left out' }),
  state: StateCode.nullable().default(null).openapi({ description: 'The state where it happened' }),
  actors: z.array(z.string().trim().min(1, 'is required').max(200)).max(20).default([]),
  fatalities: Count.nullable()
    .default(null)
    .openapi({ description: 'Deaths: the most conservative figure the sources give' }),
  injured: Count.nullable().default(null),
  source: Source.default({ name: null, reliability: 'F', credibility: 6 }),
  classification: z.enum(CLASSIFICATIONS).default('restricted'),
  protection: z.enum(['restricted', 'confidential', 'secret']).nullable().default(null).openapi({
    description:
      'Readers below this access level see neither who reported nor the exact place (the point to about 0.1 degree, a district)',
  }),
});

function wherePresent(r: { point: unknown; place: unknown; region: unknown }, ctx: z.RefinementCtx) {
  if (r.point === null && r.place === null && r.region === null)
    ctx.addIssue({ code: 'custom', path: ['point'], message: 'give a point, a named place or a region' });
}

export const CreateReportInput = ReportContent.extend({
  submit: z.boolean().default(false).openapi({ description: 'Submit for review at once (else a draft)' }),
  mission: z
    .uuid('must be a mission id')
    .nullable()
    .default(null)
    .openapi({ description: 'The observation mission it is filed for (its head and members only)' }),
})
  .superRefine(wherePresent)
  .openapi('CreateReportInput');
export type CreateReportInput = z.infer<typeof CreateReportInput>;
export type ReportContent = z.infer<typeof ReportContent>;

/** A draft edited, or a correction: the whole content again, with the reason once it was submitted. */
export const CorrectReportInput = ReportContent.extend({
  reason: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(2_000)
    .optional()
    .openapi({ description: 'Why it is corrected (required once the report was submitted)' }),
  /** The version the change was made on: a correction to an older version is refused (409). */
  version: z.number().int().min(1),
})
  .superRefine(wherePresent)
  .openapi('CorrectReportInput');
export type CorrectReportInput = z.infer<typeof CorrectReportInput>;

export const PublishReportInput = z
  .strictObject({ to: z.enum(['members', 'partners']).default('members') })
  .openapi('PublishReportInput');
export const ReasonInput = z
  .strictObject({ reason: z.string().trim().min(1, 'is required').max(2_000) })
  .openapi('ReasonInput');
export const MergeReportInput = z
  .strictObject({
    into: z.uuid('must be the id of the report it duplicates'),
    reason: z.string().trim().max(2_000).default(''),
  })
  .openapi('MergeReportInput');

export const IdParam = z.object({ id: z.uuid('must be a report id') });

const Csv = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? v.split(',').filter(Boolean) : v), z.array(item).max(50));

export const ReportListQuery = z.object({
  status: Csv(z.enum(REPORT_STATUSES)).optional(),
  category: Csv(Code)
    .optional()
    .openapi({ description: 'Category codes; a category includes its subcategories' }),
  region: Csv(Code).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
  q: z.string().trim().min(1).max(200).optional().openapi({ description: 'Words in the title or text' }),
  collection: z.uuid().optional(),
  mission: z.uuid().optional(),
  bbox: z
    .string()
    .regex(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/, 'must be west,south,east,north in degrees')
    .refine((b) => {
      const [west, south, east, north] = b.split(',').map(Number);
      return (
        [west, east].every((x) => x >= -180 && x <= 180) && [south, north].every((y) => y >= -90 && y <= 90)
      );
    }, 'must be west,south,east,north within -180..180 and -90..90')
    .refine((b) => {
      const [, south, , north] = b.split(',').map(Number);
      return south <= north;
    }, 'its south edge is north of its north edge')
    .optional()
    .openapi({ description: 'west,south,east,north in degrees; west > east crosses the antimeridian' }),
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.string().optional().openapi({ description: 'The `next` cursor of the previous page' }),
});
export type ReportListQuery = z.infer<typeof ReportListQuery>;

export const ReportMapQuery = ReportListQuery.omit({ limit: true, before: true }).extend({
  cells: z.coerce
    .number()
    .int()
    .min(4)
    .max(400)
    .default(64)
    .openapi({ description: 'How many cells across the box the reports are clustered in' }),
});
export const ReportExportQuery = ReportListQuery.omit({ limit: true, before: true }).extend({
  format: z.enum(['csv', 'geojson']).default('csv'),
});

export const ImportReportsInput = z
  .strictObject({
    csv: z
      .string()
      .min(1, 'is empty')
      .openapi({ description: 'The CSV text: a header line naming the columns, then a report per line' }),
    submit: z.boolean().default(true).openapi({ description: 'Submit them for review (else drafts)' }),
  })
  .openapi('ImportReportsInput');
