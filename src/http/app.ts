import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import swaggerUi from 'swagger-ui-dist';
import { APP_VERSION, WEB_DIST } from '../config.ts';
import { AppError } from '../core/errors.ts';
import { schemaVersion } from '../db/migrate.ts';
import { authenticateSession, authenticateToken } from '../modules/auth/load-actor.ts';
import { registerAuthRoutes, SESSION_COOKIE } from '../modules/auth/routes.ts';
import { safeEqual } from '../modules/auth/secrets.ts';
import { registerClearanceRoutes } from '../modules/clearances/routes.ts';
import { registerClearanceAttachmentRoutes } from '../modules/clearances/routes-attachments.ts';
import { registerCertificateRoutes } from '../modules/clearances/routes-certificates.ts';
import { registerDecisionRoutes } from '../modules/decisions/routes.ts';
import { getOrganisation } from '../modules/directory/queries.ts';
import { registerDirectoryRoutes } from '../modules/directory/routes.ts';
import { registerLedgerRoutes } from '../modules/ledger/routes.ts';
import { registerLiveRoutes } from '../modules/live/routes.ts';
import { registerNotificationRoutes } from '../modules/notifications/routes.ts';
import { demoAccountsActive } from '../modules/users/demo.ts';
import { registerUserRoutes } from '../modules/users/routes.ts';
import { registerWebhookRoutes } from '../modules/webhooks/routes.ts';
import type { App, AppEnv, Deps } from './env.ts';
import { errorResponse } from './errors.ts';
import { jsonResponse, validationHook } from './openapi.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The endpoints that answer without sign-in; everything else under /api needs a person. */
const PUBLIC_GET = new Set([
  '/api/health',
  '/api/meta',
  '/api/openapi.json',
  '/api/docs',
  '/api/ledger/public-keys',
]);
/** A calendar feed is public by its secret token: calendar apps send no cookie. */
const isCalendarFeed = (path: string) => /^\/api\/calendar\/[^/]+\.ics$/.test(path);
/** A clearance certificate is checked by anyone holding its verification code (a border post). */
const isCertificateCheck = (path: string) => /^\/api\/verify\/[^/]+$/.test(path);
const isPublic = (method: string, path: string) =>
  (method === 'POST' && path === '/api/auth/sign-in') ||
  ((method === 'GET' || method === 'HEAD') &&
    (PUBLIC_GET.has(path) ||
      path.startsWith('/api/docs/assets/') ||
      isCalendarFeed(path) ||
      isCertificateCheck(path)));

/**
 * Builds the whole HTTP application: the request pipeline (body limit, authentication,
 * CSRF check), every module's routes, the OpenAPI document, and the web UI.
 */
export function buildApp(deps: Deps): App {
  const app: App = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('auth', null);
    c.set('person', null);
    await next();
  });
  app.use('*', secureHeaders({ crossOriginEmbedderPolicy: false, contentSecurityPolicy: undefined }));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: deps.config.bodyLimit,
      onError: () => {
        throw new AppError(
          'payload_too_large',
          `the request body is larger than ${deps.config.bodyLimit} bytes`,
        );
      },
    }),
  );

  // Authenticate: a bearer API token, or the session cookie (which then needs the CSRF header to write).
  app.use('/api/*', async (c, next) => {
    const { db } = deps.handle;
    const header = c.req.header('authorization');
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      const auth = match ? await authenticateToken(db, match[1]) : null;
      if (!auth) throw new AppError('unauthenticated', 'the API token is unknown, revoked or expired');
      c.set('auth', auth);
      c.set('person', auth.person);
    } else {
      const cookie = getCookie(c, SESSION_COOKIE);
      const auth = cookie ? await authenticateSession(db, cookie) : null;
      if (auth) {
        if (UNSAFE.has(c.req.method) && !safeEqual(c.req.header('x-csrf-token') ?? '', auth.csrfToken)) {
          throw new AppError('csrf_failed', 'the X-CSRF-Token header is missing or wrong', [
            { field: 'X-CSRF-Token', reason: 'missing or wrong' },
          ]);
        }
        c.set('auth', auth);
        c.set('person', auth.person);
      }
    }
    // Default deny: only the few public endpoints answer without a signed-in person.
    if (!c.get('person') && !isPublic(c.req.method, c.req.path)) {
      throw new AppError('unauthenticated', 'sign in first, or send an API token');
    }
    // Writes carry JSON: a cross-site form post cannot set this content type.
    if (UNSAFE.has(c.req.method) && c.req.header('content-length') !== '0' && c.req.raw.body) {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/json\b/i.test(type)) {
        throw new AppError('unsupported_media_type', 'send the body as application/json', [
          { field: 'Content-Type', reason: 'must be application/json' },
        ]);
      }
    }
    await next();
  });

  registerSystemRoutes(app, deps);
  registerAuthRoutes(app);
  registerUserRoutes(app);
  registerDirectoryRoutes(app);
  registerLedgerRoutes(app);
  registerLiveRoutes(app);
  registerDecisionRoutes(app);
  registerNotificationRoutes(app);
  registerWebhookRoutes(app);
  registerClearanceRoutes(app);
  registerCertificateRoutes(app);
  registerClearanceAttachmentRoutes(app);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Accord API',
      version: APP_VERSION,
      description:
        'Coordination platform for a treaty organisation. Authenticate with the session cookie (send X-CSRF-Token on writes) or with `Authorization: Bearer <API token>`.',
    },
  });
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer' });
  app.get('/api/docs', (c) => c.html(DOCS_PAGE));
  app.use(
    '/api/docs/assets/*',
    serveStatic({
      root: swaggerUi.getAbsoluteFSPath(),
      rewriteRequestPath: (p) => p.replace('/api/docs/assets', ''),
    }),
  );

  app.all('/api/*', () => {
    throw new AppError('not_found', 'no such endpoint');
  });
  registerWebUi(app);

  app.onError((err, c) => errorResponse(c, err));
  app.notFound((c) => errorResponse(c, new AppError('not_found', 'no such page')));
  return app;
}

function registerSystemRoutes(app: App, deps: Deps) {
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
  app.openapi(healthRoute, async (c) =>
    c.json(
      {
        status: 'ok' as const,
        database: deps.handle.kind,
        schemaVersion: await schemaVersion(deps.handle.db),
        version: APP_VERSION,
      },
      200,
    ),
  );

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
    const org = await getOrganisation(deps.handle.db);
    return c.json(
      {
        demo: await demoAccountsActive(deps.handle.db),
        organisation: org ? { shortName: org.shortName, name: org.name } : null,
        version: APP_VERSION,
      },
      200,
    );
  });
}

function registerWebUi(app: App) {
  const index = join(WEB_DIST, 'index.html');
  app.use('/*', serveStatic({ root: WEB_DIST }));
  app.get('*', (c) => {
    if (!existsSync(index))
      return c.text('The web UI is not built: run `npm run build` (npm start does it).', 503);
    return c.html(readFileSync(index, 'utf8'));
  });
}

const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Accord API reference</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script>window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true });</script>
</body></html>`;
