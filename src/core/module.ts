import type { Command } from 'commander';
import type { Expression, ExpressionBuilder } from 'kysely';
import type { z } from 'zod';
import type { Config } from '../config.ts';
import type { Db, DbHandle } from '../db/connect.ts';
import type { Database, Locale } from '../db/schema.ts';
import type { App } from '../http/env.ts';
import type { Actor, Person } from './actor.ts';
import type { EventSubscriptions } from './events.ts';

/**
 * What a domain module brings to Accord. Each module's `index.ts` exports one of these,
 * and `src/modules/index.ts` lists them: the HTTP app, the server's runners, the CLI,
 * the policy, the record's action kinds, the notification kinds, the event subscriptions,
 * the demo, the home page and the record's subject names are all assembled from that list
 * (`src/platform.ts`). Nothing outside a module's own folders names its parts.
 *
 * @example
 * export const webhooksModule = defineModule({
 *   name: 'webhooks',
 *   routes: registerWebhookRoutes,
 *   policy: webhookRules,
 *   ledgerActions: { 'webhook.created': WebhookCreated },
 *   runners: (handle, config) => [new WebhookRunner(handle, { allowHosts: config.webhookAllowHosts })],
 *   cli: registerWebhookCommands,
 * });
 */
export interface AccordModule {
  /** Folder name under src/modules, and the prefix of its record actions. */
  name: string;
  /** Middleware for every /api request, installed before any module's routes (authentication). */
  middleware?: (app: App) => void;
  /** Registers the module's HTTP routes (thin: validate, transaction, command, present). */
  routes?: (app: App) => void;
  /** Paths answered without a signed-in person (GET/HEAD unless the method says otherwise). */
  publicPaths?: PublicPath[];
  /** Policy rules per subject kind, merged into the one `authorize` (default deny). */
  policy?: PolicyRules;
  /**
   * The kinds of record entries the module writes: each action with the zod schema of its
   * payload, and a one-line description (shown by `accord ledger actions` and the API).
   */
  ledgerActions?: Record<string, LedgerActionSpec>;
  /** The kinds of notification the module sends (each person may turn each one off), with their e-mail words. */
  notificationKinds?: Record<string, NotificationKindSpec>;
  /**
   * The subject types of the module's notifications (`subject_type`): who may still be told
   * of one, and what a notification names it by. The notifications module reads no table of
   * another module's but through these.
   */
  notificationSubjects?: Record<string, NotificationSubjectSpec>;
  /**
   * The event kinds a member state's webhook may subscribe to, sent when the module
   * publishes a domain event carrying a `webhook` message (src/core/events.ts).
   */
  webhookEvents?: Record<string, WebhookEventSpec>;
  /**
   * Handlers of domain events, run inside the publishing transaction: another module's
   * events, or the module's own (its notifications, worded apart from the engine).
   */
  subscriptions?: EventSubscriptions;
  /**
   * Brings the database in step with what the module declares in code, run after the
   * migrations under their lock (e.g. the CHECK listing the notification kinds the modules
   * declare). Idempotent, and cheap when nothing changed.
   */
  prepare?: (db: Db) => Promise<void>;
  /** Background work due at instants (deadlines, reminders, deliveries): started by `accord serve`. */
  runners?: (handle: DbHandle, config: Config) => Runner[];
  /** `accord <command>`s of the module. */
  cli?: (program: Command) => void;
  /** Loads the module's demo data on a fresh demo database; answers a line for the log, or null. */
  demo?: DemoLoader;
  /** What waits on the signed-in person (home page), newest or most urgent first. */
  attention?: (db: Db, person: Person, now: Date) => Promise<AttentionItem[]>;
  /** What closed recently that the person may read (home page). */
  recent?: (db: Db, person: Person, since: Date) => Promise<AttentionItem[]>;
  /** Names and links of the module's record subjects, by subject type (the record page). */
  subjects?: Record<string, SubjectResolver>;
  /**
   * The person's open deadlines the module knows of, for their calendar feed (iCalendar):
   * procedures closing, legs their state must decide... Worded in the person's language.
   */
  calendar?: (db: Db, person: Person, now: Date) => Promise<CalendarEvent[]>;
}

/** One deadline in a person's calendar feed (a VEVENT). */
export interface CalendarEvent {
  /** Stable per subject, so a calendar app updates the event when the deadline moves: "procedure-<id>". */
  uid: string;
  /** The deadline (DTSTART, a UTC instant). */
  start: Date;
  /** Bumped when the deadline moved (RFC 5545 SEQUENCE): the newer event supersedes the first. */
  sequence: number;
  /** One line in the person's language: "Silence procedure ends: Border protocol". */
  summary: string;
  /** The web path that opens the subject ("/proposals/<id>"). */
  path: string;
}

