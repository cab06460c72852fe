import { type Actor, actorLabel, classificationOf } from '../../core/actor.ts';
import { AppError, conflict, invalid } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import type { PointText, ProposalRow, ProposalVersionRow } from '../../db/schema.ts';
import { authorize } from '../../policy/index.ts';
import { appendEntry, type RecordInput } from '../ledger/index.ts';
import { getVersionRow, isDecided, type LoadedProposal, loadProposal } from './load.ts';
import type { CreateProposalInput, UpdateProposalInput } from './schema.ts';
import { audienceOf, loadPolicyContext } from './subjects.ts';

const numberPoints = (points: { key?: string; text: string }[]): PointText[] =>
  points.map((p, i) => ({ key: p.key ?? String(i + 1), text: p.text }));

async function checkPriority(trx: Db, code: string | null | undefined) {
  if (!code) return;
  const found = await trx
    .selectFrom('priorities')
    .select('priorities.code')
    .where('priorities.code', '=', code)
    .where(
      'priorities.presidency_id',
      '=',
      trx.selectFrom('presidencies').select('id').orderBy('starts_on', 'desc').limit(1),
    )
    .executeTakeFirst();
  if (!found) throw invalid('priority', `${code} is not among the presidency's priorities`);
}

function checkClearance(actor: Actor, level: number) {
  if (actor.kind === 'person' && level > actor.accessLevel)
    throw invalid('classification', 'is above your own access level');
}

async function insertVersion(
  trx: Db,
  actor: Actor,
  values: Omit<ProposalVersionRow, 'created_at' | 'created_by' | 'created_by_label'>,
) {
  await trx
    .insertInto('proposal_versions')
    .values({
      ...values,
      points: JSON.stringify(values.points),
      created_by: actor.kind === 'person' ? actor.id : null,
      created_by_label: actorLabel(actor),
    })
    .execute();
}

/**
 * Drafts a proposal in a body: version 1 of its title, text and points. The author is the
 * creator's delegation, or the secretariat.
 */
