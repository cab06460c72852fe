import {
  type Actor,
  actorLabel,
  classificationName,
  classificationOf,
  systemActor,
} from '../../../core/actor.ts';
import { AppError, conflict, invalid, notFound } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import type { DeploymentRow } from '../../../db/schema.ts';
import { authorize, can } from '../../../policy/index.ts';
import type { ProcedureClosed } from '../../decisions/index.ts';
import {
  CreateProposalInput,
  createProposal,
  OpenProcedureInput,
  openProcedure,
} from '../../decisions/index.ts';
import { appendEntry } from '../../ledger/index.ts';
import { checkItinerary, checkWindowsAhead } from '../itinerary.ts';
import { loadMembers, loadPoints, nextNumber, trimState } from '../load.ts';
import { createRequest } from '../requests/commands.ts';
import { CreateRequestInput, type RequestDeploymentInput } from '../schema.ts';

const HOUR = 3_600_000;

const subjectOf = (row: Pick<DeploymentRow, 'classification' | 'host_state'>) => ({
  classification: row.classification,
  hostState: trimState(row.host_state),
});

/**
 * A host state's head of delegation requests the deployment of collective forces on its
 * territory: a proposal in the body the organisation file names, and the procedure it
 * prescribes (e.g. a 12 h silence procedure) opened at once. Opening procedures is the
 * chair's; here the system opens it on the file's instruction, and the record says so.
 * Once the procedure adopts it, the planned movements become submitted clearance requests
 * (see onProcedureClosed).
 */
