import { createRoute, z } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { conflict, invalid, notFound } from '../../core/errors.ts';
import { db, deps, requirePerson } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { jsonBody, jsonResponse, otherErrors, standardErrors } from '../../http/openapi.ts';
import { authorize, can } from '../../policy/index.ts';
import { ledgerActionJsonSchemas, ledgerActionSpecs } from './actions.ts';
import {
  addCosignatures,
  CosignatureError,
  latestCheckpoint,
  listCheckpoints,
  reportFork,
  witnessesWithActivity,
} from './checkpoints.ts';
import { exportLines } from './export.ts';
import { configuredLogKey, publishedKeys, trustedLogVerifiers } from './keys.ts';
import {
  CheckpointSchema,
  LedgerEntrySchema,
  ProofSchema,
  PublishedKeySchema,
  presentEntry,
  VerifyResultSchema,
} from './present.ts';
import { buildProof, ProofUnavailable } from './proof.ts';
import { type EntryFilters, listEntries, resolveSubjects, verifyDatabase } from './queries.ts';
import { pendingCount } from './sequencer.ts';
import { proveConsistency, treeSize } from './tree.ts';
import { VerifyThrottle } from './verify-throttle.ts';

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
        pending: z.number().int().openapi({
          description:
            'Entries written and committed that still wait for their place in the record (the sequencer numbers them within moments); not listed until then',
        }),
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
  summary:
    'Verify the whole record in the database: every entry, the Merkle tree, the checkpoints, each signed by one of the key files of the server (current or retired; not a key the database merely lists) or witnessed (secretariat administrators and heads of delegation; one run at a time, once a minute per person)',
  responses: {
    200: jsonResponse(VerifyResultSchema, 'The verdict'),
    401: standardErrors[401],
    403: otherErrors[403],
    429: otherErrors[429],
  },
});

const keysRoute = createRoute({
  method: 'get',
  path: '/api/ledger/public-keys',
  tags,
  security: [],
  summary:
    "The log's public keys, oldest first: the one not retired signs new checkpoints (the private key is in a file, never in the database)",
  responses: { 200: jsonResponse(z.object({ items: z.array(PublishedKeySchema) }), 'Public keys') },
});

const checkpointRoute = createRoute({
  method: 'get',
  path: '/api/ledger/checkpoint',
  tags,
  security: [],
  summary:
    "The newest checkpoint (signed tree head) as a C2SP signed note with its co-signatures: what witnesses fetch; public, it holds only the tree's size and root",
  request: {
    query: z.object({
      witnessed: z
        .enum(['true', 'false'])
        .optional()
        .openapi({ description: 'true: the newest checkpoint a quorum of witnesses co-signed' }),
    }),
  },
  responses: { 200: jsonResponse(CheckpointSchema, 'The checkpoint'), 404: standardErrors[404] },
});