export async function createProposal(
  trx: Db,
  actor: Actor,
  input: CreateProposalInput,
): Promise<ProposalRow> {
  const body = await trx
    .selectFrom('bodies')
    .select('code')
    .where('code', '=', input.body)
    .executeTakeFirst();
  if (!body) throw invalid('body', `${input.body} is not a body of the organisation`);
  const classification = classificationOf(input.classification);
  checkClearance(actor, classification);
  const ctx = await loadPolicyContext(trx);
  const bodyStates = ctx.bodyStates.get(input.body) ?? [];
  if (
    actor.kind === 'person' &&
    actor.affiliation === 'delegation' &&
    !bodyStates.includes(actor.stateCode ?? '')
  )
    throw new AppError('forbidden', `${actor.stateCode} does not sit in ${input.body}`, [
      { field: 'body', reason: 'your state does not sit in this body' },
    ]);
  authorize(actor, 'create', 'proposals', { classification, bodyStates }, 'proposal');
  await checkPriority(trx, input.priority);
  const authorState = actor.kind === 'person' && actor.affiliation === 'delegation' ? actor.stateCode : null;
  const points = numberPoints(input.points);
  const row = await trx
    .insertInto('proposals')
    .values({
      body_code: input.body,
      title: input.title,
      classification,
      author_state: authorState,
      priority_code: input.priority ?? null,
      created_by: actor.kind === 'person' ? actor.id : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await insertVersion(trx, actor, {
    proposal_id: row.id,
    version: 1,
    title: input.title,
    text: input.text,
    points,
    origin: 'draft',
    origin_state: null,
    origin_procedure_id: null,
  });
  await appendEntry(trx, actor, {
    action: 'proposal.created',
    subjectType: 'proposal',
    subjectId: row.id,
    payload: {
      body: input.body,
      version: 1,
      title: input.title,
      text: input.text,
      points,
      authorState,
      priority: input.priority ?? null,
      classification: input.classification,
    },
    classification,
    audience: bodyStates,
  });
  return row;
}

const samePoints = (a: PointText[], b: PointText[]) =>
  a.length === b.length && a.every((p, i) => p.key === b[i].key && p.text === b[i].text);

/**
 * Changes a proposal before a procedure opens on it. A change of title, text or points
 * makes a new version; once a procedure is open the text is frozen (409) and changes go
 * through amendments.
 */
export async function updateProposal(trx: Db, actor: Actor, id: string, input: UpdateProposalInput) {
  const { row, subject } = await loadProposal(trx, actor, id, { forUpdate: true });
  authorize(actor, 'edit', 'proposal', subject);
  if (isDecided(row)) throw conflict('the proposal has been decided; its text can no longer change');
  if (row.status === 'open')
    throw conflict('a procedure is open on this proposal: its text is frozen; propose an amendment instead');
  const latest = await getVersionRow(trx, id, row.latest_version);
  const classification = input.classification ? classificationOf(input.classification) : row.classification;
  checkClearance(actor, classification);
  if (input.priority !== undefined) await checkPriority(trx, input.priority);
  const next = {
    title: input.title ?? latest.title,
    text: input.text ?? latest.text,
    points: input.points ? numberPoints(input.points) : latest.points,
  };
  const textChanged =
    next.title !== latest.title || next.text !== latest.text || !samePoints(next.points, latest.points);
  const metaChanged =
    classification !== row.classification ||
    (input.priority !== undefined && input.priority !== row.priority_code);
  if (!textChanged && !metaChanged) return row;
  const version = textChanged ? row.latest_version + 1 : row.latest_version;
  if (textChanged)
    await insertVersion(trx, actor, {
      proposal_id: id,
      version,
      ...next,
      origin: 'edit',
      origin_state: null,
      origin_procedure_id: null,
    });
  const updated = await trx
    .updateTable('proposals')
    .set({
      title: next.title,
      classification,
      priority_code: input.priority === undefined ? row.priority_code : input.priority,
      latest_version: version,
      // Reworking a text that was not adopted makes it a draft again.
      status: textChanged ? 'draft' : row.status,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEntry(trx, actor, {
    action: 'proposal.edited',
    subjectType: 'proposal',
    subjectId: id,
    payload: {
      version,
      ...(textChanged ? next : {}),
      ...(classification !== row.classification ? { classification: input.classification } : {}),
      ...(input.priority !== undefined ? { priority: input.priority } : {}),
    },
    classification: Math.max(classification, row.classification),
    audience: audienceOf(subject),
  });
  return updated;
}

/**
 * A state's proposed amendment: a new version of the proposal in which the point takes the
 * amendment's text. The procedure goes on with its own version; the chair may put the
 * amended version to a new procedure. Call with the proposal row locked. Returns the new
 * version and its record entry, which the caller appends with its own entries, last (see
 * `recordStances`).
 */
export async function addAmendmentVersion(
  trx: Db,
  actor: Actor,
  proposal: LoadedProposal,
  from: { procedureId: string; version: number },
  amendment: { state: string; point: string; text: string },
): Promise<{ version: number; entry: RecordInput }> {
  const base = await getVersionRow(trx, proposal.row.id, from.version);
  const current = await trx
    .selectFrom('proposals')
    .select('latest_version')
    .where('id', '=', proposal.row.id)
    .forUpdate()
    .executeTakeFirstOrThrow();
  const version = current.latest_version + 1;
  const points = base.points.map((p) =>
    p.key === amendment.point ? { key: p.key, text: amendment.text } : p,
  );
  await insertVersion(trx, actor, {
    proposal_id: proposal.row.id,
    version,
    title: base.title,
    text: base.text,
    points,
    origin: 'amendment',
    origin_state: amendment.state,
    origin_procedure_id: from.procedureId,
  });
  await trx
    .updateTable('proposals')
    .set({ latest_version: version, updated_at: new Date() })
    .where('id', '=', proposal.row.id)
    .execute();
  const entry: RecordInput = {
    action: 'proposal.amended',
    subjectType: 'proposal',
    subjectId: proposal.row.id,
    payload: {
      version,
      basedOn: from.version,
      procedureId: from.procedureId,
      state: amendment.state,
      point: amendment.point,
      text: amendment.text,
    },
    classification: proposal.row.classification,
    audience: audienceOf(proposal.subject),
  };
  return { version, entry };
}
