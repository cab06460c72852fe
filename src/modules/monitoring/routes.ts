import { createRoute, z } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { db, inTransaction, requirePerson } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { jsonBody, jsonResponse, otherErrors, standardErrors } from '../../http/openapi.ts';
import { registerAttachmentRoutes } from '../attachments/index.ts';
import { reportAttachments, reportFiles } from './attachments.ts';
import { correctReport, fileReport, mergeReport, moveReport, type ReportStep } from './commands.ts';
import { exportCsv, exportGeoJson } from './export.ts';
import { importReports } from './import.ts';
import { seesProtectedReport } from './policy.ts';
import {
  presentReport,
  presentVersion,
  QueueItemSchema,
  ReportSchema,
  ReportVersionSchema,
} from './present.ts';
import { getReport, listReports, reportMap, reportVersions, reviewQueue } from './queries.ts';
import {
  CorrectReportInput,
  CreateReportInput,
  IdParam,
  ImportReportsInput,
  MergeReportInput,
  PublishReportInput,
  ReasonInput,
  ReportExportQuery,
  ReportListQuery,
  ReportMapQuery,
} from './schema.ts';

const tags = ['Monitoring'];
const ReportOutput = z.object({ report: ReportSchema });
const writeErrors = { ...standardErrors, 403: otherErrors[403], 409: otherErrors[409] };

const listRoute = createRoute({
  method: 'get',
  path: '/api/reports',
  tags,
  summary:
    'Reports from the field the caller may read, newest first: by status, category (with its subcategories), region, time, words, collection, box',
  request: { query: ReportListQuery },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(ReportSchema),
        next: z
          .string()
          .nullable()
          .openapi({ description: 'The `before` of the next page; null on the last' }),
      }),
      'Reports',
    ),
    ...standardErrors,
  },
});

const fileRoute = createRoute({
  method: 'post',
  path: '/api/reports',
  tags,
  summary: 'File a report (a draft, or submitted at once): time, place, category, actors, counts, source',
  request: { body: jsonBody(CreateReportInput) },
  responses: { 201: jsonResponse(ReportOutput, 'Filed'), ...writeErrors },
});

const queueRoute = createRoute({
  method: 'get',
  path: '/api/reports/queue',
  tags,
  summary: 'The review queue: reports submitted or under review, oldest first, with how long each has waited',
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(QueueItemSchema),
        submitted: z.number().int(),
        underReview: z.number().int(),
        oldestWaitingSeconds: z.number().int().nullable(),
      }),
      'The queue',
    ),
    ...standardErrors,
  },
});

const ClusterSchema = z.object({
  latitude: z.number(),
  longitude: z.number(),
  count: z.number().int(),
  fatalities: z.number().int(),
  reportId: z.uuid().nullable().openapi({ description: 'The report, when the cluster is one report' }),
});

