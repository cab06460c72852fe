import { sql, type Updateable } from 'kysely';
import { type Actor, actorLabel } from '../../core/actor.ts';
import { AppError, conflict, invalid, notFound } from '../../core/errors.ts';
import { publish } from '../../core/events.ts';
import type { Db } from '../../db/connect.ts';
import type { ReportRow, ReportStatus, ReportsTable } from '../../db/schema-reports.ts';
import { authorize, can } from '../../policy/index.ts';
import { appendEntry, canonicalJson, sha256Hex } from '../ledger/index.ts';
import { contentOf } from './content.ts';
import { columnsOf, contentProblem, loadReportSettings } from './content-check.ts';
import { loadMission } from './missions/commands.ts';
import type { ReportSubject } from './policy.ts';
import type { CorrectReportInput, CreateReportInput, ReportContent } from './schema.ts';

/** The report's next reference of the year: "R-2026-00042". */
async function nextReference(trx: Db, at: Date): Promise<string> {
  const year = at.getUTCFullYear();
  const result = await sql<{ last_number: number }>`
    insert into report_numbers (year, last_number) values (${year}, 1)
    on conflict (year) do update set last_number = report_numbers.last_number + 1
    returning last_number`.execute(trx);
  return `R-${year}-${String(result.rows[0].last_number).padStart(5, '0')}`;
}

/** The report as the rules see it. */
export const reportSubject = (row: ReportRow): ReportSubject => ({
  status: row.status,
  author_id: row.author_id,
  author_state: row.author_state?.trim() ?? null,
  classification: row.classification,
  published_to: row.published_to,
  protection: row.protection,
});

/** Loads a report FOR UPDATE: 404 when the actor may not read it (or it does not exist). */
export async function lockReport(trx: Db, actor: Actor, id: string): Promise<ReportRow> {
  const row = await trx.selectFrom('reports').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('report');
  authorize(actor, 'read', 'report', reportSubject(row), 'report');
  return row;
}

/** A report's content checked (400 naming the field) and turned into columns. */
async function contentColumns(trx: Db, actor: Actor, input: ReportContent, now: Date) {
  const settings = await loadReportSettings(trx);
  const problem = contentProblem(actor, input, now, settings);
  if (problem) throw invalid(problem.field, problem.reason);
  return columnsOf(input, settings);
}

/**
 * Who reads a report's entries in the record besides the secretariat: once published, every
 * member state (null); before, the author's state alone (none for a secretariat author).
 */
export const audienceOf = (row: Pick<ReportRow, 'status' | 'author_state'>) =>
  row.status === 'published' ? null : row.author_state ? [row.author_state.trim()] : [];

/** Keeps a version of the report as it now stands; answers its hash for the record. */
async function keepVersion(trx: Db, actor: Actor, row: ReportRow, reason: string | null, now: Date) {
  const snapshot = canonicalJson(contentOf(row));
  await trx
    .insertInto('report_versions')
    .values({
      report_id: row.id,
      version: row.version,
      snapshot,
      reason,
      changed_by_label: actorLabel(actor),
      changed_at: now,
    })
    .execute();
  return sha256Hex(snapshot);
}

const facts = (row: ReportRow, snapshotHash: string) => ({
  reference: row.reference,
  version: row.version,
  snapshotHash,
  category: row.category_code,
  region: row.region_code,
  occurredAt: new Date(row.occurred_at).toISOString(),
});

async function announce(
  trx: Db,
  actor: Actor,
  row: ReportRow,
  from: ReportStatus | null,
  before?: ReportRow,
) {
  await publish(trx, 'monitoring.report_changed', {
    at: new Date(row.updated_at),
    actorId: actor.kind === 'person' ? actor.id : null,
    reportId: row.id,
    reference: row.reference,
    from,
    status: row.status,
    regions: [...new Set([row.region_code, before?.region_code].filter((r): r is string => !!r))],
    categories: [...new Set([row.category_code, ...(before ? [before.category_code] : [])])],
    occurredAt: new Date(row.occurred_at),
    classification: row.classification,
  });
}

/**
 * The mission a report is filed for: the author must be its head or a member (400 naming
 * `mission` otherwise, and for a mission they may not read), and what it reports must have
 * happened within the mission's period.
 */
