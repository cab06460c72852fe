import { createRoute, z } from '@hono/zod-openapi';
import { APP_VERSION } from '../../config.ts';
import { schemaVersion } from '../../db/migrate.ts';
import { deps } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { jsonResponse } from '../../http/openapi.ts';
import { getOrganisation } from '../directory/index.ts';
import { demoAccountsActive } from '../users/index.ts';

/** Liveness and what the sign-in page needs; both answer without sign-in. */
export function registerSystemRoutes(app: App) {
  const healthRoute = createRoute({
    method: 'get',
    path: '/api/health',
    tags: ['System'],
    summary: 'Liveness: the database kind, the schema version and the application version',
    responses: {
      200: jsonResponse(
        z.object({
          status: z.literal('ok'),
          database: z.enum(['pglite', 'postgresql']),
          schemaVersion: z.number().int(),
          version: z.string(),
        }),
        'Healthy',
      ),
    },
  });
  app.openapi(healthRoute, async (c) => {
    const { handle } = deps(c);
    return c.json(
      {
        status: 'ok' as const,
        database: handle.kind,
        schemaVersion: await schemaVersion(handle.db),
        version: APP_VERSION,
      },
      200,
    );
  });

  const metaRoute = createRoute({
    method: 'get',
    path: '/api/meta',
    tags: ['System'],
    summary: 'What the sign-in page needs: whether demo accounts exist, the organisation name',
    responses: {
      200: jsonResponse(
        z.object({
          demo: z.boolean(),
          organisation: z
            .object({
              shortName: z.object({ en: z.string(), ru: z.string() }),
              name: z.object({ en: z.string(), ru: z.string() }),
            })
            .nullable(),
          version: z.string(),
        }),
        'Meta',
      ),
    },
  });
  app.openapi(metaRoute, async (c) => {
    const { db } = deps(c).handle;
    const org = await getOrganisation(db);
    return c.json(
      {
        demo: await demoAccountsActive(db),
        organisation: org ? { shortName: org.shortName, name: org.name } : null,
        version: APP_VERSION,
      },
      200,
    );
  });
}
