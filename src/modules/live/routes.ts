import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { deps, requirePerson } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { standardErrors } from '../../http/openapi.ts';
import type { LiveEvent } from './hub.ts';

const liveRoute = createRoute({
  method: 'get',
  path: '/api/live',
  tags: ['Live updates'],
  summary:
    'Server-sent events: an `entry` event for every new entry of the record the caller may read ({ seq, at, action, subjectType, subjectId })',
  responses: {
    200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } },
    401: standardErrors[401],
  },
});

export function registerLiveRoutes(app: App) {
  app.openapi(liveRoute, (c) => {
    const person = requirePerson(c);
    const { live } = deps(c);
    return streamSSE(c, async (sse) => {
      const queue: LiveEvent[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = live.subscribe(person, (event) => {
        queue.push(event);
        wake?.();
      });
      let open = true;
      sse.onAbort(() => {
        open = false;
        wake?.();
      });
      await sse.writeSSE({ event: 'ready', data: JSON.stringify({ at: new Date().toISOString() }) });
      try {
        while (open) {
          while (queue.length) {
            const event = queue.shift()!;
            await sse.writeSSE({ event: 'entry', id: String(event.seq), data: JSON.stringify(event) });
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
