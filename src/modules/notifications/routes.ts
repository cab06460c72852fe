import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Person } from '../../core/actor.ts';
import { notFound } from '../../core/errors.ts';
import { db, deps, inTransaction, requirePerson } from '../../http/context.ts';
import type { App, AppEnv } from '../../http/env.ts';
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
import { calendarFeed, listNotifications, notificationChoices, unreadCount } from './queries.ts';
import {
  CalendarFileParam,
  ListNotificationsQuery,
  NotificationIdParam,
  PreferencesInput,
  PreferencesUserParam,
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
  summary: 'How each kind of notification reaches the caller: in the app, by e-mail',
  responses: {
    200: jsonResponse(z.object({ preferences: PreferencesSchema }), 'Preferences'),
    401: standardErrors[401],
  },
});

const putPreferencesRoute = createRoute({
  method: 'put',
  path: '/api/me/notification-preferences',
  tags,
  summary:
    'Choose how kinds of notification reach the caller (kinds), or which are shown in the app (disabled)',
  request: { body: jsonBody(PreferencesInput) },
  responses: {
    200: jsonResponse(z.object({ preferences: PreferencesSchema }), 'Changed'),
    400: standardErrors[400],
    401: standardErrors[401],
  },
});

const getUserPreferencesRoute = createRoute({
  method: 'get',
  path: '/api/users/{id}/notification-preferences',
  tags,
  summary: "A person's notification choices: the caller's own only (anyone else's answers 404)",
  request: { params: PreferencesUserParam },
  responses: {
    200: jsonResponse(z.object({ preferences: PreferencesSchema }), 'Preferences'),
    ...standardErrors,
  },
});

const putUserPreferencesRoute = createRoute({
  method: 'put',
  path: '/api/users/{id}/notification-preferences',
  tags,
  summary: "Change a person's notification choices: the caller's own only (anyone else's answers 404)",
  request: { params: PreferencesUserParam, body: jsonBody(PreferencesInput) },
  responses: {
    200: jsonResponse(z.object({ preferences: PreferencesSchema }), 'Changed'),
    ...standardErrors,
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

/** Whether the server sends e-mail, and the person's address. */
async function emailStatus(c: Context<AppEnv>, person: Person) {
  const row = await db(c).selectFrom('users').select('email').where('id', '=', person.id).executeTakeFirst();
  return { available: deps(c).config.mail !== null, address: row?.email ?? null };
}

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

  const readChoices = async (c: Context<AppEnv>, userId?: string) => {
    const person = requirePerson(c);
    const choices = await notificationChoices(db(c), person, userId ?? person.id);
    return { preferences: presentPreferences(choices, await emailStatus(c, person)) };
  };
  const changeChoices = async (c: Context<AppEnv>, input: PreferencesInput, userId?: string) => {
    const person = requirePerson(c);
    const choices = await inTransaction(c, (trx) => setPreferences(trx, person, input, userId ?? person.id));
    return { preferences: presentPreferences(choices, await emailStatus(c, person)) };
  };

  app.openapi(getPreferencesRoute, async (c) => c.json(await readChoices(c), 200));
  app.openapi(putPreferencesRoute, async (c) => c.json(await changeChoices(c, c.req.valid('json')), 200));
  app.openapi(getUserPreferencesRoute, async (c) =>
    c.json(await readChoices(c, c.req.valid('param').id), 200),
  );
  app.openapi(putUserPreferencesRoute, async (c) =>
    c.json(await changeChoices(c, c.req.valid('json'), c.req.valid('param').id), 200),
  );

  app.openapi(calendarLinkRoute, async (c) => {
    const person = requirePerson(c);
    const link = await inTransaction(c, (trx) => rotateCalendarLink(trx, person));
    c.header('Cache-Control', 'no-store');
    // The configured address, never the request's Host header: a forged Host must not make
    // Accord hand out a secret link pointing at someone else's server.
    return c.json({ calendar: presentCalendarLink(deps(c).config.publicUrl, link) }, 200);
  });

  app.openapi(calendarFeedRoute, async (c) => {
    const token = c.req.valid('param').file.replace(/\.ics$/, '');
    const feed = await calendarFeed(db(c), token);
    if (!feed) throw notFound('calendar');
    const body = buildCalendar(feed.events, {
      origin: deps(c).config.publicUrl,
      locale: feed.person.locale,
      zones: [feed.referenceZone, ...(feed.stateZone ? [feed.stateZone] : [])],
    });
    c.header('Cache-Control', 'private, no-store');
    return c.body(body, 200, { 'Content-Type': 'text/calendar; charset=utf-8' });
  });
}