async function missionFor(trx: Db, actor: Actor, id: string, occurredAt: Date) {
  const mission = await loadMission(trx, actor, id).catch((e) => {
    throw e instanceof AppError && e.code === 'not_found'
      ? invalid('mission', 'is not a mission you may read')
      : e;
  });
  if (!can(actor, 'report', 'mission', mission.subject))
    throw invalid('mission', 'you are not a member of this mission');
  const day = occurredAt.toISOString().slice(0, 10);
  if (day < mission.row.from || day > mission.row.to)
    throw invalid('occurredAt', `is outside the mission's period (${mission.row.from} to ${mission.row.to})`);
  return id;
}

/** Files a report: a draft, or submitted for review at once. The author is the actor. */
export async function fileReport(trx: Db, actor: Actor, input: CreateReportInput, now = new Date()) {
  authorize(actor, 'file', 'reports', {}, 'report');
  const columns = await contentColumns(trx, actor, input, now);
  const person = actor.kind === 'person' ? actor : null;
  if (!person)
    throw invalid('author', 'a report is filed by a person (the console files none: name one with --as)');
  const mission = input.mission ? await missionFor(trx, person, input.mission, columns.occurred_at) : null;
  const status: ReportStatus = input.submit ? 'submitted' : 'draft';
  const row = await trx
    .insertInto('reports')
    .values({
      ...columns,
      reference: await nextReference(trx, now),
      status,
      author_id: person.id,
      author_label: person.displayName,
      author_state: person.affiliation === 'delegation' ? person.stateCode : null,
      reporter_role: mission
        ? 'mission_member'
        : person.affiliation === 'secretariat'
          ? 'monitor'
          : 'focal_point',
      mission_id: mission,
      created_at: now,
      updated_at: now,
      submitted_at: input.submit ? now : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const snapshotHash = await keepVersion(trx, actor, row, null, now);
  await appendEntry(trx, actor, {
    action: 'report.filed',
    subjectType: 'report',
    subjectId: row.id,
    classification: row.classification,
    audience: audienceOf(row),
    payload: { ...facts(row, snapshotHash), status: input.submit ? 'submitted' : 'draft' },
    at: now,
  });
  await announce(trx, actor, row, null);
  return row;
}

/**
 * Edits a draft or corrects a report: the whole content again, as a new version (every
 * version kept, as ACLED corrects its events in place). The change is made on the version
 * the caller saw (409 if another correction came first); once submitted, a reason is
 * required. The author's reporter identity never changes.
 */
export async function correctReport(
  trx: Db,
  actor: Actor,
  id: string,
  input: CorrectReportInput,
  now = new Date(),
) {
  const before = await lockReport(trx, actor, id);
  authorize(actor, 'correct', 'report', reportSubject(before), 'report');
  if (input.version !== before.version)
    throw conflict(
      `the report was changed since version ${input.version}: it is at version ${before.version}`,
      'version',
    );
  if (before.status !== 'draft' && !input.reason)
    throw invalid('reason', 'is required to correct a submitted report');
  const columns = await contentColumns(trx, actor, input, now);
  const row = await trx
    .updateTable('reports')
    .set({ ...columns, version: before.version + 1, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const snapshotHash = await keepVersion(trx, actor, row, input.reason ?? null, now);
  await appendEntry(trx, actor, {
    action: 'report.corrected',
    subjectType: 'report',
    subjectId: row.id,
    classification: Math.max(row.classification, before.classification),
    audience: audienceOf(row),
    payload: { ...facts(row, snapshotHash), reason: input.reason ?? null },
    at: now,
  });
  await announce(trx, actor, row, before.status, before);
  return row;
}

/** The review steps: the action the policy knows them by, and the statuses each leaves from. */
const STEPS = {
  submit: { rule: 'submit', from: ['draft'], to: 'submitted' },
  review: { rule: 'review', from: ['submitted'], to: 'under_review' },
  verify: { rule: 'review', from: ['submitted', 'under_review'], to: 'verified' },
  publish: { rule: 'publish', from: ['verified'], to: 'published' },
  archive: {
    rule: 'archive',
    from: ['draft', 'submitted', 'under_review', 'verified', 'published'],
    to: 'archived',
  },
} as const satisfies Record<string, { rule: string; from: readonly ReportStatus[]; to: ReportStatus }>;
export type ReportStep = keyof typeof STEPS;

const STATUS_WORDS: Record<ReportStatus, string> = {
  draft: 'a draft',
  submitted: 'submitted',
  under_review: 'under review',
  verified: 'verified',
  published: 'published',
  archived: 'archived',
};

/**
 * Moves a report on in review: submit (the author), start review, verify, publish (to the
 * members, or to the partners too), archive (with a reason). Nobody reviews their own report.
 * A step from the wrong status is a 409 naming where the report stands.
 */
export async function moveReport(
  trx: Db,
  actor: Actor,
  id: string,
  step: ReportStep,
  options: { to?: 'members' | 'partners'; reason?: string } = {},
  now = new Date(),
) {
  const before = await lockReport(trx, actor, id);
  const spec = STEPS[step];
  authorize(actor, spec.rule, 'report', reportSubject(before), 'report');
  if (!(spec.from as readonly ReportStatus[]).includes(before.status))
    throw conflict(
      `the report is ${STATUS_WORDS[before.status]}: it cannot be ${step === 'review' ? 'taken into review' : `${STATUS_WORDS[spec.to]}`} now`,
      'status',
    );
  if (step === 'archive' && !options.reason) throw invalid('reason', 'is required to archive a report');
  const label = actorLabel(actor);
  const changes: Updateable<ReportsTable> = { status: spec.to, updated_at: now };
  if (step === 'submit') changes.submitted_at = now;
  if (step === 'review') Object.assign(changes, { review_started_at: now, reviewer_label: label });
  if (step === 'verify') Object.assign(changes, { verified_at: now, reviewer_label: label });
  if (step === 'publish')
    Object.assign(changes, { published_at: now, published_to: options.to ?? 'members' });
  if (step === 'archive')
    Object.assign(changes, {
      archived_at: now,
      archive_reason: options.reason,
      published_to: null,
      published_at: null,
    });
  const row = await trx
    .updateTable('reports')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEntry(trx, actor, {
    action: 'report.status_changed',
    subjectType: 'report',
    subjectId: row.id,
    classification: row.classification,
    // Archiving what was published stays readable by those who read the publication.
    audience: before.status === 'published' ? null : audienceOf(row),
    payload: {
      reference: row.reference,
      version: row.version,
      from: before.status,
      to: row.status,
      publishedTo: row.published_to,
      reason: options.reason ?? null,
    },
    at: now,
  });
  await announce(trx, actor, row, before.status);
  return row;
}

/**
 * Marks a report as a duplicate of another: archived, pointing at the report kept (which must
 * be readable, not archived, and not itself a duplicate). Indicators count the kept one only.
 */
export async function mergeReport(
  trx: Db,
  actor: Actor,
  id: string,
  input: { into: string; reason: string },
  now = new Date(),
) {
  if (input.into === id) throw invalid('into', 'is the report itself');
  // Both rows locked by one statement in the order of their ids, so crossed merges cannot deadlock.
  const rows = await trx
    .selectFrom('reports')
    .selectAll()
    .where('id', 'in', [id, input.into])
    .orderBy('id')
    .forUpdate()
    .execute();
  const before = rows.find((r) => r.id === id);
  if (!before) throw notFound('report');
  authorize(actor, 'read', 'report', reportSubject(before), 'report');
  const kept = rows.find((r) => r.id === input.into);
  if (!kept || !can(actor, 'read', 'report', reportSubject(kept)))
    throw invalid('into', 'is not a report you may read');
  authorize(actor, 'merge', 'report', reportSubject(before), 'report');
  if (before.status === 'draft' || before.status === 'archived')
    throw conflict(
      `the report is ${STATUS_WORDS[before.status]}: only a submitted report is merged`,
      'status',
    );
  if (kept.status === 'draft' || kept.status === 'archived')
    throw invalid('into', `is ${STATUS_WORDS[kept.status]}: merge into a report that stays`);
  const row = await trx
    .updateTable('reports')
    .set({
      status: 'archived',
      duplicate_of: kept.id,
      archived_at: now,
      archive_reason: input.reason || `duplicate of ${kept.reference}`,
      published_to: null,
      published_at: null,
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEntry(trx, actor, {
    action: 'report.merged',
    subjectType: 'report',
    subjectId: row.id,
    classification: Math.max(row.classification, kept.classification),
    audience: before.status === 'published' ? null : audienceOf(row),
    payload: { reference: row.reference, into: kept.id, intoReference: kept.reference, reason: input.reason },
    at: now,
  });
  await announce(trx, actor, row, before.status);
  return row;
}