const checkpointsRoute = createRoute({
  method: 'get',
  path: '/api/ledger/checkpoints',
  tags,
  summary: 'Checkpoints of the record, newest first, with who co-signed each',
  request: {
    query: z.object({
      before: z.coerce.number().int().positive().optional().openapi({ description: 'Sizes below this' }),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: jsonResponse(z.object({ items: z.array(CheckpointSchema) }), 'Checkpoints'),
    ...standardErrors,
  },
});

const Size = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

const consistencyRoute = createRoute({
  method: 'get',
  path: '/api/ledger/consistency',
  tags,
  security: [],
  summary:
    'The consistency proof (RFC 9162 2.1.4) that the tree of `from` entries is a prefix of the tree of `to` entries: hashes only, public',
  request: { query: z.object({ from: Size, to: Size }) },
  responses: {
    200: jsonResponse(
      z.object({ from: z.number().int(), to: z.number().int(), proof: z.array(z.string()) }),
      'The proof, base64 hashes',
    ),
    400: standardErrors[400],
  },
});

const proofRoute = createRoute({
  method: 'get',
  path: '/api/ledger/proof',
  tags,
  summary:
    'The inclusion proof of an entry the caller may read: the entry, its leaf hash, the audit path and the checkpoint it is proven against (check it offline with accord ledger check-proof)',
  request: {
    query: z.object({
      seq: Size.openapi({ description: 'The entry' }),
      size: Size.optional().openapi({
        description: 'A checkpoint to prove against; default: the one that vouches for the entry',
      }),
    }),
  },
  responses: {
    200: jsonResponse(ProofSchema, 'The proof'),
    409: otherErrors[409],
    ...standardErrors,
  },
});

const cosignRoute = createRoute({
  method: 'post',
  path: '/api/ledger/cosignatures',
  tags,
  security: [],
  summary:
    "A witness hands in its co-signature: the checkpoint's note with the witness's cosignature/v1 line. Public: the signature is the credential (checked against the organisation's witness keys)",
  request: { body: jsonBody(z.strictObject({ note: z.string().min(1).max(20_000) })) },
  responses: {
    200: jsonResponse(
      z.object({ size: z.number().int(), accepted: z.array(z.string()) }),
      'The witnesses whose co-signature was new',
    ),
    400: standardErrors[400],
  },
});

const forkRoute = createRoute({
  method: 'post',
  path: '/api/ledger/fork-reports',
  tags,
  security: [],
  summary:
    'A witness reports a fork: a checkpoint that does not extend the one it co-signed. Public: the report must carry the checkpoint the witness co-signed, with its co-signature; it is recorded and the administrators are told',
  request: {
    body: jsonBody(
      z.strictObject({
        witness: z.string().min(1).max(100),
        cosignedNote: z.string().min(1).max(20_000),
        shownNote: z.string().min(1).max(20_000),
        reason: z.string().min(1).max(500),
      }),
    ),
  },
  responses: { 200: jsonResponse(z.object({ recorded: z.boolean() }), 'Recorded'), 400: standardErrors[400] },
});

const witnessesRoute = createRoute({
  method: 'get',
  path: '/api/ledger/witnesses',
  tags,
  security: [],
  summary: "The organisation's witnesses (member states' keys that co-sign checkpoints) and the quorum",
  responses: {
    200: jsonResponse(
      z.object({
        quorum: z.number().int(),
        items: z.array(
          z.object({
            name: z.string(),
            state: z.string().nullable(),
            verifierKey: z.string(),
            active: z.boolean(),
            lastCosignedSize: z.number().int().nullable(),
            lastCosignedAt: z.string().nullable(),
          }),
        ),
      }),
      'Witnesses',
    ),
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

/** One full verification at a time in this process, and once a minute per person. */
const verifyThrottle = new VerifyThrottle(60_000);

export function registerLedgerRoutes(app: App) {
  app.openapi(listRoute, async (c) => {
    const person = requirePerson(c);
    const { items, nextBefore } = await listEntries(db(c), person, filtersOf(c.req.valid('query')));
    const names = await resolveSubjects(db(c), person, items);
    return c.json(
      {
        items: items.map((row) => presentEntry(row, names)),
        nextBefore,
        pending: await pendingCount(db(c)),
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
    const person = requirePerson(c);
    authorize(person, 'verify', 'ledger', null, 'record');
    // Anchored in the server's key files, which the database does not hold.
    const anchors = { logKeys: trustedLogVerifiers(deps(c).config) };
    return c.json(await verifyThrottle.run(person.id, () => verifyDatabase(db(c), anchors)), 200);
  });

  app.openapi(keysRoute, async (c) => c.json({ items: await publishedKeys(db(c)) }, 200));

  app.openapi(checkpointRoute, async (c) => {
    const witnessed = c.req.valid('query').witnessed === 'true';
    const checkpoint = await latestCheckpoint(db(c), { witnessed });
    if (!checkpoint) throw notFound(witnessed ? 'witnessed checkpoint' : 'checkpoint');
    return c.json(checkpoint, 200);
  });

  app.openapi(checkpointsRoute, async (c) => {
    requirePerson(c);
    const { before, limit } = c.req.valid('query');
    return c.json({ items: await listCheckpoints(db(c), { before, limit }) }, 200);
  });

  app.openapi(consistencyRoute, async (c) => {
    const { from, to } = c.req.valid('query');
    const size = await treeSize(db(c));
    if (to > size) throw invalid('query.to', `the record holds ${size} entries`);
    if (from > to) throw invalid('query.from', 'must not be larger than to');
    const proof = await proveConsistency(db(c), from, to);
    return c.json({ from, to, proof: proof.map((h) => h.toString('base64')) }, 200);
  });

  app.openapi(proofRoute, async (c) => {
    const person = requirePerson(c);
    const { seq, size } = c.req.valid('query');
    try {
      const proof = await buildProof(db(c), person, seq, { size, key: configuredLogKey(deps(c).config) });
      if (!proof) throw notFound('record entry');
      return c.json(proof, 200);
    } catch (err) {
      if (err instanceof ProofUnavailable)
        throw conflict(err.message, size === undefined ? 'query.seq' : 'query.size');
      throw err;
    }
  });

  app.openapi(cosignRoute, async (c) => {
    try {
      return c.json(await addCosignatures(db(c), c.req.valid('json').note), 200);
    } catch (err) {
      if (err instanceof CosignatureError) throw invalid('note', err.message);
      throw err;
    }
  });

  app.openapi(forkRoute, async (c) => {
    try {
      await reportFork(db(c), c.req.valid('json'));
    } catch (err) {
      if (err instanceof CosignatureError) throw invalid('cosignedNote', err.message);
      throw err;
    }
    return c.json({ recorded: true }, 200);
  });

  app.openapi(witnessesRoute, async (c) => c.json(await witnessesWithActivity(db(c)), 200));

  app.openapi(exportRoute, async (c) => {
    const person = requirePerson(c);
    authorize(person, 'export', 'ledger', null, 'record');
    c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
    c.header(
      'Content-Disposition',
      `attachment; filename="accord-record-${new Date().toISOString().slice(0, 10)}.jsonl"`,
    );
    return stream(c, async (s) => {
      for await (const line of exportLines(db(c), person, configuredLogKey(deps(c).config)))
        await s.write(line);
    }) as never;
  });
}