export async function requestDeployment(
  trx: Db,
  actor: Actor,
  input: RequestDeploymentInput,
  now = new Date(),
): Promise<DeploymentRow> {
  const own = actor.kind === 'person' && actor.affiliation === 'delegation' ? actor.stateCode : null;
  const hostState = input.hostState ?? own;
  if (!hostState) throw invalid('hostState', 'is required: name the host state');
  const classification = classificationOf(input.classification);
  if (actor.kind === 'person' && classification > actor.accessLevel)
    throw invalid('classification', 'is above your own access level');
  authorize(actor, 'create', 'deployment', { classification, hostState }, 'deployment');
  const members = await loadMembers(trx);
  if (!members.has(hostState)) throw invalid('hostState', `${hostState} is not a member state`);
  const points = await loadPoints(trx);
  input.movements.forEach((m, i) => {
    if (!members.has(m.requestingState))
      throw invalid(`movements.${i}.requestingState`, `${m.requestingState} is not a member state`);
    checkItinerary(m, points, members, `movements.${i}.`);
  });
  const settings = await trx.selectFrom('clearance_settings').selectAll().executeTakeFirst();
  if (!settings)
    throw conflict(
      'the organisation file prescribes no procedure for deployment requests (clearances.deployment)',
    );
  const reference = await nextNumber(trx, 'DEP', now);
  const proposal = await createProposal(
    trx,
    actor,
    CreateProposalInput.parse({
      body: settings.deployment_body,
      title: `${reference}: ${input.title}`,
      text: `Request of ${hostState} for the deployment of collective forces on its territory.\n\n${input.purpose}`,
      classification: classificationName(classification),
      points: [
        { text: `To deploy collective forces on the territory of ${hostState} as requested (${reference}).` },
      ],
    }),
  );
  const kind = settings.deployment_procedure as OpenProcedureInput['kind'];
  const opener = systemActor(`deployment request ${reference}`);
  const procedure = await openProcedure(
    trx,
    opener,
    proposal.id,
    OpenProcedureInput.parse({
      kind,
      ...(kind === 'meeting_consensus'
        ? {}
        : { deadline: new Date(now.getTime() + Number(settings.deployment_hours) * HOUR).toISOString() }),
    }),
    now,
  );
  const row = await trx
    .insertInto('deployments')
    .values({
      reference,
      host_state: hostState,
      title: input.title,
      purpose: input.purpose,
      classification,
      movements: JSON.stringify(input.movements),
      proposal_id: proposal.id,
      procedure_id: procedure.id,
      requested_by: actor.kind === 'person' ? actor.id : null,
      requested_by_label: actorLabel(actor),
      requested_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEntry(trx, actor, {
    action: 'deployment.requested',
    subjectType: 'deployment',
    subjectId: row.id,
    payload: {
      reference,
      hostState,
      title: input.title,
      proposalId: proposal.id,
      procedureId: procedure.id,
      procedure: kind,
      deadline: procedure.deadline,
      body: settings.deployment_body,
      openedBy: `${opener.label}, by the system on the organisation file's instruction (clearances.deployment)`,
      movements: input.movements.length,
    },
    classification,
  });
  return row;
}

/**
 * Called by the decisions module inside the transaction that records a procedure's outcome
 * (closing.ts recordOutcome), so it happens exactly once: when the procedure decided a
 * deployment request, the deployment is adopted or not, and once adopted its planned
 * movements become submitted clearance requests linked to it. A movement no longer valid
 * (a crossing point removed since) is skipped and named in the record rather than
 * blocking the council's outcome.
 */
export async function onProcedureClosed(trx: Db, closed: ProcedureClosed) {
  const { result, at: now } = closed;
  const deployment = await trx
    .selectFrom('deployments')
    .selectAll()
    .where('procedure_id', '=', closed.procedureId)
    .forUpdate()
    .executeTakeFirst();
  if (deployment?.status !== 'requested') return;
  const adopted = result === 'adopted' || result === 'partially_adopted';
  const actor = systemActor(`deployment ${deployment.reference}`);
  const created: string[] = [];
  const skipped: { index: number; reason: string }[] = [];
  if (adopted) {
    const points = await loadPoints(trx);
    const members = await loadMembers(trx);
    const movements = deployment.movements as Record<string, unknown>[];
    for (const [index, movement] of movements.entries()) {
      const parsed = CreateRequestInput.safeParse({
        ...movement,
        framework: 'collective_forces',
        classification: classificationName(deployment.classification),
        submit: true,
      });
      if (!parsed.success) {
        skipped.push({ index, reason: parsed.error.issues[0]?.message ?? 'invalid' });
        continue;
      }
      try {
        checkItinerary(parsed.data, points, members);
        // Adopted after a window began: named and skipped (submission would refuse it).
        checkWindowsAhead(parsed.data, now);
      } catch (err) {
        skipped.push({ index, reason: err instanceof AppError ? err.message : String(err) });
        continue;
      }
      const request = await createRequest(trx, actor, parsed.data, now);
      await trx
        .updateTable('clearance_requests')
        .set({ deployment_id: deployment.id })
        .where('id', '=', request.id)
        .execute();
      created.push(request.reference);
    }
  }
  await trx
    .updateTable('deployments')
    .set({ status: adopted ? 'adopted' : 'not_adopted', decided_at: now })
    .where('id', '=', deployment.id)
    .execute();
  await appendEntry(trx, actor, {
    action: 'deployment.decided',
    subjectType: 'deployment',
    subjectId: deployment.id,
    payload: {
      reference: deployment.reference,
      result,
      procedureId: closed.procedureId,
      requests: created,
      skipped,
    },
    classification: deployment.classification,
  });
}

export async function getDeployment(db: Db, actor: Actor, id: string) {
  const row = await db.selectFrom('deployments').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('deployment');
  authorize(actor, 'read', 'deployment', subjectOf(row), 'deployment');
  const requests = await db
    .selectFrom('clearance_requests')
    .select(['id', 'reference', 'status', 'requesting_state'])
    .where('deployment_id', '=', id)
    .orderBy('reference')
    .execute();
  return { row, requests };
}

export async function listDeployments(db: Db, actor: Actor) {
  const rows = await db
    .selectFrom('deployments')
    .selectAll()
    .orderBy('requested_at', 'desc')
    .limit(200)
    .execute();
  return rows.filter((r) => can(actor, 'read', 'deployment', subjectOf(r)));
}
