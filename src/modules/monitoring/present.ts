import { z } from '@hono/zod-openapi';
import { type Actor, classificationName } from '../../core/actor.ts';
import type { ReportRow } from '../../db/schema-reports.ts';
import { abilities } from '../../policy/index.ts';
import { type AttachmentInfo, AttachmentSchema, presentAttachment } from '../attachments/index.ts';
import { reportSubject } from './commands.ts';
import { contentOf, type ReportContentView, withheld } from './content.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const level = z.enum(['public', 'restricted', 'confidential', 'secret']);

const ContentSchema = {
  title: z.string(),
  description: z.string(),
  category: z.string(),
  occurredAt: z.string(),
  timePrecision: z.enum(['exact', 'day', 'week']),
  point: z
    .object({
      latitude: z.number(),
      longitude: z.number(),
      precision: z.enum(['exact', 'district', 'region']),
    })
    .nullable()
    .openapi({ description: 'Rounded to 0.1 degree (district precision) when withheld' }),
  place: z
    .object({ name: z.string(), distanceKm: z.number().nullable(), direction: z.string().nullable() })
    .nullable()
    .openapi({ description: 'A named place and where the event lies from it; null when withheld' }),
  region: z.string().nullable(),
  state: z.string().nullable(),
  actors: z.array(z.string()),
  fatalities: z.number().int().nullable(),
  injured: z.number().int().nullable(),
  source: z.object({
    name: z.string().nullable().openapi({ description: 'Null when withheld' }),
    reliability: z.string(),
    credibility: z.number().int(),
  }),
  classification: level,
  protection: level.nullable(),
};

export const ReportSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    version: z.number().int(),
    status: z.enum(['draft', 'submitted', 'under_review', 'verified', 'published', 'archived']),
    ...ContentSchema,
    withheld: z
      .boolean()
      .openapi({ description: 'Whether the reporter and the exact place are withheld from the reader' }),
    reporter: z
      .object({ name: z.string(), state: z.string().nullable() })
      .nullable()
      .openapi({ description: 'Who reported, and for which state; null when withheld' }),
    reporterRole: z.enum(['focal_point', 'monitor', 'mission_member']),
    publishedTo: z.enum(['members', 'partners']).nullable(),
    duplicateOf: z.uuid().nullable(),
    mission: z.uuid().nullable().openapi({ description: 'The observation mission it was filed for' }),
    reviewer: z.string().nullable(),
    archiveReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    submittedAt: z.string().nullable(),
    verifiedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    archivedAt: z.string().nullable(),
    attachments: z.array(AttachmentSchema).optional().openapi({
      description:
        'Its files, on the report alone (not in lists); none for a reader below its protection, as they may show the place or the source',
    }),
    abilities: z.object({
      correct: z.boolean(),
      attach: z.boolean(),
      submit: z.boolean(),
      review: z.boolean(),
      publish: z.boolean(),
      archive: z.boolean(),
      merge: z.boolean(),
    }),
  })
  .openapi('Report');
export type ReportView = z.infer<typeof ReportSchema>;

/** The content as the API shows it: the levels by name. */
function contentView(c: ReportContentView) {
  return {
    ...c,
    timePrecision: c.timePrecision as 'exact' | 'day' | 'week',
    point: c.point && { ...c.point, precision: c.point.precision as 'exact' | 'district' | 'region' },
    classification: classificationName(c.classification),
    protection: c.protection === null ? null : classificationName(c.protection),
  };
}

/**
 * A report as the reader may see it: below its protection level (`sees` false), without
 * who reported and with the place only to the district (see content.ts `withheld`).
 */
export function presentReport(
  actor: Actor,
  row: ReportRow,
  sees: boolean,
  files?: AttachmentInfo[],
): ReportView {
  const content = contentOf(row);
  return {
    id: row.id,
    reference: row.reference,
    version: row.version,
    status: row.status,
    ...contentView(sees ? content : withheld(content)),
    withheld: !sees,
    reporter: sees ? { name: row.author_label, state: row.author_state?.trim() ?? null } : null,
    reporterRole: row.reporter_role,
    publishedTo: row.published_to,
    duplicateOf: row.duplicate_of,
    mission: row.mission_id,
    reviewer: row.reviewer_label,
    archiveReason: row.archive_reason,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    submittedAt: iso(row.submitted_at),
    verifiedAt: iso(row.verified_at),
    publishedAt: iso(row.published_at),
    archivedAt: iso(row.archived_at),
    ...(files ? { attachments: files.map(presentAttachment) } : {}),
    abilities: abilities(actor, 'report', reportSubject(row), [
      'correct',
      'attach',
      'submit',
      'review',
      'publish',
      'archive',
      'merge',
    ]) as ReportView['abilities'],
  };
}

export const ReportVersionSchema = z
  .object({
    version: z.number().int(),
    ...ContentSchema,
    reason: z.string().nullable(),
    changedBy: z.string().nullable().openapi({ description: 'Null when the reporter is withheld' }),
    changedAt: z.string(),
  })
  .openapi('ReportVersion');

/** One kept version, withheld as the report is. */
export function presentVersion(
  v: {
    version: number;
    snapshot: unknown;
    reason: string | null;
    changed_by_label: string;
    changed_at: Date;
  },
  sees: boolean,
) {
  const content = v.snapshot as ReportContentView;
  return {
    version: v.version,
    ...contentView(sees ? content : withheld(content)),
    reason: v.reason,
    changedBy: sees ? v.changed_by_label : null,
    changedAt: v.changed_at.toISOString(),
  };
}

export const QueueItemSchema = z
  .object({
    report: ReportSchema,
    waitingSeconds: z.number().int().openapi({ description: 'Since it was submitted' }),
  })
  .openapi('ReportQueueItem');
