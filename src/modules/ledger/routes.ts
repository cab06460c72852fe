import { createRoute, z } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { db, requirePerson } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { jsonResponse, standardErrors } from '../../http/openapi.ts';
import { authorize, can } from '../../policy/index.ts';
import { exportLines } from './export.ts';
import { LedgerEntrySchema, presentEntry, VerifyResultSchema } from './present.ts';
import { listCheckpoints, listEntries, verifyDatabase } from './queries.ts';
import { publicKeys } from './signing.ts';

const tags = ['Record'];

const listRoute = createRoute({
  method: 'get',
  path: '/api/ledger',
  tags,
  summary: 'Entries of the record the caller may read, newest first',
  request: {
    query: z.object({
      before: z.coerce.number().int().positive().optional(),
      limit: z.coerce.number().int().min(1).max(500).default(50),
    }),
  },
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
    const query = c.req.valid('query');
    const { items, nextBefore } = await listEntries(db(c), person, query);
    return c.json(
      {
        items: items.map(presentEntry),
        nextBefore,
        abilities: {
          export: can(person, 'export', 'ledger', null),
          verify: can(person, 'verify', 'ledger', null),
        },
      },
      200,
    );
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
