import { type Actor, actorLabel, classificationOf } from '../../../core/actor.ts';
import { conflict, invalid } from '../../../core/errors.ts';
import type { Db } from '../../../db/connect.ts';
import type { ClearanceLegRow, ClearanceRequestRow } from '../../../db/schema.ts';
import { authorize } from '../../../policy/index.ts';
import { appendEntry } from '../../ledger/index.ts';
import { issueCertificate } from '../certificates/certificate.ts';
import { publishClearanceEvent } from '../events.ts';
import { checkWindowsAhead } from '../itinerary.ts';
import {
  activePermissions,
  announceOpened,
  type Opened,
  openLeg,
  recordSettled,
  settleRequest,
} from '../legs/opening.ts';
import {
  addLegEvent,
  audienceOf,
  eventBase,
  loadMembers,
  loadRequest,
  nextNumber,
  notifyClearances,
  requestSubject,
  trimState,
} from '../load.ts';
import { isOpenLeg, planAmendment } from '../machine.ts';
import type { AmendRequestInput, ClearanceContent, CreateRequestInput, UpdateDraftInput } from '../schema.ts';
import { checkContent, checkLevel, contentOf, envelopeChanges } from './content.ts';

const ownState = (actor: Actor) =>
  actor.kind === 'person' && actor.affiliation === 'delegation' ? actor.stateCode : null;

async function insertLegs(trx: Db, requestId: string, content: ClearanceContent, version: number) {
  return trx
    .insertInto('clearance_legs')
    .values(
      content.legs.map((l, position) => ({ request_id: requestId, position, state_code: l.state, version })),
    )
    .returningAll()
    .execute();
}

const entryOf = (row: ClearanceRequestRow, legs: ClearanceLegRow[]) => ({
  classification: row.classification,
  audience: audienceOf(requestSubject(row, legs)),
});

/**
 * Creates a movement clearance request as a draft (version 1, its legs not yet open), with
 * the requesting state's next reference number (`BY-2026-0001`); with `submit` it is
 * submitted at once. The requesting state is the caller's own unless named.
 */
