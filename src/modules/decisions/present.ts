import { z } from '@hono/zod-openapi';
import { type Actor, CLASSIFICATIONS, classificationName } from '../../core/actor.ts';
import type { ProcedureRow, ProposalVersionRow } from '../../db/schema.ts';
import { can } from '../../policy/index.ts';
import { AttachmentSchema, presentAttachment } from '../attachments/index.ts';
import { diffLines, versionDocument } from './diff.ts';
import { isDecided } from './load.ts';
import { PROCEDURE_KINDS, STANCE_KINDS } from './outcome.ts';
import { closableNow } from './procedures.ts';
import type { ProposalListRow, ProposalView } from './queries.ts';
import { PROPOSAL_STATUSES } from './schema.ts';
import { type PolicyContext, proposalSubject } from './subjects.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export const PointSchema = z.object({ key: z.string(), text: z.string() }).openapi('Point');

export const ProposalAbilities = z
  .object({ edit: z.boolean(), openProcedure: z.boolean(), close: z.boolean() })
  .openapi('ProposalAbilities');

const Author = z.object({ kind: z.enum(['delegation', 'secretariat']), state: z.string().nullable() });
const ProcedureSummary = z
  .object({
    id: z.string().uuid(),
    kind: z.enum(PROCEDURE_KINDS),
    version: z.number().int(),
    status: z.enum(['open', 'closed']),
    deadline: z.string().nullable(),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    result: z.enum(['adopted', 'partially_adopted', 'not_adopted']).nullable(),
  })
  .openapi('ProcedureSummary');
const DecisionRef = z.object({
  id: z.string().uuid(),
  number: z.number().int(),
  year: z.number().int(),
  label: z.string(),
});

export const ProposalListItemSchema = z
  .object({
    id: z.string().uuid(),
    body: z.string(),
    title: z.string(),
    classification: z.enum(CLASSIFICATIONS),
    status: z.enum(PROPOSAL_STATUSES),
    priority: z.string().nullable(),
    author: Author,
    latestVersion: z.number().int(),
    openProcedure: z
      .object({ id: z.string().uuid(), kind: z.enum(PROCEDURE_KINDS), deadline: z.string().nullable() })
      .nullable(),
    decision: DecisionRef.nullable(),
    updatedAt: z.string(),
    abilities: ProposalAbilities,
  })
  .openapi('ProposalListItem');

export const VersionInfoSchema = z
  .object({
    version: z.number().int(),
    title: z.string(),
    origin: z.enum(['draft', 'edit', 'amendment']),
    originState: z.string().nullable(),
    originProcedureId: z.string().uuid().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('VersionInfo');

export const ProposalSchema = ProposalListItemSchema.extend({
  text: z.string(),
  points: z.array(PointSchema),
  createdAt: z.string(),
  versions: z.array(VersionInfoSchema),
  procedures: z.array(ProcedureSummary),
  attachments: z.array(AttachmentSchema),
}).openapi('Proposal');

export const VersionSchema = VersionInfoSchema.extend({
  proposalId: z.string().uuid(),
  text: z.string(),
  points: z.array(PointSchema),
}).openapi('ProposalVersion');

export const DiffSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    lines: z.array(
      z.object({
        op: z.enum(['same', 'added', 'removed']),
        text: z.string(),
        from: z.number().int().nullable(),
        to: z.number().int().nullable(),
      }),
    ),
  })
  .openapi('VersionDiff');

const author = (state: string | null) => ({
  kind: state ? ('delegation' as const) : ('secretariat' as const),
  state: state?.trim() ?? null,
});
const decisionRef = (d: { id: string; number: number; year: number } | null) =>
  d ? { id: d.id, number: d.number, year: d.year, label: `No. ${d.number}, ${d.year}` } : null;

