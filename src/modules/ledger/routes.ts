import { createRoute, z } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { db, requirePerson } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { jsonResponse, standardErrors } from '../../http/openapi.ts';
import { authorize, can } from '../../policy/index.ts';
import { ledgerActionJsonSchemas, ledgerActionSpecs } from './actions.ts';
import { exportLines } from './export.ts';
import { LedgerEntrySchema, presentEntry, VerifyResultSchema } from './present.ts';
import {
  type EntryFilters,
  listCheckpoints,
  listEntries,
  resolveSubjects,
  verifyDatabase,
} from './queries.ts';
import { publicKeys } from './signing.ts';

const tags = ['Record'];

/** A query parameter given once, repeated, or as a comma-separated list. */
const listParam = (v: string | string[] | undefined) =>
  v === undefined
    ? []
    : (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter(Boolean);

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day (UTC) or an instant with its offset; null when neither. */
function parseWhen(value: string): { at: Date; day: boolean } | null {
  if (DAY.test(value)) {
    const at = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== value ? null : { at, day: true };
  }
  if (!z.iso.datetime({ offset: true }).safeParse(value).success) return null;
  return { at: new Date(value), day: false };
}

/** The end of a `to` bound, exclusive: the next midnight after a day, just after an instant. */
const endOf = (when: { at: Date; day: boolean }) => new Date(when.at.getTime() + (when.day ? 86_400_000 : 1));

const WHEN_REASON =
  'must be a date (2026-03-01, a UTC day) or an instant with its offset (2026-03-01T09:00:00Z)';

export const ListQuery = z
  .object({
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    action: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .openapi({
        description: 'One or several action kinds (repeat the parameter, or separate them with commas)',
      }),
    subjectType: z
      .string()
      .regex(/^[a-z][a-z_]{0,39}$/, 'must be a subject type such as proposal or clearance_request')
      .optional(),
    subjectId: z.string().min(1).max(200).optional().openapi({ description: 'Needs subjectType' }),
    actor: z.guid('must be the id of a person').optional().openapi({ description: 'The person who acted' }),
    state: z
      .string()
      .regex(
        /^([A-Z]{2}|secretariat|partner:[A-Za-z0-9_-]{1,20})$/,
        'must be a state code (BY), secretariat, or partner:CODE',
      )
      .optional()
      .openapi({ description: 'The delegation the actor spoke for' }),
    from: z.string().optional().openapi({ description: 'At or after: a UTC day or an instant' }),
    to: z
      .string()
      .optional()
      .openapi({ description: 'At or before: a UTC day (the whole day) or an instant' }),
  })
  .superRefine((q, ctx) => {
    const known = ledgerActionSpecs();
    const actions = listParam(q.action);
    if (actions.length > 100)
      ctx.addIssue({ code: 'custom', path: ['action'], message: 'at most 100 actions' });
    for (const action of actions) {
      if (!known.has(action))
        ctx.addIssue({ code: 'custom', path: ['action'], message: `unknown action ${action}` });
    }
    if (q.subjectId !== undefined && q.subjectType === undefined) {
      ctx.addIssue({ code: 'custom', path: ['subjectId'], message: 'needs subjectType' });
    }
    const from = q.from === undefined ? null : parseWhen(q.from);
    const to = q.to === undefined ? null : parseWhen(q.to);
    if (q.from !== undefined && !from) ctx.addIssue({ code: 'custom', path: ['from'], message: WHEN_REASON });
    if (q.to !== undefined && !to) ctx.addIssue({ code: 'custom', path: ['to'], message: WHEN_REASON });
    if (from && to && from.at.getTime() >= endOf(to).getTime()) {
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'must not be after to' });
    }
  });

/** The validated query as the list's filters. */
function filtersOf(q: z.infer<typeof ListQuery>): EntryFilters & { before?: number; limit: number } {
  const from = q.from === undefined ? null : parseWhen(q.from);
  const to = q.to === undefined ? null : parseWhen(q.to);
  return {
    before: q.before,
    limit: q.limit,
    actions: listParam(q.action),
    subjectType: q.subjectType,
    subjectId: q.subjectId,
    actor: q.actor,
    state: q.state,
    from: from?.at,
    to: to ? endOf(to) : undefined,
  };
}

