import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Actor, Person } from '../../core/actor.ts';
import type { Database } from '../../db/schema.ts';
import type { ReportStatus } from '../../db/schema-reports.ts';
import type { PolicyRulesFor } from '../../policy/index.ts';
import {
  isAdmin,
  isMemberDelegation,
  isObserver,
  isPerson,
  isSecretariat,
  isSystem,
  withinAccessLevel,
} from '../../policy/predicates.ts';

/** What the rules need to know of a report. */
export interface ReportSubject {
  status: ReportStatus;
  author_id: string;
  author_state: string | null;
  classification: number;
  published_to: 'members' | 'partners' | null;
  protection: number | null;
}

/** A collection of reports: the state that keeps it, or the secretariat (null). */
export interface ReportCollectionSubject {
  owner_state: string | null;
}

/** An observation mission: who leads it, who is in it, how it is classified. */
export interface MissionSubject {
  head_id: string;
  members: string[];
  classification: number;
}

declare module '../../policy/index.ts' {
  interface Subjects {
    mission: MissionSubject;
    /** Creating missions (no mission yet). */
    missions: Record<string, never>;
    /** A report from the field: its author, state, status, classification and audience. */
    report: ReportSubject;
    /** Creating reports (no report yet): who may file one. */
    reports: Record<string, never>;
    reportCollection: ReportCollectionSubject;
  }
}

/**
 * Who files reports: the secretariat's monitors and the member delegations' people
 * (national focal points); never an observer.
 */
const files = (a: Actor) =>
  isSystem(a) || (isPerson(a) && !isObserver(a) && (isSecretariat(a) || isMemberDelegation(a)));
const isAuthor = (a: Actor, r: ReportSubject) => isPerson(a) && a.id === r.author_id;
/** The author's own delegation reads its state's reports at every stage but another person's draft. */
const ofOwnState = (a: Actor, r: ReportSubject) =>
  isMemberDelegation(a) && r.author_state !== null && (a as Person).stateCode === r.author_state;
/** Published to the members (or to the partners too), and the reader is one of them. */
const publishedTo = (a: Actor, r: ReportSubject) =>
  r.status === 'published' &&
  ((r.published_to !== null && isMemberDelegation(a) && !isObserver(a)) ||
    (r.published_to === 'partners' && isPerson(a) && (a.affiliation === 'partner' || isObserver(a))));
/** The secretariat's monitors review: every report once submitted. */
const reviews = (a: Actor) => isSystem(a) || (isPerson(a) && isSecretariat(a) && !isObserver(a));

/** Reads a report: within the access level, and its author, its state, the reviewers, or those it was published to. */
const reads = (a: Actor, r: ReportSubject) =>
  withinAccessLevel(a, r.classification) &&
  (isSystem(a) ||
    isAuthor(a, r) ||
    (r.status !== 'draft' && (reviews(a) || ofOwnState(a, r) || publishedTo(a, r))));

const REVIEWABLE: ReportStatus[] = ['submitted', 'under_review', 'verified', 'published'];

/** Reads a mission: the secretariat and the member delegations, within their access level. */
const readsMission = (a: Actor, m: MissionSubject) =>
  withinAccessLevel(a, m.classification) &&
  (isSystem(a) || (isPerson(a) && !isObserver(a) && (isSecretariat(a) || isMemberDelegation(a))));
const inMission = (a: Actor, m: MissionSubject) =>
  isPerson(a) && (a.id === m.head_id || m.members.includes(a.id));

/**
 * Who corrects a report: the author edits a draft, and corrects what they submitted until
 * review starts; after that only the reviewers (every version kept). Who corrects must see
 * what protection withholds, or they would overwrite it unseen.
 */
const corrects = (a: Actor, r: ReportSubject) =>
  reads(a, r) &&
  seesProtectedReport(a, r) &&
  ((isAuthor(a, r) && (r.status === 'draft' || r.status === 'submitted')) ||
    (reviews(a) && REVIEWABLE.includes(r.status)));

export const monitoringRules: PolicyRulesFor<
  'report' | 'reports' | 'reportCollection' | 'mission' | 'missions'
