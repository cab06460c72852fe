import { type Actor, actorLabel } from '../../core/actor.ts';
import { AppError, conflict, invalid, notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import { authorize, can } from '../../policy/index.ts';
import { appendEntry } from '../ledger/commands.ts';
import { notifySilenceBroken } from '../notifications/emit.ts';
import { type LoadedProcedure, loadProcedure } from './load.ts';
import type { StanceKind } from './outcome.ts';
import { addAmendmentVersion } from './proposals.ts';
import type { BreakSilenceInput, GiveStancesInput } from './schema.ts';

const BREAKS_SILENCE: StanceKind[] = ['object', 'propose_amendment'];

export interface StanceToRecord {
  point: string;
  kind: StanceKind;
  text?: string | null;
}

/**
 * Gives (or changes) the stances of one state on points of an open procedure. The caller
 * answers for their own state (its head of delegation, or a delegate the head authorised);
 * at a meeting the chair may record for a state. Refused, writing nothing: a closed
 * procedure (409), a passed deadline even before the runner closed it (409), an unknown
 * point (400), another state's stance (403), a person not eligible (403).
 */
export async function giveStances(
  trx: Db,
  actor: Actor,
  procedureId: string,
  input: GiveStancesInput,
  now = new Date(),
  opts: { silenceOnly?: boolean } = {},
): Promise<LoadedProcedure> {
  const loaded = await loadProcedure(trx, actor, procedureId, { forUpdate: true });
  const { row, subject } = loaded;
  const own = actor.kind === 'person' && actor.affiliation === 'delegation' ? actor.stateCode : null;
  const state = input.state ?? own;
  if (!state) throw invalid('state', 'is required: name the state the stance is for');
  if (state === own) {
    if (!row.eligible.includes(state))
      throw new AppError('forbidden', `${state} is not a party to this procedure`, [
        { field: 'state', reason: 'not a party to this procedure' },
      ]);
    if (!can(actor, 'giveStance', 'procedure', subject))
      throw new AppError(
        'forbidden',
        `only the head of delegation of ${state}, or a delegate the head authorised, answers for ${state}`,
      );
  } else {
    if (!can(actor, 'recordForStates', 'procedure', subject)) {
      const reason = own ? `you answer for ${own}, not for ${state}` : `you do not answer for ${state}`;
      throw new AppError('forbidden', `a stance for another state: ${reason}`, [{ field: 'state', reason }]);
    }
    if (!row.eligible.includes(state)) throw invalid('state', `${state} is not a party to this procedure`);
  }
  if (row.status !== 'open') throw conflict('the procedure is closed: stances can no longer change');
  if (row.deadline && now.getTime() >= row.deadline.getTime())
    throw conflict(
      `the deadline passed at ${row.deadline.toISOString()}: no more stances or breaks`,
      'deadline',
    );
  if (opts.silenceOnly && row.kind !== 'silence')
    throw conflict(`this is a ${row.kind} procedure: there is no silence to break`);
  input.stances.forEach((s, i) => {
    if (!row.points.includes(s.point))
      throw invalid(
        `stances.${i}.point`,
        `no point ${s.point} in this procedure (points: ${row.points.join(', ')})`,
      );
  });
  await recordStances(trx, actor, loaded, state, input.stances, now);
  return loaded;
}

/**
 * Breaks silence under a silence procedure: a written objection, or a proposed amendment
 * (which rewrites one point in a new version of the proposal), on the named points or all.
 */
export async function breakSilence(
  trx: Db,
  actor: Actor,
  procedureId: string,
  input: BreakSilenceInput,
  now = new Date(),
) {
  const proc = await trx
    .selectFrom('procedures')
    .select('points')
    .where('id', '=', procedureId)
    .executeTakeFirst();
  const points = input.points ?? proc?.points ?? [];
  const stances = points.map((point) => ({ point, kind: input.kind, text: input.text }));
  return giveStances(trx, actor, procedureId, { state: input.state, stances }, now, { silenceOnly: true });
}

/**
 * Writes the stances once the checks have passed: each replaces the state's current stance
 * on its point (the old one is kept, superseded); a proposed amendment becomes a new
 * version of the proposal; one record entry, `silence.broken` when it breaks silence.
 */
export async function recordStances(
  trx: Db,
  actor: Actor,
  loaded: LoadedProcedure,
  state: string,
  stances: StanceToRecord[],
  now: Date,
) {
  const { row } = loaded;
  const recorded: (StanceToRecord & { amendmentVersion: number | null })[] = [];
  for (const s of stances) {
    const text = s.text?.trim() || null;
    const amendmentVersion =
      s.kind === 'propose_amendment' && text
        ? await addAmendmentVersion(
            trx,
            actor,
            loaded.proposal,
            { procedureId: row.id, version: row.version },
            { state, point: s.point, text },
          )
        : null;
    await trx
      .updateTable('stances')
      .set({ superseded_at: now })
      .where('procedure_id', '=', row.id)
      .where('point', '=', s.point)
      .where('state_code', '=', state)
      .where('superseded_at', 'is', null)
      .execute();
    await trx
      .insertInto('stances')
      .values({
        procedure_id: row.id,
        point: s.point,
        state_code: state,
        kind: s.kind,
        text,
        given_by: actor.kind === 'person' ? actor.id : null,
        given_by_label: actorLabel(actor),
        given_at: now,
        amendment_version: amendmentVersion,
      })
      .execute();
    recorded.push({ point: s.point, kind: s.kind, text, amendmentVersion });
  }
  const broke = row.kind === 'silence' && recorded.some((s) => BREAKS_SILENCE.includes(s.kind));
  if (broke) await notifySilenceBroken(trx, actor, row, loaded.proposal.subject, state, recorded, now);
  const onBehalf = !(
    actor.kind === 'person' &&
    actor.affiliation === 'delegation' &&
    actor.stateCode === state
  );
  await appendEntry(trx, actor, {
    action: broke ? 'silence.broken' : 'stance.given',
    subjectType: 'procedure',
    subjectId: row.id,
    payload: { proposalId: row.proposal_id, state, onBehalf, stances: recorded },
    classification: loaded.proposal.row.classification,
    audience: row.eligible,
  });
}

// ---- delegates authorised by their head ------------------------------------------

/** The head of delegation (or an administrator) lets a delegate of the state answer for it. */
export async function authoriseDelegate(trx: Db, actor: Actor, state: string, userId: string) {
  authorize(actor, 'authorise', 'delegation', { state }, 'delegation');
  const user = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) throw notFound('user');
  if (user?.affiliation !== 'delegation' || user.state_code?.trim() !== state)
    throw invalid('userId', `is not a member of the delegation of ${state}`);
  if (user.role === 'head_of_delegation')
    throw invalid('userId', 'a head of delegation answers without authorisation');
  if (user.role === 'observer') throw invalid('userId', 'an observer cannot answer for a state');
  if (user.disabled_at) throw invalid('userId', 'the account is disabled');
  const inserted = await trx
    .insertInto('delegate_authorisations')
    .values({ state_code: state, user_id: userId, granted_by_label: actorLabel(actor) })
    .onConflict((oc) => oc.columns(['state_code', 'user_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
  if (inserted)
    await appendEntry(trx, actor, {
      action: 'delegate.authorised',
      subjectType: 'delegation',
      subjectId: state,
      payload: { userId, username: user.username },
      audience: [state],
    });
  return user;
}

/** Withdraws a delegate's authority to answer for the state. */
export async function revokeDelegate(trx: Db, actor: Actor, state: string, userId: string) {
  authorize(actor, 'authorise', 'delegation', { state }, 'delegation');
  const removed = await trx
    .deleteFrom('delegate_authorisations')
    .where('state_code', '=', state)
    .where('user_id', '=', userId)
    .returningAll()
    .executeTakeFirst();
  if (!removed) throw notFound('authorisation');
  await appendEntry(trx, actor, {
    action: 'delegate.revoked',
    subjectType: 'delegation',
    subjectId: state,
    payload: { userId },
    audience: [state],
  });
}

/** The delegates authorised to answer for a state. */
export async function listAuthorisations(db: Db, actor: Actor, state: string) {
  authorize(actor, 'read', 'delegation', { state }, 'delegation');
  return db
    .selectFrom('delegate_authorisations')
    .innerJoin('users', 'users.id', 'delegate_authorisations.user_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'delegate_authorisations.granted_by_label',
      'delegate_authorisations.granted_at',
    ])
    .where('delegate_authorisations.state_code', '=', state)
    .orderBy('users.username')
    .execute();
}
