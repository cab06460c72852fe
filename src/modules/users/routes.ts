import { createRoute, z } from '@hono/zod-openapi';
import { db, inTransaction, requirePerson } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { jsonBody, jsonResponse, standardErrors } from '../../http/openapi.ts';
import { can } from '../../policy/index.ts';
import { createUser, setUserDisabled, updateUser } from './commands.ts';
import { presentUser, UserSchema } from './present.ts';
import { getUser, listUsers } from './queries.ts';
import { CreateUserInput, UpdateUserInput, UserIdParam } from './schema.ts';

const tags = ['People'];
const UserOutput = z.object({ user: UserSchema });
const forbidden = { 403: standardErrors[401] };

const listRoute = createRoute({
  method: 'get',
  path: '/api/users',
  tags,
  summary: 'The people the caller may see, with what the caller may do to each',
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(UserSchema), abilities: z.object({ create: z.boolean() }) }),
      'People',
    ),
    401: standardErrors[401],
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/users/{id}',
  tags,
  summary: 'One person',
  request: { params: UserIdParam },
  responses: { 200: jsonResponse(UserOutput, 'The person'), ...standardErrors },
});

const createUserRoute = createRoute({
  method: 'post',
  path: '/api/users',
  tags,
  summary: 'Create an account (secretariat administrators)',
  request: { body: jsonBody(CreateUserInput) },
  responses: {
    201: jsonResponse(UserOutput, 'Created'),
    ...standardErrors,
    ...forbidden,
    409: standardErrors[400],
  },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/api/users/{id}',
  tags,
  summary: "Change a person's name, e-mail, role or access level (secretariat administrators)",
  request: { params: UserIdParam, body: jsonBody(UpdateUserInput) },
  responses: { 200: jsonResponse(UserOutput, 'Updated'), ...standardErrors, ...forbidden },
});

const disableRoute = createRoute({
  method: 'post',
  path: '/api/users/{id}/disable',
  tags,
  summary: 'Disable an account: its sessions and tokens end at once',
  request: { params: UserIdParam },
  responses: { 200: jsonResponse(UserOutput, 'Disabled'), ...standardErrors, ...forbidden },
});

const enableRoute = createRoute({
  method: 'post',
  path: '/api/users/{id}/enable',
  tags,
  summary: 'Enable a disabled account',
  request: { params: UserIdParam },
  responses: { 200: jsonResponse(UserOutput, 'Enabled'), ...standardErrors, ...forbidden },
});

export function registerUserRoutes(app: App) {
  app.openapi(listRoute, async (c) => {
    const person = requirePerson(c);
    const rows = await listUsers(db(c), person);
    return c.json(
      {
        items: rows.map((r) => presentUser(r, person)),
        abilities: { create: can(person, 'create', 'users', null) },
      },
      200,
    );
  });

  app.openapi(getRoute, async (c) => {
    const person = requirePerson(c);
    const row = await getUser(db(c), person, c.req.valid('param').id);
    return c.json({ user: presentUser(row, person) }, 200);
  });

  app.openapi(createUserRoute, async (c) => {
    const person = requirePerson(c);
    const input = c.req.valid('json');
    const row = await inTransaction(c, (trx) => createUser(trx, person, input));
    return c.json({ user: presentUser(row, person) }, 201);
  });

  app.openapi(updateRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const row = await inTransaction(c, (trx) => updateUser(trx, person, id, input));
    return c.json({ user: presentUser(row, person) }, 200);
  });

  for (const [route, disabled] of [
    [disableRoute, true],
    [enableRoute, false],
  ] as const) {
    app.openapi(route, async (c) => {
      const person = requirePerson(c);
      const { id } = c.req.valid('param');
      const row = await inTransaction(c, (trx) => setUserDisabled(trx, person, id, disabled));
      return c.json({ user: presentUser(row, person) }, 200);
    });
  }
}