export interface PublicPath {
  method?: 'GET' | 'POST';
  /** An exact path, or a pattern matched against the whole path. */
  path: string | RegExp;
}

/** A rule: whether the actor may do the action to the subject. */
export type PolicyRule<T = never> = (actor: Actor, subject: T) => boolean;
/** Subject kind -> action -> rule. */
export type PolicyRules = Record<string, Record<string, PolicyRule<never>>>;

export interface LedgerActionSpec {
  description: string;
  payload: z.ZodType;
  /**
   * No longer written: still declared so the entries written before read and verify (the
   * record is append-only). E.g. `auth.sign_in_failed`, retired by migration 0015.
   */
  retired?: true;
}

export interface NotificationKindSpec {
  description: string;
  /** What an e-mail of the kind says, in each language. */
  email: Record<Locale, NotificationEmailWords>;
}

/** A kind's e-mail in one language. */
export interface NotificationEmailWords {
  /** The kind's short name, as the account page names it (the footer: "you chose e-mail for …"). */
  name: string;
  /**
   * The subject line (without the "Accord:" prefix) and the lines of the body, from the
   * notification's facts. A method, so a module may type the details it wrote itself.
   */
  text(facts: EmailFacts): EmailText;
}

/** What a kind's e-mail is written from (the notifications module fills it in when it sends). */
export interface EmailFacts<Details = unknown> {
  /** The subject as its module names it (`notificationSubjects[type].facts`). */
  subject: NotificationSubjectFacts;
  /** The facts the sending module wrote with the notification. */
  details: Details;
  /** An instant for the reader, in the organisation's zone: "29 Mar 2026, 10:00 (Europe/Moscow, UTC+03:00)". */
  when(iso: string): string;
  /** A member state's name in the reader's language, from its code. */
  state(code: string | null | undefined): string;
}

/** A kind's subject line (without the "Accord:" prefix) and the lines of its body. */
export interface EmailText {
  subject: string;
  lines: string[];
}

/** What a notification names its subject by, read when it is listed or sent. */
export interface NotificationSubjectFacts {
  title: string;
  /** A reference when the subject has one ("BY-2026-0042"), else null. */
  reference: string | null;
  /** Its classification now (0 public .. 3 secret): above the mail's level, an e-mail says only that something waits. */
  classification: number;
}

/** The notifications about one subject type, as the module that owns the type declares them. */
export interface NotificationSubjectSpec {
  /**
   * A scalar subquery on the module's own table, correlated on `notifications.subject_id`:
   * the subject's facts as a JSON object (`jsonb_build_object('title', ..., 'reference', ...,
   * 'classification', ...)`) when it exists and the actor may still be told of it, else no
   * row (null): then the notification is not listed, counted or e-mailed. One expression for
   * both, so what a list shows and what it lets through cannot drift apart; a scalar
   * subquery stays a lookup by primary key per notification (an EXISTS under the OR of the
   * types would let the planner hash the whole table).
   */
  facts(
    actor: Actor,
  ): (eb: ExpressionBuilder<Database, 'notifications'>) => Expression<NotificationSubjectFacts | null>;
  /** The web path that opens the subject: "/proposals/<id>". */
  path(id: string): string;
}

export interface WebhookEventSpec {
  description: string;
}

export interface Runner {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface DemoLoader {
  /** Lower loads first (a module's demo may rely on another's). */
  order: number;
  load(handle: DbHandle): Promise<string | null>;
}

/** One line on the home page: something that waits on the person, or that closed recently. */
export interface AttentionItem {
  /** The module and kind, e.g. "decisions.stance_due"; the UI words it in the reader's language. */
  kind: string;
  subjectType: string;
  subjectId: string;
  /** A short name of the subject in its own words (a reference, a title). */
  title: string;
  /** The web path that opens it. */
  path: string;
  /** When it must be done by, if it has a deadline (ISO). */
  dueAt?: string | null;
  /** When it happened (recent items), ISO. */
  at?: string | null;
  /** Facts the UI words (the state concerned, the result...). */
  details?: Record<string, string | number | boolean | null>;
}

/** The name and web path of subjects of one type, by id; missing ids are unknown or unreadable. */
export type SubjectResolver = (
  db: Db,
  actor: Actor,
  ids: string[],
) => Promise<Map<string, { label: string; path: string | null }>>;

/** Declares a module (an identity function, for the types). */
export const defineModule = (module: AccordModule): AccordModule => module;

/** A UUID, as most subjects' ids are. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The ids a resolver may look up: UUIDs, each once. Anything else names nothing (and must not
 * reach a uuid column, where PostgreSQL would refuse the whole statement).
 */
export const subjectUuids = (ids: string[]) => [...new Set(ids.filter((id) => UUID_PATTERN.test(id)))];
