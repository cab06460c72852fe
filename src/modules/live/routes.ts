import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { deps, requirePerson } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { standardErrors } from '../../http/openapi.ts';
import { unreadCount } from '../notifications/index.ts';
import type { LiveEvent } from './hub.ts';

const liveRoute = createRoute({
  method: 'get',
  path: '/api/live',
  tags: ['Live updates'],
  summary:
    'Server-sent events: an `entry` event for every new entry of the record the caller may read ({ seq, at, action, subjectType, subjectId }), and a `notification` event ({ unread }) when a notification for the caller is written',
  responses: {
    200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } },
    401: standardErrors[401],
  },
});

export function registerLiveRoutes(app: App) {
  app.openapi(liveRoute, (c) => {
    const person = requirePerson(c);
    const { live, handle } = deps(c);
    return streamSSE(c, async (sse) => {
      // Entries and notifications in the order they arrived. Notifications waiting to be sent
      // make one event, with the unread count read when it is sent.
      const queue: ({ kind: 'entry'; event: LiveEvent } | { kind: 'notification' })[] = [];
      let wake: (() => void) | undefined;
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
      );
      let open = true;
      sse.onAbort(() => {
        open = false;
        wake?.();
      });
      await sse.writeSSE({ event: 'ready', data: JSON.stringify({ at: new Date().toISOString() }) });
      try {
        while (open) {
          while (queue.length) {
            const item = queue.shift()!;
            if (item.kind === 'entry')
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
