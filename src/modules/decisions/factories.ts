import { type Actor, personFromRow, systemActor } from '../../core/actor.ts';
import type { DbHandle } from '../../db/connect.ts';
import type { ProcedureRow, ProposalRow, UserRow } from '../../db/schema.ts';
import type { StanceKind } from './outcome.ts';
import { openProcedure } from './procedures.ts';
import { createProposal } from './proposals.ts';
import { CreateProposalInput, OpenProcedureInput } from './schema.ts';
import { giveStances } from './stances.ts';

/** Test factories for the decisions module; each creates what it needs and is missing. */

const asActor = (who: UserRow | Actor | undefined): Actor =>
  who === undefined ? systemActor('test') : 'kind' in who ? who : personFromRow(who);

export { buildDecisionPeople, type DecisionPeople } from '../../testing/people.ts';

export interface ProposalSpec {
  by?: UserRow | Actor;
  body?: string;
  title?: string;
  text?: string;
  classification?: 'public' | 'restricted' | 'confidential' | 'secret';
  points?: string[];
  priority?: string | null;
}

/** A draft proposal (the console writes it, for the secretariat, unless `by` says otherwise). */
export function buildProposal(handle: DbHandle, spec: ProposalSpec = {}): Promise<ProposalRow> {
  const input = CreateProposalInput.parse({
    body: spec.body ?? 'council',
    title: spec.title ?? 'A proposal',
    text: spec.text ?? 'The council decides:',
    classification: spec.classification ?? 'public',
    priority: spec.priority ?? null,
    points: (spec.points ?? ['First point', 'Second point']).map((text) => ({ text })),
  });
  return handle.db.transaction().execute((trx) => createProposal(trx, asActor(spec.by), input));
}

export interface ProcedureSpec extends Partial<Omit<OpenProcedureInput, 'deadline'>> {
  proposal?: ProposalRow | ProposalSpec;
  /** The deadline, or milliseconds from now. */
  deadline?: Date | number | null;
  chair?: UserRow | Actor;
  now?: Date;
}

/** An open procedure on a proposal (made if not given), opened by the console as chair. */
export async function buildProcedure(handle: DbHandle, spec: ProcedureSpec = {}): Promise<ProcedureRow> {
  const proposal =
    spec.proposal && 'id' in spec.proposal ? spec.proposal : await buildProposal(handle, spec.proposal ?? {});
  const kind = spec.kind ?? 'silence';
  const now = spec.now ?? new Date();
  const deadline =
    spec.deadline === null
      ? undefined
      : typeof spec.deadline === 'number'
        ? new Date(now.getTime() + spec.deadline)
        : (spec.deadline ?? (kind === 'meeting_consensus' ? undefined : new Date(now.getTime() + 3_600_000)));
  const { proposal: _p, chair, deadline: _d, now: _n, ...rest } = spec;
  const input = OpenProcedureInput.parse({ ...rest, kind, deadline: deadline?.toISOString() });
  return handle.db
    .transaction()
    .execute((trx) => openProcedure(trx, asActor(chair), proposal.id, input, now));
}

/** Stances of one person's state on the given points (all points of the procedure by default). */
export function buildStances(
  handle: DbHandle,
  who: UserRow | Actor,
  procedure: ProcedureRow,
  kind: StanceKind,
  opts: { points?: string[]; text?: string; state?: string; now?: Date } = {},
) {
  const stances = (opts.points ?? procedure.points).map((point) => ({
    point,
    kind,
    text: opts.text ?? null,
  }));
  return handle.db
    .transaction()
    .execute((trx) => giveStances(trx, asActor(who), procedure.id, { state: opts.state, stances }, opts.now));
}
