import { createRoute, z } from '@hono/zod-openapi';
import { db, inTransaction, requirePerson } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { jsonResponse, NoContent, standardErrors } from '../../http/openapi.ts';
import { can } from '../../policy/index.ts';
import { authoriseDelegate, revokeDelegate } from './commands.ts';
import { presentAuthorisation } from './present.ts';
import { listAuthorisations } from './queries.ts';
import { AuthorisationParam, AuthorisationSchema, DelegationParam } from './schema.ts';

const tags = ['Delegations'];
const forbidden = { 403: { ...standardErrors[401], description: 'The caller may read it but not do this' } };

const listRoute = createRoute({
  method: 'get',
  path: '/api/delegations/{state}/authorisations',
  tags,
  summary: 'The delegates authorised to answer for a state, and whether the caller may change that',
  request: { params: DelegationParam },
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(AuthorisationSchema), abilities: z.object({ authorise: z.boolean() }) }),
      'Authorised delegates',
    ),
    ...standardErrors,
  },
});

const authoriseRoute = createRoute({
  method: 'post',
  path: '/api/delegations/{state}/authorisations/{userId}',
  tags,
  summary: 'The head of delegation authorises a delegate to answer for the state',
  request: { params: AuthorisationParam },
  responses: { 204: NoContent, ...standardErrors, ...forbidden },
});

const revokeRoute = createRoute({
  method: 'delete',
  path: '/api/delegations/{state}/authorisations/{userId}',
  tags,
  summary: "The head of delegation withdraws a delegate's authority",
  request: { params: AuthorisationParam },
  responses: { 204: NoContent, ...standardErrors, ...forbidden },
});

export function registerDelegationRoutes(app: App) {
  app.openapi(listRoute, async (c) => {
    const person = requirePerson(c);
    const { state } = c.req.valid('param');
    const rows = await listAuthorisations(db(c), person, state);
    return c.json(
      {
        items: rows.map(presentAuthorisation),
        abilities: { authorise: can(person, 'authorise', 'delegation', { state }) },
      },
      200,
    );
  });
  app.openapi(authoriseRoute, async (c) => {
    const person = requirePerson(c);
    const { state, userId } = c.req.valid('param');
    await inTransaction(c, (trx) => authoriseDelegate(trx, person, state, userId));
    return c.body(null, 204);
  });
  app.openapi(revokeRoute, async (c) => {
    const person = requirePerson(c);
    const { state, userId } = c.req.valid('param');
    await inTransaction(c, (trx) => revokeDelegate(trx, person, state, userId));
    return c.body(null, 204);
  });
}
