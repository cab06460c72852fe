import { createRoute } from '@hono/zod-openapi';
import { db, requirePerson } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { jsonResponse, standardErrors } from '../../http/openapi.ts';
import { HomeSchema, presentHome } from './present.ts';
import { gatherHome } from './queries.ts';
import { HomeQuery } from './schema.ts';

const homeRoute = createRoute({
  method: 'get',
  path: '/api/home',
  tags: ['Home'],
  summary: 'What waits on the caller across modules, and what closed recently that they may read',
  request: { query: HomeQuery },
  responses: {
    200: jsonResponse(HomeSchema, 'The caller’s home page'),
    400: standardErrors[400],
    401: standardErrors[401],
  },
});

/** GET /api/home: read-only, so no transaction and no record entry. */
export function registerHomeRoutes(app: App) {
  app.openapi(homeRoute, async (c) => {
    const person = requirePerson(c);
    const { days } = c.req.valid('query');
    const home = await gatherHome(db(c), person, new Date(), days);
    return c.json(presentHome(home), 200);
  });
}
