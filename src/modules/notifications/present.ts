import { z } from '@hono/zod-openapi';
import type { ClearanceNotificationDetails, NotificationDetails } from './emit.ts';
import { kindNames } from './kinds.ts';
import type { KindChoices, NotificationView } from './queries.ts';
import { notificationSubjectPath } from './subjects.ts';

export const NotificationSchema = z
  .object({
    id: z.string().uuid(),
    kind: z.string().openapi({ description: 'The kind, as a module declares it' }),
    subject: z
      .object({
        type: z
          .string()
          .openapi({ description: 'The subject type, as its module declares it ("proposal", "alert"...)' }),
        id: z.string(),
        title: z.string(),
        reference: z.string().nullable(),
        path: z.string().openapi({ description: 'The web page that opens it' }),
      })
      .openapi({ description: 'What it is about, whatever module owns it' }),
    proposal: z
      .object({ id: z.string().uuid(), title: z.string() })
      .nullable()
      .openapi({ description: 'The subject when it is a proposal' }),
    procedure: z
      .object({
        id: z.string().uuid(),
        kind: z.string().openapi({ description: 'silence, written, unanimity...' }),
      })
      .nullable(),
    clearance: z
      .object({
        id: z.string().uuid(),
        reference: z.string(),
        title: z.string(),
        requestingState: z.string(),
        outcome: z.string().nullable().openapi({
          description: 'leg_decided: approved, approved_with_conditions, denied, info_requested...',
        }),
        how: z
          .string()
          .nullable()
          .openapi({ description: 'leg_decided: state, tacit, standing_permission, secretariat' }),
        clearanceNumber: z.string().nullable(),
        infoGiven: z
          .boolean()
          .openapi({ description: 'leg_arrived: the requester answered the state’s question' }),
      })
      .nullable()
      .openapi({ description: 'The subject when it is a clearance request (see /clearances/{id})' }),
    deadline: z
      .string()
      .nullable()
      .openapi({ description: "The deadline (UTC instant) when there is one; a leg's window end for leg_*" }),
    state: z.string().nullable().openapi({
      description:
        'silence_broken: the state that broke silence; leg_*: the leg’s state; request_denied: who denied',
    }),
    stanceKind: z.enum(['object', 'propose_amendment']).nullable(),
    points: z.array(z.string()).openapi({ description: 'silence_broken: the points it was broken on' }),
    result: z.enum(['adopted', 'partially_adopted', 'not_adopted']).nullable(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

/** A notification as its recipient sees it: the facts, for the UI to word in the reader's language. */
export function presentNotification(row: NotificationView): z.infer<typeof NotificationSchema> {
  if (row.subject_type === 'clearance_request') return presentClearanceNotification(row, row.subject_id);
  const details = row.details as NotificationDetails;
  return {
    id: row.id,
    kind: row.kind,
    subject: subjectOf(row),
    proposal:
      row.subject_type === 'proposal' ? { id: row.subject_id, title: row.subject?.title ?? '' } : null,
    procedure: details.procedureId ? { id: details.procedureId, kind: details.procedureKind } : null,
    clearance: null,
    deadline: details.deadline ?? null,
    state: details.state ?? null,
    stanceKind: details.stanceKind ?? null,
    points: details.points ?? [],
    result: details.result ?? null,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}

/** The subject as its module names it, and the page that opens it. */
const subjectOf = (row: NotificationView) => ({
  type: row.subject_type,
  id: row.subject_id,
  title: row.subject?.title ?? '',
  reference: row.subject?.reference ?? null,
  path: notificationSubjectPath(row.subject_type, row.subject_id),
});

function presentClearanceNotification(
  row: NotificationView,
  requestId: string,
): z.infer<typeof NotificationSchema> {
  const details = row.details as ClearanceNotificationDetails;
  return {
    id: row.id,
    kind: row.kind,
    subject: subjectOf(row),
    proposal: null,
    procedure: null,
    clearance: {
      id: requestId,
      reference: row.subject?.reference ?? details.reference,
      title: row.subject?.title ?? '',
      requestingState: details.requestingState,
      outcome: details.outcome ?? null,
      how: details.how ?? null,
      clearanceNumber: details.clearanceNumber ?? null,
      infoGiven: details.reason === 'info_given',
    },
    deadline: details.dueAt ?? null,
    state: details.state ?? null,
    stanceKind: null,
    points: [],
    result: null,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
}

export const PreferencesSchema = z
  .object({
    kinds: z
      .array(
        z.object({
          kind: z.string().openapi({ description: 'The kind, as a module declares it' }),
          enabled: z.boolean().openapi({ description: 'Shown in the app (the same as inApp)' }),
          inApp: z.boolean(),
          email: z.boolean().openapi({
            description: 'Chosen by e-mail (sent when e-mail is on and the person has an address)',
          }),
        }),
      )
      .openapi({ description: 'Every kind of notification, and how it reaches the person' }),
    disabled: z.array(z.string()).openapi({ description: 'The kinds not shown in the app' }),
    email: z
      .object({
        available: z
          .boolean()
          .openapi({ description: 'Whether this server sends e-mail (an SMTP server is set)' }),
        address: z
          .string()
          .nullable()
          .openapi({ description: "The person's e-mail address, null when none" }),
      })
      .openapi({ description: 'Where e-mails go, and whether they go at all' }),
  })
  .openapi('NotificationPreferences');

export function presentPreferences(
  choices: KindChoices,
  email: { available: boolean; address: string | null },
): z.infer<typeof PreferencesSchema> {
  return {
    kinds: kindNames().map((kind) => {
      const { inApp, email } = choices.get(kind)!;
      return { kind, enabled: inApp, inApp, email };
    }),
    disabled: kindNames().filter((kind) => !choices.get(kind)!.inApp),
    email,
  };
}

export const CalendarLinkSchema = z
  .object({
    url: z
      .string()
      .openapi({ description: 'The feed to subscribe to in a calendar app; works without a cookie' }),
    path: z.string().openapi({ example: '/api/calendar/<token>.ics' }),
    createdAt: z.string(),
  })
  .openapi('CalendarLink');

/** The path of a calendar feed. */
export const calendarPath = (token: string) => `/api/calendar/${token}.ics`;

export function presentCalendarLink(origin: string, link: { token: string; createdAt: Date }) {
  const path = calendarPath(link.token);
  return { url: `${origin}${path}`, path, createdAt: link.createdAt.toISOString() };
}
