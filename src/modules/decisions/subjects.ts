import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { ProcedureRow, ProposalRow } from '../../db/schema.ts';
import { authorisedDelegates } from '../delegations/index.ts';
import type { ProcedureSubject, ProposalSubject } from './policy.ts';

/**
 * What the policy needs to know around a proposal or a procedure: which states sit in
 * the body, which state presides, which delegates may answer. Loaded here, once per
 * request, so the rules in src/policy stay pure.
 */
export interface PolicyContext {
  bodyStates: Map<string, string[]>;
  presidencyState: string | null;
}

/** The states sitting in each body (in the directory's order) and the presiding state. */
export async function loadPolicyContext(db: Db): Promise<PolicyContext> {
  const [members, presidency] = await Promise.all([
    db
      .selectFrom('body_members')
      .innerJoin('member_states', 'member_states.code', 'body_members.state_code')
      .select(['body_members.body_code', 'body_members.state_code'])
      .orderBy('member_states.position')
      .orderBy('member_states.code')
      .execute(),
    db
      .selectFrom('presidencies')
      .select('state_code')
      .orderBy('starts_on', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);
  const bodyStates = new Map<string, string[]>();
  for (const m of members) {
    const list = bodyStates.get(m.body_code) ?? [];
    list.push(m.state_code.trim());
    bodyStates.set(m.body_code, list);
  }
  return { bodyStates, presidencyState: presidency?.state_code.trim() ?? null };
}

/**
 * The context around one proposal as columns of the query that loads it, so that a
 * command reads the row and what the policy needs in one round trip: the states of the
 * proposal's body (in the directory's order) and the presiding state. Select them from
 * `proposals`; `contextOf` turns them back into a `PolicyContext`.
 */
export const policyContextColumns = {
  bodyStates: sql<string[]>`array(
    select bm.state_code::text from body_members bm
    join member_states ms on ms.code = bm.state_code
    where bm.body_code = proposals.body_code
    order by ms.position, ms.code)`,
  presidencyState: sql<
    string | null
  >`(select p.state_code::text from presidencies p order by p.starts_on desc limit 1)`,
};

/** A `PolicyContext` that knows one body: what `policyContextColumns` selected with its proposal. */
export function contextOf(
  bodyCode: string,
  bodyStates: string[],
  presidencyState: string | null,
): PolicyContext {
  return {
    bodyStates: new Map([[bodyCode, bodyStates.map((s) => s.trim())]]),
    presidencyState: presidencyState?.trim() ?? null,
  };
}

/** The delegates authorised to answer for the states eligible in a procedure, as a column selected from `procedures`. */
export const authorisedDelegatesColumn = sql<string[]>`array(
  select da.user_id::text from delegate_authorisations da where da.state_code = any(procedures.eligible))`;

export function proposalSubject(
  ctx: PolicyContext,
  row: Pick<ProposalRow, 'classification' | 'body_code' | 'author_state'>,
): ProposalSubject {
  return {
    classification: row.classification,
    bodyStates: ctx.bodyStates.get(row.body_code) ?? [],
    authorState: row.author_state?.trim() ?? null,
    presidencyState: ctx.presidencyState,
  };
}

export function procedureSubject(
  proposal: ProposalSubject,
  row: Pick<ProcedureRow, 'kind' | 'eligible'>,
  delegates: string[],
): ProcedureSubject {
  return { proposal, kind: row.kind, eligible: row.eligible, authorisedDelegates: delegates };
}

/** The subject of a procedure, loading what it needs. */
export async function loadProcedureSubject(
  db: Db,
  ctx: PolicyContext,
  proposal: Pick<ProposalRow, 'classification' | 'body_code' | 'author_state'>,
  row: Pick<ProcedureRow, 'kind' | 'eligible'>,
): Promise<ProcedureSubject> {
  return procedureSubject(proposalSubject(ctx, proposal), row, await authorisedDelegates(db, row.eligible));
}

/** Who besides the secretariat reads the record entries about a proposal: the states of its body. */
export const audienceOf = (subject: ProposalSubject) => subject.bodyStates;
