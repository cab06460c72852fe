import { createRoute, z } from '@hono/zod-openapi';
import { db, inTransaction, requirePerson } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { jsonBody, jsonResponse, standardErrors } from '../../http/openapi.ts';
import { can } from '../../policy/index.ts';
import { registerAttachmentRoutes } from '../attachments/index.ts';
import { listBodies } from '../directory/index.ts';
import { entryStanding } from '../ledger/index.ts';
import { proposalAttachments } from './attachments.ts';
import {
  DiffSchema,
  ProposalListItemSchema,
  ProposalSchema,
  presentDiff,
  presentProposal,
  presentProposalListItem,
  presentVersion,
  VersionSchema,
} from './present.ts';
import {
  DecisionListItemSchema,
  DecisionSchema,
  presentDecision,
  presentDecisionListItem,
} from './present-procedures.ts';
import { createProposal, updateProposal } from './proposals.ts';
import {
  getDecision,
  getProposalView,
  getVersion,
  getVersionPair,
  listDecisions,
  listProposals,
} from './queries.ts';
import { registerProcedureRoutes } from './routes-procedures.ts';
import {
  CreateProposalInput,
  DecisionIdParam,
  DiffQuery,
  ListDecisionsQuery,
  ListProposalsQuery,
  ProposalIdParam,
  UpdateProposalInput,
  VersionParam,
} from './schema.ts';

const tags = ['Decisions'];
const ProposalOutput = z.object({ proposal: ProposalSchema });
const forbidden = { 403: { ...standardErrors[401], description: 'The caller may read it but not do this' } };
const conflictResponse = {
  409: { ...standardErrors[400], description: 'Not now: frozen, closed, decided or past the deadline' },
};

const listRoute = createRoute({
  method: 'get',
  path: '/api/proposals',
  tags,
  summary: 'Proposals the caller may read: open now, closing soon, adopted, not adopted, drafts',
  request: { query: ListProposalsQuery },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(ProposalListItemSchema),
        nextOffset: z.number().int().nullable(),
        abilities: z.object({ create: z.boolean() }),
      }),
      'Proposals',
    ),
    400: standardErrors[400],
    401: standardErrors[401],
  },
});

const createProposalRoute = createRoute({
  method: 'post',
  path: '/api/proposals',
  tags,
  summary: 'Draft a proposal in a body (its first version)',
  request: { body: jsonBody(CreateProposalInput) },
  responses: { 201: jsonResponse(ProposalOutput, 'Drafted'), ...standardErrors, ...forbidden },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/proposals/{id}',
  tags,
  summary: 'A proposal: latest text and points, versions, procedures, decision, abilities',
  request: { params: ProposalIdParam },
  responses: { 200: jsonResponse(ProposalOutput, 'The proposal'), ...standardErrors },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/api/proposals/{id}',
  tags,
  summary: 'Change a proposal before a procedure opens: a new version (409 once frozen)',
  request: { params: ProposalIdParam, body: jsonBody(UpdateProposalInput) },
  responses: {
    200: jsonResponse(ProposalOutput, 'Changed'),
    ...standardErrors,
    ...forbidden,
    ...conflictResponse,
  },
});

const versionRoute = createRoute({
  method: 'get',
  path: '/api/proposals/{id}/versions/{v}',
  tags,
  summary: 'One version of a proposal',
  request: { params: VersionParam },
  responses: { 200: jsonResponse(z.object({ version: VersionSchema }), 'The version'), ...standardErrors },
});

const diffRoute = createRoute({
  method: 'get',
  path: '/api/proposals/{id}/diff',
  tags,
  summary: 'A line diff between two versions of a proposal',
  request: { params: ProposalIdParam, query: DiffQuery },
  responses: { 200: jsonResponse(DiffSchema, 'The diff'), ...standardErrors },
});

const listDecisionsRoute = createRoute({
  method: 'get',
  path: '/api/decisions',
  tags,
  summary:
    'Adopted decisions the caller may read, newest first (observers and partners: the published ones, of classification public)',
  request: { query: ListDecisionsQuery },
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(DecisionListItemSchema), nextOffset: z.number().int().nullable() }),
      'Decisions',
    ),
    400: standardErrors[400],
    401: standardErrors[401],
  },
});

const getDecisionRoute = createRoute({
  method: 'get',
  path: '/api/decisions/{id}',
  tags,
  summary:
    "A decision: number, final text, statements, states' stances, its record entry and the checkpoint (witnessed when it can be) that vouches for it",
  request: { params: DecisionIdParam },
  responses: { 200: jsonResponse(z.object({ decision: DecisionSchema }), 'The decision'), ...standardErrors },
});

/** Every route of the decisions module: proposals, procedures, stances, decisions, delegates. */
export function registerDecisionRoutes(app: App) {
  app.openapi(listRoute, async (c) => {
    const person = requirePerson(c);
    const now = new Date();
    const { items, nextOffset, ctx } = await listProposals(db(c), person, c.req.valid('query'), now);
    // May the caller draft in at least one body? The UI shows "New proposal" from this.
    const bodies = await listBodies(db(c));
    const create = bodies.some((b) =>
      can(person, 'create', 'proposals', { classification: 0, bodyStates: b.members }),
    );
    return c.json(
      {
        items: items.map((r) => presentProposalListItem(r, person, ctx, now)),
        nextOffset,
        abilities: { create },
      },
      200,
    );
  });

  app.openapi(createProposalRoute, async (c) => {
    const person = requirePerson(c);
    const input = c.req.valid('json');
    const row = await inTransaction(c, (trx) => createProposal(trx, person, input));
    return c.json({ proposal: presentProposal(await getProposalView(db(c), person, row.id), person) }, 201);
  });

  app.openapi(getRoute, async (c) => {
    const person = requirePerson(c);
    const view = await getProposalView(db(c), person, c.req.valid('param').id);
    return c.json({ proposal: presentProposal(view, person) }, 200);
  });

  app.openapi(updateRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    await inTransaction(c, (trx) => updateProposal(trx, person, id, input));
    return c.json({ proposal: presentProposal(await getProposalView(db(c), person, id), person) }, 200);
  });

  app.openapi(versionRoute, async (c) => {
    const person = requirePerson(c);
    const { id, v } = c.req.valid('param');
    return c.json({ version: presentVersion(await getVersion(db(c), person, id, v)) }, 200);
  });

  app.openapi(diffRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    const [older, newer] = await getVersionPair(db(c), person, id, c.req.valid('query'));
    return c.json(presentDiff(older, newer), 200);
  });

  app.openapi(listDecisionsRoute, async (c) => {
    const person = requirePerson(c);
    const { items, nextOffset } = await listDecisions(db(c), person, c.req.valid('query'));
    return c.json({ items: items.map(presentDecisionListItem), nextOffset }, 200);
  });

  app.openapi(getDecisionRoute, async (c) => {
    const person = requirePerson(c);
    const decision = await getDecision(db(c), person, c.req.valid('param').id);
    const problems: string[] = [];
    const standing =
      decision.record_seq === null ? null : await entryStanding(db(c), Number(decision.record_seq), problems);
    return c.json({ decision: presentDecision(decision, person, { standing, problems }) }, 200);
  });

  registerProcedureRoutes(app);
  registerAttachmentRoutes(app, proposalAttachments);
}