const mapRoute = createRoute({
  method: 'get',
  path: '/api/reports/map',
  tags,
  summary:
    'The reports the caller may read on the map, in clusters of a grid over the box (with the list filters), and counted per region',
  request: { query: ReportMapQuery },
  responses: {
    200: jsonResponse(
      z.object({
        cellDegrees: z.number(),
        clusters: z.array(ClusterSchema),
        regions: z.array(z.object({ region: z.string(), count: z.number().int() })),
        total: z.number().int().openapi({ description: 'Reports with a point in the box' }),
        bounds: z.object({ west: z.number(), south: z.number(), east: z.number(), north: z.number() }),
      }),
      'Clusters',
    ),
    ...standardErrors,
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/reports/export',
  tags,
  summary:
    'Export the reports the caller may read, with the list filters: CSV with ACLED column names where they apply, or GeoJSON; streamed',
  request: { query: ReportExportQuery },
  responses: {
    200: {
      description: 'The file',
      content: { 'text/csv': { schema: z.string() }, 'application/geo+json': { schema: z.string() } },
    },
    ...standardErrors,
  },
});

const importRoute = createRoute({
  method: 'post',
  path: '/api/reports/import',
  tags,
  summary:
    'Import reports from CSV, all or nothing: every bad line named (fields lines.<line>.<column>); one record entry for the file',
  request: { body: jsonBody(ImportReportsInput) },
  responses: {
    201: jsonResponse(
      z.object({
        count: z.number().int(),
        status: z.enum(['draft', 'submitted']),
        first: z.string(),
        last: z.string(),
      }),
      'Imported',
    ),
    ...writeErrors,
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/reports/{id}',
  tags,
  summary: 'A report, with what its protection withholds left out below the protection level',
  request: { params: IdParam },
  responses: { 200: jsonResponse(ReportOutput, 'The report'), ...standardErrors },
});

const correctRoute = createRoute({
  method: 'put',
  path: '/api/reports/{id}',
  tags,
  summary:
    'Edit a draft or correct a report: the whole content, on the version read (409 if it moved on); a reason once submitted',
  request: { params: IdParam, body: jsonBody(CorrectReportInput) },
  responses: { 200: jsonResponse(ReportOutput, 'The new version'), ...writeErrors },
});

const versionsRoute = createRoute({
  method: 'get',
  path: '/api/reports/{id}/versions',
  tags,
  summary: 'Every version of a report, oldest first, with the reason for each correction',
  request: { params: IdParam },
  responses: {
    200: jsonResponse(z.object({ items: z.array(ReportVersionSchema) }), 'The versions'),
    ...standardErrors,
  },
});

const stepRoute = (step: ReportStep, summary: string) =>
  createRoute({
    method: 'post',
    path: `/api/reports/{id}/${step}`,
    tags,
    summary,
    request: { params: IdParam },
    responses: { 200: jsonResponse(ReportOutput, 'Moved on'), ...writeErrors },
  });

const publishRoute = createRoute({
  method: 'post',
  path: '/api/reports/{id}/publish',
  tags,
  summary: 'Publish a verified report to the members, or to the partners too',
  request: { params: IdParam, body: jsonBody(PublishReportInput) },
  responses: { 200: jsonResponse(ReportOutput, 'Published'), ...writeErrors },
});

const archiveRoute = createRoute({
  method: 'post',
  path: '/api/reports/{id}/archive',
  tags,
  summary: 'Archive a report, with the reason (its author withdraws a draft or submission)',
  request: { params: IdParam, body: jsonBody(ReasonInput) },
  responses: { 200: jsonResponse(ReportOutput, 'Archived'), ...writeErrors },
});

const mergeRoute = createRoute({
  method: 'post',
  path: '/api/reports/{id}/merge',
  tags,
  summary: 'Mark a report as a duplicate of another: archived, pointing at the report kept',
  request: { params: IdParam, body: jsonBody(MergeReportInput) },
  responses: { 200: jsonResponse(ReportOutput, 'Merged'), ...writeErrors },
});

/** Reports from the field: filing, correcting, the review queue and the review steps. */
export function registerMonitoringRoutes(app: App) {
  registerAttachmentRoutes(app, reportAttachments);
  app.openapi(listRoute, async (c) => {
    const person = requirePerson(c);
    const { rows, next } = await listReports(db(c), person, c.req.valid('query'));
    return c.json({ items: rows.map((r) => presentReport(person, r, r.sees)), next }, 200);
  });

  app.openapi(fileRoute, async (c) => {
    const person = requirePerson(c);
    const row = await inTransaction(c, (trx) => fileReport(trx, person, c.req.valid('json')));
    return c.json({ report: presentReport(person, row, seesProtectedReport(person, row)) }, 201);
  });

  app.openapi(queueRoute, async (c) => {
    const person = requirePerson(c);
    const queue = await reviewQueue(db(c), person, new Date());
    return c.json(
      {
        items: queue.items.map((i) => ({
          report: presentReport(person, i.row, i.row.sees),
          waitingSeconds: i.waitingSeconds,
        })),
        submitted: queue.submitted,
        underReview: queue.underReview,
        oldestWaitingSeconds: queue.oldestWaitingSeconds,
      },
      200,
    );
  });

  app.openapi(importRoute, async (c) => {
    const person = requirePerson(c);
    const { csv, submit } = c.req.valid('json');
    const rows = await inTransaction(c, (trx) => importReports(trx, person, csv, { submit }));
    return c.json(
      {
        count: rows.length,
        status: rows[0].status as 'draft' | 'submitted',
        first: rows[0].reference,
        last: rows.at(-1)!.reference,
      },
      201,
    );
  });

  app.openapi(mapRoute, async (c) => {
    const person = requirePerson(c);
    const { cells, ...query } = c.req.valid('query');
    return c.json(await reportMap(db(c), person, query, cells), 200);
  });

  app.openapi(exportRoute, async (c) => {
    const person = requirePerson(c);
    const { format, ...query } = c.req.valid('query');
    const day = new Date().toISOString().slice(0, 10);
    const csv = format === 'csv';
    c.header('Content-Type', csv ? 'text/csv; charset=utf-8' : 'application/geo+json; charset=utf-8');
    c.header(
      'Content-Disposition',
      `attachment; filename="accord-reports-${day}.${csv ? 'csv' : 'geojson'}"`,
    );
    c.header('Cache-Control', 'private, no-store');
    const chunks = csv ? exportCsv(db(c), person, query) : exportGeoJson(db(c), person, query);
    // The first chunk before the answer starts: a failure there is still a proper error.
    const first = await chunks.next();
    return stream(c, async (s) => {
      if (!first.done) await s.write(first.value);
      for await (const chunk of chunks) await s.write(chunk);
    }) as never;
  });

  app.openapi(getRoute, async (c) => {
    const person = requirePerson(c);
    const { row, sees } = await getReport(db(c), person, c.req.valid('param').id);
    return c.json({ report: presentReport(person, row, sees, await reportFiles(db(c), row.id, sees)) }, 200);
  });

  app.openapi(correctRoute, async (c) => {
    const person = requirePerson(c);
    const row = await inTransaction(c, (trx) =>
      correctReport(trx, person, c.req.valid('param').id, c.req.valid('json')),
    );
    return c.json({ report: presentReport(person, row, seesProtectedReport(person, row)) }, 200);
  });

  app.openapi(versionsRoute, async (c) => {
    const person = requirePerson(c);
    const { versions, sees } = await reportVersions(db(c), person, c.req.valid('param').id);
    return c.json({ items: versions.map((v) => presentVersion(v, sees)) }, 200);
  });

  const steps: [ReportStep, string][] = [
    ['submit', 'Submit a draft for review (its author)'],
    ['review', 'Take a submitted report into review (a reviewer; not its author)'],
    ['verify', 'Verify a report (a reviewer; not its author)'],
  ];
  for (const [step, summary] of steps)
    app.openapi(stepRoute(step, summary), async (c) => {
      const person = requirePerson(c);
      const row = await inTransaction(c, (trx) => moveReport(trx, person, c.req.valid('param').id, step));
      return c.json({ report: presentReport(person, row, seesProtectedReport(person, row)) }, 200);
    });

  app.openapi(publishRoute, async (c) => {
    const person = requirePerson(c);
    const { to } = c.req.valid('json');
    const row = await inTransaction(c, (trx) =>
      moveReport(trx, person, c.req.valid('param').id, 'publish', { to }),
    );
    return c.json({ report: presentReport(person, row, seesProtectedReport(person, row)) }, 200);
  });

  app.openapi(archiveRoute, async (c) => {
    const person = requirePerson(c);
    const { reason } = c.req.valid('json');
    const row = await inTransaction(c, (trx) =>
      moveReport(trx, person, c.req.valid('param').id, 'archive', { reason }),
    );
    return c.json({ report: presentReport(person, row, seesProtectedReport(person, row)) }, 200);
  });

  app.openapi(mergeRoute, async (c) => {
    const person = requirePerson(c);
    const row = await inTransaction(c, (trx) =>
      mergeReport(trx, person, c.req.valid('param').id, c.req.valid('json')),
    );
    return c.json({ report: presentReport(person, row, seesProtectedReport(person, row)) }, 200);
  });
}
