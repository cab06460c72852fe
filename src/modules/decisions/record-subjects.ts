import { sql } from 'kysely';
import {
  type NotificationSubjectFacts,
  type NotificationSubjectSpec,
  type SubjectResolver,
  subjectUuids,
} from '../../core/module.ts';
import { decisionsVisibleTo, proposalsVisibleTo } from '../../policy/index.ts';

/**
 * The names and pages of the record's decision subjects, for the record page. One query per
 * type for all the ids asked, scoped by `proposalsVisibleTo` (decisions by
 * `decisionsVisibleTo`): a proposal, procedure or decision the reader may not read is left
 * out, so its name is never shown.
 */
export const decisionSubjects: Record<string, SubjectResolver> = {
  proposal: async (db, actor, ids) => {
    const wanted = subjectUuids(ids);
    if (wanted.length === 0) return new Map();
    const rows = await db
      .selectFrom('proposals')
      .select(['proposals.id', 'proposals.title'])
      .where('proposals.id', 'in', wanted)
      .where(proposalsVisibleTo(actor))
      .execute();
    return new Map(rows.map((r) => [r.id, { label: r.title, path: `/proposals/${r.id}` }]));
  },

  /** A procedure is shown by its proposal's title, and opens on the proposal's page. */
  procedure: async (db, actor, ids) => {
    const wanted = subjectUuids(ids);
    if (wanted.length === 0) return new Map();
    const rows = await db
      .selectFrom('procedures')
      .innerJoin('proposals', 'proposals.id', 'procedures.proposal_id')
      .select(['procedures.id', 'proposals.id as proposalId', 'proposals.title'])
      .where('procedures.id', 'in', wanted)
      .where(proposalsVisibleTo(actor))
      .execute();
    return new Map(rows.map((r) => [r.id, { label: r.title, path: `/proposals/${r.proposalId}` }]));
  },

  /** A decision by its number and title, e.g. "3/2026 Budget"; observers and partners name the published ones. */
  decision: async (db, actor, ids) => {
    const wanted = subjectUuids(ids);
    if (wanted.length === 0) return new Map();
    const rows = await db
      .selectFrom('decisions')
      .innerJoin('proposals', 'proposals.id', 'decisions.proposal_id')
      .select(['decisions.id', 'decisions.number', 'decisions.year', 'decisions.title'])
      .where('decisions.id', 'in', wanted)
      .where(decisionsVisibleTo(actor))
      .execute();
    return new Map(
      rows.map((r) => [r.id, { label: `${r.number}/${r.year} ${r.title}`, path: `/decisions/${r.id}` }]),
    );
  },
};

/**
 * The notifications about a proposal (procedures opened, silence broken, deadlines,
 * outcomes): told only while the person may still read the proposal (its classification
 * may have risen, its state may have left the body), named by its title.
 */
export const decisionNotificationSubjects: Record<string, NotificationSubjectSpec> = {
  proposal: {
    facts: (actor) => (eb) =>
      eb
        .selectFrom('proposals')
        .select(
          sql<NotificationSubjectFacts>`jsonb_build_object('title', proposals.title, 'reference', null, 'classification', proposals.classification)`.as(
            'facts',
          ),
        )
        .whereRef('proposals.id', '=', 'notifications.subject_id')
        .where(proposalsVisibleTo(actor))
        .$asScalar(),
    path: (id) => `/proposals/${id}`,
  },
};
