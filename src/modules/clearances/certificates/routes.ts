import { createRoute, z } from '@hono/zod-openapi';
import { notFound } from '../../../core/errors.ts';
import { db, requirePerson } from '../../../http/context.ts';
import type { App } from '../../../http/env.ts';
import { jsonResponse, standardErrors } from '../../../http/openapi.ts';
import { EntryStandingSchema } from '../../ledger/index.ts';
import { loadRequest } from '../load.ts';
import {
  ASSET_KINDS,
  CONDITION_KINDS,
  FRAMEWORKS,
  IdParam,
  URGENCIES,
  VerificationCodeParam,
} from '../schema.ts';
import { CERTIFICATE_STATUSES, verifyCertificate } from './certificate.ts';
import { exportRequest, exportRequestCsv } from './export.ts';

const tags = ['Clearances'];

const Names = z.object({ en: z.string(), ru: z.string() });
const Passage = z.object({ point: z.string(), pointName: Names, from: z.string(), to: z.string() });
export const CertificateSchema = z
  .object({
    kind: z.literal('accord.clearance-certificate'),
    code: z.string(),
    reference: z.string(),
    version: z.number().int(),
    requestingState: z.string(),
    requestingStateName: Names,
    framework: z.enum(FRAMEWORKS),
    urgency: z.enum(URGENCIES),
    issuedAt: z.string(),
    personnel: z.number().int(),
    armament: z.boolean(),
    dangerousGoods: z.array(
      z.object({
        unNumber: z.string(),
        hazardClass: z.string(),
        netExplosiveQuantityKg: z.number().nullable(),
      }),
    ),
    assets: z.array(
      z.object({
        kind: z.enum(ASSET_KINDS),
        type: z.string(),
        count: z.number().int(),
        registrations: z.array(z.string()),
        callSigns: z.array(z.string()),
      }),
    ),
    legs: z.array(
      z.object({
        state: z.string(),
        stateName: Names,
        clearanceNumber: z.string(),
        decidedAt: z.string(),
        decidedHow: z.enum(['state', 'tacit', 'standing_permission', 'secretariat']),
        entry: Passage,
        exit: z.union([Passage, z.null()]),
        route: z.string(),
        conditions: z.array(z.object({ kind: z.enum(CONDITION_KINDS), text: z.string() })),
      }),
    ),
  })
  .openapi('ClearanceCertificate');

export const VerificationSchema = z
  .object({
    code: z.string(),
    verified: z.boolean().openapi({
      description: 'The certificate matches the record and the chain holds (false while pending)',
    }),
    pending: z.boolean().openapi({
      description:
        'The certificate is recorded but its entry still awaits its place in the record (the sequencer numbers entries within a second): ask again',
    }),
    status: z.enum(CERTIFICATE_STATUSES).openapi({
      description:
        'valid; under_amendment (an amendment re-opened legs: not valid until cleared again); denied (the amendment was refused); superseded; withdrawn',
    }),
    problems: z.array(z.string()),
    certificate: CertificateSchema,
    digest: z.string().openapi({ description: 'SHA-256 of the certificate (RFC 8785 canonical JSON)' }),
    record: EntryStandingSchema.nullable().openapi({
      description:
        'The record entry that published the digest; null while it is pending, or when it is missing',
    }),
  })
  .openapi('CertificateVerification');

const verifyRoute = createRoute({
  method: 'get',
  path: '/api/verify/{code}',
  tags,
  summary:
    'Public: checks a clearance certificate by its verification code against the record; shows only what the code proves',
  security: [],
  request: { params: VerificationCodeParam },
  responses: { 200: jsonResponse(VerificationSchema, 'What the code proves'), ...standardErrors },
});

const certificateRoute = createRoute({
  method: 'get',
  path: '/api/clearances/{id}/certificate',
  tags,
  summary: "A cleared request's certificate, checked against the record (404 until it is cleared)",
  request: { params: IdParam },
  responses: { 200: jsonResponse(VerificationSchema, 'The certificate and its check'), ...standardErrors },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/clearances/{id}/export',
  tags,
  summary: 'A request and its decisions as JSON, or as CSV with one line per leg (what the caller may see)',
  request: {
    params: IdParam,
    query: z.object({ format: z.enum(['json', 'csv']).default('json') }),
  },
  responses: {
    200: {
      description: 'The export, as a file to save',
      content: {
        'application/json': { schema: z.record(z.string(), z.unknown()) },
        'text/csv': { schema: z.string() },
      },
    },
    ...standardErrors,
  },
});

/** Certificates (the public verification) and exports. */
export function registerCertificateRoutes(app: App) {
  app.openapi(verifyRoute, async (c) => {
    const result = await verifyCertificate(db(c), c.req.valid('param').code);
    if (!result) throw notFound('certificate');
    // certificate.ts types the stored values as strings; they are the schema's enumerations.
    return c.json(result as z.infer<typeof VerificationSchema>, 200);
  });

  app.openapi(certificateRoute, async (c) => {
    const person = requirePerson(c);
    const loaded = await loadRequest(db(c), person, c.req.valid('param').id);
    const code = loaded.row.verification_code;
    const result = code ? await verifyCertificate(db(c), code) : null;
    if (!result) throw notFound('certificate (the request is not cleared)');
    // certificate.ts types the stored values as strings; they are the schema's enumerations.
    return c.json(result as z.infer<typeof VerificationSchema>, 200);
  });

  app.openapi(exportRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const name = (reference: string) => `attachment; filename="${reference}.${format}"`;
    if (format === 'csv') {
      const [csv, loaded] = await Promise.all([
        exportRequestCsv(db(c), person, id),
        loadRequest(db(c), person, id),
      ]);
      c.header('Content-Disposition', name(loaded.row.reference));
      return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    }
    const data = await exportRequest(db(c), person, id);
    c.header('Content-Disposition', name(data.request.reference));
    return c.json(data, 200);
  });
}
