import { getCookie } from 'hono/cookie';
import { AppError } from '../../core/errors.ts';
import { isPublicPath } from '../../core/registry.ts';
import { safeEqual } from '../../core/secrets.ts';
import type { App } from '../../http/env.ts';
import { authenticateSession, authenticateToken } from './load-actor.ts';
import { SESSION_COOKIE } from './routes.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Authenticates every /api request: a bearer API token, or the session cookie (which then
 * needs the CSRF header to write). Default deny: only the paths a module declared public
 * (`publicPaths` in its index.ts) answer without a signed-in person. Writes carry JSON.
 */
export function installAuthentication(app: App) {
  app.use('/api/*', async (c, next) => {
    const { db } = c.get('deps').handle;
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
    if (!c.get('person') && !isPublicPath(c.req.method, c.req.path)) {
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
}
