import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { streamSSE } from 'hono/streaming';
import { deps, requirePerson } from '../../http/context.ts';
import type { App, AppEnv } from '../../http/env.ts';
import { standardErrors } from '../../http/openapi.ts';
import { authenticateSession, authenticateToken, SESSION_COOKIE } from '../auth/index.ts';
import { unreadCount } from '../notifications/index.ts';
import type { LiveCredential, LiveEvent } from './hub.ts';

const liveRoute = createRoute({
  method: 'get',
  path: '/api/live',
  tags: ['Live updates'],
  summary:
    'Server-sent events: an `entry` event for every new entry of the record the caller may read ({ seq, at, action, subjectType, subjectId }), and a `notification` event ({ unread }) when a notification for the caller is written. The stream lasts as long as its session or API token: when it is signed out, ended by a password change, expires or is revoked, or the account is disabled, an `end` event ({ reason: "signed_out" }) closes it; a changed access level or role applies from the next event.',
  responses: {
    200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } },
    401: standardErrors[401],
  },
});

/**
 * How the request authenticated, to be asked again while the stream lasts: the session
 * cookie or the bearer token it came with, checked as the auth middleware checks them.
 */
function reauthentication(c: Context<AppEnv>): Omit<LiveCredential, 'end'> {
  const auth = c.get('auth');
  const { db } = deps(c).handle;
  if (auth?.kind === 'token') {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    return {
      kind: 'token',
      id: auth.tokenId,
      authenticate: async (now) => (await authenticateToken(db, token, now))?.person ?? null,
    };
  }
  const cookie = getCookie(c, SESSION_COOKIE) ?? '';
  return {
    kind: 'session',
    id: auth?.sessionId ?? '',
    authenticate: async (now) =>
      cookie ? ((await authenticateSession(db, cookie, now))?.person ?? null) : null,
  };
}

export function registerLiveRoutes(app: App) {
  app.openapi(liveRoute, (c) => {
    let person = requirePerson(c);
    const { live, handle } = deps(c);
    return streamSSE(c, async (sse) => {
      // Entries and notifications in the order they arrived. Notifications waiting to be sent
      // make one event, with the unread count read when it is sent; an end of the credential
      // ends the stream after what was queued before it.
      const queue: ({ kind: 'entry'; event: LiveEvent } | { kind: 'notification' } | { kind: 'end' })[] = [];
      let wake: (() => void) | undefined;
      let open = true;
      const credential = reauthentication(c);
      // Start from what is committed now: earlier entries are not "live" for this stream.
      await live.caughtUp();
      const unsubscribe = live.subscribe(
        person,
        (event) => {
          queue.push({ kind: 'entry', event });
          wake?.();
        },
        () => {
          if (!queue.some((item) => item.kind === 'notification')) queue.push({ kind: 'notification' });
          wake?.();
        },
        {
          ...credential,
          authenticate: async (now) => {
            const current = await credential.authenticate(now);
            if (current) person = current;
            return current;
          },
          end: (reason) => {
            // Signed out: say so, and the client does not come back. Not checked: just close,
            // and the client's reconnection is authenticated afresh.
            if (reason === 'signed_out') queue.push({ kind: 'end' });
            else open = false;
            wake?.();
          },
        },
      );
      sse.onAbort(() => {
        open = false;
        wake?.();
      });
      await sse.writeSSE({ event: 'ready', data: JSON.stringify({ at: new Date().toISOString() }) });
      try {
        while (open) {
          while (open && queue.length) {
            const item = queue.shift()!;
            if (item.kind === 'end') {
              await sse.writeSSE({ event: 'end', data: JSON.stringify({ reason: 'signed_out' }) });
              open = false;
            } else if (item.kind === 'entry')
              await sse.writeSSE({
                event: 'entry',
                id: String(item.event.seq),
                data: JSON.stringify(item.event),
              });
            else
              await sse.writeSSE({
                event: 'notification',
                data: JSON.stringify({ unread: await unreadCount(handle.db, person) }),
              });
          }
          if (!open) break;
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, 25_000);
          });
          wake = undefined;
          if (open && queue.length === 0) await sse.writeSSE({ event: 'ping', data: '{}' });
        }
      } finally {
        unsubscribe();
      }
    }) as never;
  });
}