export async function createRequest(
  trx: Db,
  actor: Actor,
  input: CreateRequestInput,
  now = new Date(),
): Promise<ClearanceRequestRow> {
  const requestingState = input.requestingState ?? ownState(actor);
  if (!requestingState) throw invalid('requestingState', 'is required: name the state that requests');
  const classification = classificationOf(input.classification);
  checkLevel(actor, classification);
  authorize(actor, 'create', 'clearanceRequests', { classification, requestingState }, 'clearance request');
  const members = await loadMembers(trx);
  if (!members.has(requestingState))
    throw invalid('requestingState', `${requestingState} is not a member state`);
  const content = contentOf(input);
  await checkContent(trx, content, null);
  const reference = await nextNumber(trx, requestingState, now);
  const row = await trx
    .insertInto('clearance_requests')
    .values({
      reference,
      requesting_state: requestingState,
      title: input.title,
      framework: input.framework,
      urgency: input.urgency,
      classification,
      created_by: actor.kind === 'person' ? actor.id : null,
      created_by_label: actorLabel(actor),
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('clearance_request_versions')
    .values({
      request_id: row.id,
      version: 1,
      content: JSON.stringify(content),
      created_by_label: actorLabel(actor),
      created_at: now,
    })
    .execute();
  const legs = await insertLegs(trx, row.id, content, 1);
  await appendEntry(trx, actor, {
    action: 'clearance.requested',
    subjectType: 'clearance_request',
    subjectId: row.id,
    payload: {
      reference,
      requestingState,
      title: input.title,
      framework: input.framework,
      urgency: input.urgency,
      states: content.legs.map((l) => l.state),
    },
    // A draft's entries are the requesting state's alone; submitted at once, it was never a draft.
    ...entryOf(input.submit ? { ...row, submitted_at: now } : row, legs),
  });
  return input.submit ? submitRequest(trx, actor, row.id, now) : row;
}

/** Rewrites a draft (still version 1): envelope, content and legs. 409 once submitted. */
export async function updateDraft(
  trx: Db,
  actor: Actor,
  id: string,
  input: UpdateDraftInput,
  now = new Date(),
): Promise<ClearanceRequestRow> {
  const loaded = await loadRequest(trx, actor, id, { forUpdate: true });
  authorize(actor, 'edit', 'clearanceRequest', loaded.subject, 'clearance request');
  if (loaded.row.status !== 'draft') throw conflict('the request was submitted: amend it instead');
  const classification = classificationOf(input.classification);
  checkLevel(actor, classification);
  const content = contentOf(input);
  await checkContent(trx, content, id);
  const row = await trx
    .updateTable('clearance_requests')
    .set({
      title: input.title,
      framework: input.framework,
      urgency: input.urgency,
      classification,
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('clearance_request_versions')
    .set({ content: JSON.stringify(content) })
    .where('request_id', '=', id)
    .where('version', '=', row.version)
    .execute();
  await trx.deleteFrom('clearance_legs').where('request_id', '=', id).execute();
  const legs = await insertLegs(trx, id, content, row.version);
  await appendEntry(trx, actor, {
    action: 'clearance.draft_updated',
    subjectType: 'clearance_request',
    subjectId: id,
    payload: { reference: row.reference, title: input.title, states: content.legs.map((l) => l.state) },
    ...entryOf(row, [...loaded.legs, ...legs]),
  });
  return row;
}

/**
 * Submits a draft: every leg opens at once, in parallel, each with its state's window for
 * the urgency; a leg a standing permission covers is approved at once with the
 * permission's number (a request covered entirely becomes a notification, cleared now).
 */
export async function submitRequest(
  trx: Db,
  actor: Actor,
  id: string,
  now = new Date(),
): Promise<ClearanceRequestRow> {
  const loaded = await loadRequest(trx, actor, id, { forUpdate: true });
  authorize(actor, 'submit', 'clearanceRequest', loaded.subject, 'clearance request');
  const { row } = loaded;
  if (row.status !== 'draft') throw conflict(`the request is ${row.status}, not a draft`);
  await checkContent(trx, loaded.content, row.id);
  checkWindowsAhead(loaded.content, now);
  const states = loaded.legs.map((l) => trimState(l.state_code));
  const permissions = await activePermissions(trx, trimState(row.requesting_state), states);
  const opened: Opened[] = [];
  for (const leg of loaded.legs)
    opened.push(await openLeg(trx, actor, row, loaded.content, leg, row.version, permissions, now));
  const legs = opened.map((o) => o.leg);
  const covered = opened.every((o) => o.standingPermission);
  await trx
    .updateTable('clearance_request_versions')
    .set({ submitted_at: now })
    .where('request_id', '=', id)
    .where('version', '=', row.version)
    .execute();
  const submitted = await trx
    .updateTable('clearance_requests')
    .set({ submitted_at: now, kind: covered ? 'notification' : 'request' })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await announceOpened(trx, submitted, legs, opened, now);
  const settled = await settleRequest(trx, submitted, legs, now);
  await notifyClearances(trx, id);
  // From now on the route states read the request and its entries.
  const entry = entryOf(submitted, legs);
  await appendEntry(trx, actor, {
    action: 'clearance.submitted',
    subjectType: 'clearance_request',
    subjectId: id,
    payload: {
      reference: row.reference,
      version: row.version,
      kind: submitted.kind,
      legs: opened.map((o) => ({
        state: o.state,
        dueAt: o.standingPermission ? null : o.dueAt,
        standingPermission: o.standingPermission,
      })),
    },
    ...entry,
  });
  await recordSettled(trx, actor, settled, legs, entry);
  return settled.request;
}

/**
 * Amends a submitted request: a new version of its whole content, and of its framework,
 * urgency or classification when given. Each state's leg is compared with the one in force
 * (see planAmendment): changed or new legs open afresh (with the windows of the urgency now
 * in force), unchanged ones keep their decision, legs of states no longer on the route are
 * withdrawn; a change of the shared cargo or of the framework re-opens every leg. A leg
 * that opens must not have a movement window already begun (400 naming it). A cleared
 * request whose legs all keep their decisions stays cleared with a certificate of the new
 * version; the record entry names what changed.
 */
export async function amendRequest(
  trx: Db,
  actor: Actor,
  id: string,
  input: AmendRequestInput,
  now = new Date(),
): Promise<ClearanceRequestRow> {
  const loaded = await loadRequest(trx, actor, id, { forUpdate: true });
  authorize(actor, 'amend', 'clearanceRequest', loaded.subject, 'clearance request');
  const { row } = loaded;
  if (row.status === 'draft') throw conflict('the request is a draft: change it with PUT');
  if (row.status === 'denied' || row.status === 'withdrawn')
    throw conflict(`the request is ${row.status}: it can no longer change`);
  const content = contentOf(input);
  await checkContent(trx, content, row.id);
  const envelope = {
    framework: input.framework ?? row.framework,
    urgency: input.urgency ?? row.urgency,
    classification: input.classification ? classificationOf(input.classification) : row.classification,
  };
  if (input.classification) checkLevel(actor, envelope.classification);
  const changed = envelopeChanges(row, { ...envelope, title: input.title ?? row.title });
  const version = row.version + 1;
  const withdrawnStates = loaded.legs
    .filter((l) => l.status === 'withdrawn')
    .map((l) => trimState(l.state_code));
  const plan = planAmendment({ content: loaded.content, withdrawnStates }, content, {
    everyLeg: 'framework' in changed,
  });
  const opening = new Set(
    plan.filter((p) => p.action === 'open' || p.action === 'reopen').map((p) => p.state),
  );
  checkWindowsAhead(content, now, new Set(content.legs.flatMap((l, i) => (opening.has(l.state) ? [i] : []))));
  await trx
    .insertInto('clearance_request_versions')
    .values({
      request_id: id,
      version,
      content: JSON.stringify(content),
      created_by_label: actorLabel(actor),
      created_at: now,
      submitted_at: now,
    })
    .execute();
  // Positions follow the new itinerary; withdrawn legs go after it. Move them out of the way first.
  await trx
    .updateTable('clearance_legs')
    .set((eb) => ({ position: eb('position', '+', 1000) }))
    .where('request_id', '=', id)
    .execute();
  const byState = new Map(loaded.legs.map((l) => [trimState(l.state_code), l]));
  const permissions = await activePermissions(
    trx,
    trimState(row.requesting_state),
    content.legs.map((l) => l.state),
  );
  const updatedRow = await trx
    .updateTable('clearance_requests')
    .set({ version, updated_at: now, ...envelope, ...(input.title ? { title: input.title } : {}) })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const opened: Opened[] = [];
  const legs: ClearanceLegRow[] = [];
  const kept: string[] = [];
  const withdrawn: string[] = [];
  let tail = content.legs.length;
  for (const step of plan) {
    const existing = byState.get(step.state);
    const position = content.legs.findIndex((l) => l.state === step.state);
    if (step.action === 'withdraw') {
      const leg = await trx
        .updateTable('clearance_legs')
        .set({ status: 'withdrawn', due_at: null, paused_at: null, position: tail++ })
        .where('id', '=', existing!.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      await addLegEvent(trx, leg.id, 'withdrawn', actorLabel(actor), now, {
        version,
        reason: 'no longer on the route',
      });
      legs.push(leg);
      withdrawn.push(step.state);
      continue;
    }
    let leg =
      existing ??
      (await trx
        .insertInto('clearance_legs')
        .values({ request_id: id, position, state_code: step.state, version })
        .returningAll()
        .executeTakeFirstOrThrow());
    leg = await trx
      .updateTable('clearance_legs')
      .set({ position })
      .where('id', '=', leg.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (step.action === 'keep') {
      await addLegEvent(trx, leg.id, 'kept', actorLabel(actor), now, {
        version,
        decisionVersion: leg.version,
      });
      legs.push(leg);
      kept.push(step.state);
      continue;
    }
    const o = await openLeg(
      trx,
      actor,
      updatedRow,
      content,
      leg,
      version,
      permissions,
      now,
      existing ? 'reopened' : 'opened',
    );
    opened.push(o);
    legs.push(o.leg);
  }
  // Withdrawn legs of earlier amendments stay where they were, after the route.
  for (const l of loaded.legs)
    if (!legs.some((x) => x.id === l.id)) {
      legs.push(
        await trx
          .updateTable('clearance_legs')
          .set({ position: tail++ })
          .where('id', '=', l.id)
          .returningAll()
          .executeTakeFirstOrThrow(),
      );
    }
  await announceOpened(trx, updatedRow, legs, opened, now);
  await publishClearanceEvent(trx, {
    kind: 'request_amended',
    ...eventBase(updatedRow, legs, now, actor),
    version,
    reopenedStates: opened.map((o) => o.state),
  });
  const settled = await settleRequest(trx, updatedRow, legs, now);
  if (settled.before === 'cleared' && settled.status === 'cleared') {
    // Every decision kept: the request stays cleared, and its certificate says the new version.
    const certificate = await issueCertificate(trx, id, now);
    settled.request = {
      ...settled.request,
      verification_code: certificate.code,
      certificate_record_id: certificate.recordId,
    };
  }
  await notifyClearances(trx, id);
  const entry = entryOf(updatedRow, legs);
  await appendEntry(trx, actor, {
    action: 'clearance.amended',
    subjectType: 'clearance_request',
    subjectId: id,
    payload: {
      reference: row.reference,
      version,
      reason: input.reason ?? null,
      changed,
      reopened: opened.map((o) => ({
        state: o.state,
        dueAt: o.dueAt,
        standingPermission: o.standingPermission,
      })),
      kept,
      withdrawn,
      status: settled.status,
    },
    ...entry,
  });
  await recordSettled(trx, actor, settled, legs, entry);
  return settled.request;
}

/** The requesting state withdraws its request; open legs close. 409 once denied or withdrawn. */
export async function withdrawRequest(
  trx: Db,
  actor: Actor,
  id: string,
  input: { reason: string },
  now = new Date(),
): Promise<ClearanceRequestRow> {
  const loaded = await loadRequest(trx, actor, id, { forUpdate: true });
  authorize(actor, 'withdraw', 'clearanceRequest', loaded.subject, 'clearance request');
  const { row } = loaded;
  if (row.status === 'denied' || row.status === 'withdrawn')
    throw conflict(`the request is already ${row.status}`);
  const legs: ClearanceLegRow[] = [];
  for (const leg of loaded.legs) {
    if (!isOpenLeg(leg.status) && leg.status !== 'draft') {
      legs.push(leg);
      continue;
    }
    legs.push(
      await trx
        .updateTable('clearance_legs')
        .set({ status: 'withdrawn', due_at: null, paused_at: null })
        .where('id', '=', leg.id)
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
    await addLegEvent(trx, leg.id, 'withdrawn', actorLabel(actor), now, { reason: input.reason });
  }
  const updated = await trx
    .updateTable('clearance_requests')
    .set({ status: 'withdrawn', closed_at: now, updated_at: now })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (row.status !== 'draft')
    await publishClearanceEvent(trx, {
      kind: 'request_withdrawn',
      ...eventBase(row, loaded.legs, now, actor),
    });
  await appendEntry(trx, actor, {
    action: 'clearance.withdrawn',
    subjectType: 'clearance_request',
    subjectId: id,
    payload: { reference: row.reference, version: row.version, reason: input.reason, was: row.status },
    ...entryOf(row, legs),
  });
  return updated;
}
