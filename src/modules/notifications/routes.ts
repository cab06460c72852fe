import { createRoute, z } from '@hono/zod-openapi';
import { notFound } from '../../core/errors.ts';
import { db, inTransaction, requirePerson } from '../../http/context.ts';
import type { App } from '../../http/env.ts';
import { jsonBody, jsonResponse, standardErrors } from '../../http/openapi.ts';
import { buildCalendar } from './calendar.ts';
import { markAllRead, markRead, rotateCalendarLink, setPreferences } from './commands.ts';
import {
  CalendarLinkSchema,
  NotificationSchema,
  PreferencesSchema,
  presentCalendarLink,
  presentNotification,
  presentPreferences,
} from './present.ts';
import { calendarFeed, disabledKinds, listNotifications, unreadCount } from './queries.ts';
import {
  CalendarFileParam,
  ListNotificationsQuery,
  NotificationIdParam,
  PreferencesInput,
} from './schema.ts';

const tags = ['Notifications'];

const listRoute = createRoute({
  method: 'get',
  path: '/api/notifications',
  tags,
  summary: "The caller's notifications, newest first, with the number unread",
  request: { query: ListNotificationsQuery },
  responses: {
    200: jsonResponse(
      z.object({
        items: z.array(NotificationSchema),
        unread: z.number().int(),
        nextOffset: z.number().int().nullable(),
      }),
      'Notifications',
    ),
    400: standardErrors[400],
    401: standardErrors[401],
  },
});

const readRoute = createRoute({
  method: 'post',
  path: '/api/notifications/{id}/read',
  tags,
  summary: 'Mark one of the caller’s notifications read',
  request: { params: NotificationIdParam },
  responses: {
    200: jsonResponse(
      z.object({ notification: NotificationSchema, unread: z.number().int() }),
      'Marked read',
    ),
    ...standardErrors,
  },
});

const readAllRoute = createRoute({
  method: 'post',
  path: '/api/notifications/read-all',
  tags,
  summary: "Mark every one of the caller's notifications read",
  responses: {
    200: jsonResponse(z.object({ marked: z.number().int(), unread: z.number().int() }), 'Marked read'),
    401: standardErrors[401],
  },
});

const getPreferencesRoute = createRoute({
  method: 'get',
  path: '/api/me/notification-preferences',
  tags,
  summary: 'The kinds of notification the caller receives, and those turned off',
  responses: {
    200: jsonResponse(z.object({ preferences: PreferencesSchema }), 'Preferences'),
    401: standardErrors[401],
  },
});

const putPreferencesRoute = createRoute({
  method: 'put',
  path: '/api/me/notification-preferences',
  tags,
  summary: 'Turn kinds of notification off (the list given) and every other kind on',
  request: { body: jsonBody(PreferencesInput) },
  responses: {
    200: jsonResponse(z.object({ preferences: PreferencesSchema }), 'Changed'),
    400: standardErrors[400],
    401: standardErrors[401],
  },
});

const calendarLinkRoute = createRoute({
  method: 'post',
  path: '/api/me/calendar-link',
  tags,
  summary:
    "A new secret link to the caller's calendar feed of open deadlines (iCalendar); any earlier link stops working",
  responses: {
    200: jsonResponse(z.object({ calendar: CalendarLinkSchema }), 'The link, shown this once'),
    401: standardErrors[401],
  },
});

const calendarFeedRoute = createRoute({
  method: 'get',
  path: '/api/calendar/{file}',
  tags,
  summary:
    'A calendar feed (RFC 5545) of open deadlines: `/api/calendar/<token>.ics`, public by its secret token',
  request: { params: CalendarFileParam },
  responses: {
    200: { description: 'The calendar', content: { 'text/calendar': { schema: z.string() } } },
    400: standardErrors[400],
    404: standardErrors[404],
  },
});

/** Notifications, notification preferences and the calendar feed. */
export function registerNotificationRoutes(app: App) {
  app.openapi(listRoute, async (c) => {
    const person = requirePerson(c);
    const { items, nextOffset } = await listNotifications(db(c), person, c.req.valid('query'));
    const unread = await unreadCount(db(c), person);
    return c.json({ items: items.map(presentNotification), unread, nextOffset }, 200);
  });

  app.openapi(readRoute, async (c) => {
    const person = requirePerson(c);
    const { id } = c.req.valid('param');
    const row = await inTransaction(c, (trx) => markRead(trx, person, id));
    return c.json({ notification: presentNotification(row), unread: await unreadCount(db(c), person) }, 200);
  });

  app.openapi(readAllRoute, async (c) => {
    const person = requirePerson(c);
    const marked = await inTransaction(c, (trx) => markAllRead(trx, person));
    return c.json({ marked, unread: await unreadCount(db(c), person) }, 200);
  });

  app.openapi(getPreferencesRoute, async (c) => {
    const person = requirePerson(c);
    return c.json({ preferences: presentPreferences(await disabledKinds(db(c), person)) }, 200);
  });

  app.openapi(putPreferencesRoute, async (c) => {
    const person = requirePerson(c);
    const input = c.req.valid('json');
    const disabled = await inTransaction(c, (trx) => setPreferences(trx, person, input));
    return c.json({ preferences: presentPreferences(disabled) }, 200);
  });

  app.openapi(calendarLinkRoute, async (c) => {
    const person = requirePerson(c);
    const link = await inTransaction(c, (trx) => rotateCalendarLink(trx, person));
    c.header('Cache-Control', 'no-store');
    return c.json({ calendar: presentCalendarLink(new URL(c.req.url).origin, link) }, 200);
  });

  app.openapi(calendarFeedRoute, async (c) => {
    const token = c.req.valid('param').file.replace(/\.ics$/, '');
    const feed = await calendarFeed(db(c), token);
    if (!feed) throw notFound('calendar');
    const body = buildCalendar(feed.events, {
      origin: new URL(c.req.url).origin,
      locale: feed.person.locale,
      zones: [feed.referenceZone, ...(feed.stateZone ? [feed.stateZone] : [])],
    });
    c.header('Cache-Control', 'private, no-store');
    return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
  });
}