> = {
  missions: {
    read: (a) =>
      isSystem(a) || (isPerson(a) && !isObserver(a) && (isSecretariat(a) || isMemberDelegation(a))),
    // The secretariat's administrators set missions up (the mandate is the council's decision).
    create: (a) => isAdmin(a),
  },
  mission: {
    read: readsMission,
    manage: (a, m) => readsMission(a, m) && isAdmin(a),
    // Its head and members file reports for it.
    report: (a, m) => readsMission(a, m) && inMission(a, m),
    // The head of mission approves the daily report.
    approveDaily: (a, m) => readsMission(a, m) && isPerson(a) && a.id === m.head_id,
  },
  reports: {
    file: (a) => files(a),
  },
  report: {
    read: reads,
    correct: corrects,
    // Files (photographs, statements) go with the text: whoever may correct it adds and removes them.
    attach: corrects,
    submit: (a, r) => isAuthor(a, r) && r.status === 'draft',
    // Four eyes: nobody reviews, verifies or publishes their own report.
    review: (a, r) => reads(a, r) && reviews(a) && !isAuthor(a, r),
    publish: (a, r) => reads(a, r) && reviews(a) && !isAuthor(a, r),
    // The author withdraws their own draft or submission; the reviewers archive any report.
    archive: (a, r) =>
      reads(a, r) &&
      ((isAuthor(a, r) && (r.status === 'draft' || r.status === 'submitted')) ||
        (reviews(a) && r.status !== 'draft')),
    merge: (a, r) => reads(a, r) && reviews(a),
    collect: (a, r) => reads(a, r) && r.status !== 'draft' && (reviews(a) || isMemberDelegation(a)),
  },
  reportCollection: {
    read: (a) =>
      isSystem(a) || (isPerson(a) && !isObserver(a) && (isSecretariat(a) || isMemberDelegation(a))),
    manage: (a, c) =>
      isSystem(a) ||
      (isPerson(a) &&
        !isObserver(a) &&
        (c.owner_state === null ? isSecretariat(a) : isMemberDelegation(a) && a.stateCode === c.owner_state)),
  },
};

type Eb = ExpressionBuilder<Database, 'reports'>;
const TRUE = sql<SqlBool>`true`;
const FALSE = sql<SqlBool>`false`;

/** WHERE condition: the reports the actor may read. Mirrors `report.read`; tests hold the two in step. */
export function reportsVisibleTo(actor: Actor) {
  return (eb: Eb): Expression<SqlBool> => {
    if (isSystem(actor)) return TRUE;
    if (!isPerson(actor)) return FALSE;
    const withinLevel = eb('reports.classification', '<=', actor.accessLevel);
    const own = eb('reports.author_id', '=', actor.id);
    const submitted = eb('reports.status', '<>', 'draft');
    const readers: Expression<SqlBool>[] = [own];
    if (reviews(actor)) readers.push(submitted);
    else if (isMemberDelegation(actor) && !isObserver(actor) && actor.stateCode) {
      readers.push(eb.and([submitted, eb('reports.author_state', '=', actor.stateCode)]));
      readers.push(eb('reports.status', '=', 'published'));
    } else if (actor.affiliation === 'partner' || isObserver(actor)) {
      readers.push(
        eb.and([eb('reports.status', '=', 'published'), eb('reports.published_to', '=', 'partners')]),
      );
    }
    return eb.and([withinLevel, eb.or(readers)]);
  };
}

/**
 * SQL: whether the reader is shown the report's reporter and exact place: the report sets no
 * protection, the reader's access level reaches it, or the reader wrote it.
 */
export function seesProtected(actor: Actor) {
  return (eb: Eb): Expression<SqlBool> => {
    if (isSystem(actor)) return TRUE;
    if (!isPerson(actor)) return FALSE;
    return eb.or([
      eb('reports.protection', 'is', null),
      eb('reports.protection', '<=', actor.accessLevel),
      eb('reports.author_id', '=', actor.id),
    ]);
  };
}

/** Whether the reader is shown the reporter and exact place of a loaded report (mirrors `seesProtected`). */
export const seesProtectedReport = (a: Actor, r: { protection: number | null; author_id: string }) =>
  isSystem(a) ||
  r.protection === null ||
  (isPerson(a) && (a.accessLevel >= r.protection || a.id === r.author_id));