const listRoute = createRoute({
  method: 'get',
  path: '/api/ledger',
  tags,
  summary:
    'Entries of the record the caller may read, newest first, with their subjects named; filters by action, subject, actor, state and time',
  request: { query: ListQuery },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(LedgerEntrySchema),
        nextBefore: z.number().int().nullable(),
        abilities: z.object({ export: z.boolean(), verify: z.boolean() }),
      }),
      'Entries',
    ),
    ...standardErrors,
  },
});

const actionsRoute = createRoute({
  method: 'get',
  path: '/api/ledger/actions',
  tags,
  summary:
    'Every kind of record entry: the module that writes it, what it means and the JSON Schema of its payload (the record filter lists them)',
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(
          z.object({
            action: z.string(),
            module: z.string(),
            description: z.string(),
            payload: z.record(z.string(), z.unknown()).openapi({ description: 'JSON Schema of the payload' }),
          }),
        ),
      }),
      'Action kinds',
    ),
    401: standardErrors[401],
  },
});

const verifyRoute = createRoute({
  method: 'post',
  path: '/api/ledger/verify',
  tags,
  summary: 'Verify the whole chain in the database and its signed checkpoints',
  responses: { 200: jsonResponse(VerifyResultSchema, 'The verdict'), 401: standardErrors[401] },
});

const keysRoute = createRoute({
  method: 'get',
  path: '/api/ledger/public-keys',
  tags,
  summary: "The server's Ed25519 public keys that sign the record's checkpoints",
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(
          z.object({ id: z.string(), algorithm: z.literal('Ed25519'), publicKeyPem: z.string() }),
        ),
      }),
      'Public keys',
    ),
  },
});

const checkpointsRoute = createRoute({
  method: 'get',
  path: '/api/ledger/checkpoints',
  tags,
  summary: 'Signed checkpoints of the record',
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(
          z.object({
            seq: z.number(),
            hash: z.string(),
            signedAt: z.string(),
            keyId: z.string(),
            signature: z.string(),
          }),
        ),
      }),
      'Checkpoints',
    ),
    401: standardErrors[401],
  },
});

const exportRoute = createRoute({
  method: 'get',
  path: '/api/ledger/export',
  tags,
  summary:
    'The whole record as JSON Lines; payloads the caller may not read are hidden behind their hashes, so the chain still verifies',
  responses: {
    200: { description: 'JSON Lines', content: { 'application/x-ndjson': { schema: z.string() } } },
    ...standardErrors,
  },
});

export function registerLedgerRoutes(app: App) {
  app.openapi(listRoute, async (c) => {
    const person = requirePerson(c);
    const { items, nextBefore } = await listEntries(db(c), person, filtersOf(c.req.valid('query')));
    const names = await resolveSubjects(db(c), person, items);
    return c.json(
      {
        items: items.map((row) => presentEntry(row, names)),
        nextBefore,
        abilities: {
          export: can(person, 'export', 'ledger', null),
          verify: can(person, 'verify', 'ledger', null),
        },
      },
      200,
    );
  });

  app.openapi(actionsRoute, (c) => {
    requirePerson(c);
    return c.json({ items: ledgerActionJsonSchemas() }, 200);
  });

  app.openapi(verifyRoute, async (c) => {
    authorize(requirePerson(c), 'verify', 'ledger', null, 'record');
    return c.json(await verifyDatabase(db(c)), 200);
  });

  app.openapi(keysRoute, async (c) => c.json({ items: await publicKeys(db(c)) }, 200));

  app.openapi(checkpointsRoute, async (c) => {
    requirePerson(c);
    return c.json({ items: await listCheckpoints(db(c)) }, 200);
  });

  app.openapi(exportRoute, async (c) => {
    const person = requirePerson(c);
    authorize(person, 'export', 'ledger', null, 'record');
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    c.header(
      'Content-Disposition',
      `attachment; filename="accord-record-${new Date().toISOString().slice(0, 10)}.jsonl"`,
    );
    return stream(c, async (s) => {
      for await (const line of exportLines(db(c), person)) await s.write(line);
    }) as never;
  });
}