/** What the actor may do with a proposal now: the policy, and the proposal's state. */
function proposalAbilities(
  actor: Actor,
  ctx: PolicyContext,
  row: ProposalListRow | ProposalView['row'],
  open: { closable: boolean } | null,
) {
  const subject = proposalSubject(ctx, row);
  const settled = isDecided(row);
  return {
    edit: can(actor, 'edit', 'proposal', subject) && !settled && row.status !== 'open',
    openProcedure: can(actor, 'openProcedure', 'proposal', subject) && !settled && row.status !== 'open',
    close: can(actor, 'close', 'proposal', subject) && !!open?.closable,
  };
}

/** A proposal in a list. */
export function presentProposalListItem(
  row: ProposalListRow,
  actor: Actor,
  ctx: PolicyContext,
  now = new Date(),
): z.infer<typeof ProposalListItemSchema> {
  const open = row.procedure_id
    ? { id: row.procedure_id, kind: row.procedure_kind!, deadline: iso(row.deadline) }
    : null;
  const closable =
    !!open &&
    (open.kind === 'meeting_consensus' ||
      (row.deadline !== null && new Date(row.deadline).getTime() <= now.getTime()));
  return {
    id: row.id,
    body: row.body_code,
    title: row.title,
    classification: classificationName(row.classification),
    status: row.status,
    priority: row.priority_code,
    author: author(row.author_state),
    latestVersion: row.latest_version,
    openProcedure: open,
    decision:
      row.decision_id && row.decision_number && row.decision_year
        ? decisionRef({ id: row.decision_id, number: row.decision_number, year: row.decision_year })
        : null,
    updatedAt: row.updated_at.toISOString(),
    abilities: proposalAbilities(actor, ctx, row, open ? { closable } : null),
  };
}

export function presentProcedureSummary(p: ProcedureRow): z.infer<typeof ProcedureSummary> {
  return {
    id: p.id,
    kind: p.kind,
    version: p.version,
    status: p.status,
    deadline: iso(p.deadline),
    openedAt: p.opened_at.toISOString(),
    closedAt: iso(p.closed_at),
    result: p.result,
  };
}

/** A proposal's page: its latest text and points, versions, procedures and decision. */
export function presentProposal(
  view: ProposalView,
  actor: Actor,
  now = new Date(),
): z.infer<typeof ProposalSchema> {
  const { row, version, open } = view;
  return {
    id: row.id,
    body: row.body_code,
    title: row.title,
    classification: classificationName(row.classification),
    status: row.status,
    priority: row.priority_code,
    author: author(row.author_state),
    latestVersion: row.latest_version,
    openProcedure: open ? { id: open.id, kind: open.kind, deadline: iso(open.deadline) } : null,
    decision: decisionRef(view.decision),
    updatedAt: row.updated_at.toISOString(),
    abilities: proposalAbilities(
      actor,
      view.ctx,
      row,
      open ? { closable: closableNow(open, view.allAnswered, now) } : null,
    ),
    text: version.text,
    points: version.points,
    createdAt: row.created_at.toISOString(),
    versions: view.versions.map((v) => ({
      version: v.version,
      title: v.title,
      origin: v.origin,
      originState: v.origin_state?.trim() ?? null,
      originProcedureId: v.origin_procedure_id,
      createdBy: v.created_by_label,
      createdAt: v.created_at.toISOString(),
    })),
    procedures: view.procedures.map(presentProcedureSummary),
    attachments: view.attachments.map(presentAttachment),
  };
}

export function presentVersion(v: ProposalVersionRow): z.infer<typeof VersionSchema> {
  return {
    proposalId: v.proposal_id,
    version: v.version,
    title: v.title,
    text: v.text,
    points: v.points,
    origin: v.origin,
    originState: v.origin_state?.trim() ?? null,
    originProcedureId: v.origin_procedure_id,
    createdBy: v.created_by_label,
    createdAt: v.created_at.toISOString(),
  };
}

/** A readable line diff between two versions (title, text, then the points). */
export function presentDiff(from: ProposalVersionRow, to: ProposalVersionRow): z.infer<typeof DiffSchema> {
  return { from: from.version, to: to.version, lines: diffLines(versionDocument(from), versionDocument(to)) };
}

export const StanceKindSchema = z.enum(STANCE_KINDS);
