import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import swaggerUi from 'swagger-ui-dist';
import { APP_VERSION, WEB_DIST } from '../config.ts';
import { AppError } from '../core/errors.ts';
import { assemblePlatform } from '../platform.ts';
import type { App, AppEnv, Deps } from './env.ts';
import { errorResponse } from './errors.ts';
import { validationHook } from './openapi.ts';
import { textCheck } from './text-check.ts';

/**
 * Builds the whole HTTP application from the list of modules: the request pipeline (body
 * limit, then each module's middleware: authentication and the CSRF check), every module's
 * routes, the OpenAPI document, and the web UI.
 */
export function buildApp(deps: Deps): App {
  const modules = assemblePlatform();
  const app: App = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

  app.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('auth', null);
    c.set('person', null);
    await next();
  });
  app.use(
    '*',
    secureHeaders({
      crossOriginEmbedderPolicy: false,
      contentSecurityPolicy: CONTENT_SECURITY_POLICY,
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
    }),
  );
  // API answers are the caller's own (and one carries the CSRF token): never kept by a browser
  // or a proxy. A route that already said no-store (private, no-store) keeps its words.
  app.use('/api/*', async (c, next) => {
    await next();
    if (!/\bno-store\b/.test(c.res.headers.get('Cache-Control') ?? ''))
      c.res.headers.set('Cache-Control', 'no-store');
  });
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

  for (const module of modules) module.middleware?.(app);
  app.use('/api/*', textCheck); // NUL and lone surrogates in JSON bodies and queries: 400 naming the field
  for (const module of modules) module.routes?.(app);

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
  // The page's own script is a file: the Content-Security-Policy allows no inline script.
  app.get(DOCS_SCRIPT, (c) => c.body(DOCS_INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }));
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

function registerWebUi(app: App) {
  const index = join(WEB_DIST, 'index.html');
  app.use('/*', serveStatic({ root: WEB_DIST }));
  app.get('*', (c) => {
    if (!existsSync(index))
      return c.text('The web UI is not built: run `npm run build` (npm start does it).', 503);
    return c.html(readFileSync(index, 'utf8'));
  });
}

/**
 * What pages may load, for the web UI and the API reference alike: only their own scripts,
 * styles, images and connections (Mantine sets styles inline), never framed, no plug-ins, no
 * `<base>`, forms posted only here.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  objectSrc: ["'none'"],
};

const DOCS_SCRIPT = '/api/docs/assets/accord-docs.js';
const DOCS_INIT = `window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs', deepLinking: true });\n`;
const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Accord API reference</title>
<link rel="stylesheet" href="/api/docs/assets/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="/api/docs/assets/swagger-ui-bundle.js"></script>
<script src="${DOCS_SCRIPT}"></script>
</body></html>`;
