import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personFromRow } from '../../core/actor.ts';
import { type TestContext, testContext } from '../../testing/harness.ts';
import { closeDue } from '../decisions/deadlines.ts';
import { buildProcedure, buildProposal, buildStances } from '../decisions/factories.ts';
import { closeProcedure } from '../decisions/procedures.ts';
import { buildNotificationPeople, type NotificationPeople, notifiedAbout, turnOff } from './factories.ts';

// Who is told what, on a real database through the decisions commands. The test
// organisation: the committee is AM and BY; TJ sits only in the council; BY presides.
// The person whose own action caused a notification is not told of it.

const HOUR = 3_600_000;
let t: TestContext;
let p: NotificationPeople;

beforeAll(async () => {
  t = await testContext();
  p = await buildNotificationPeople(t.handle);
});
afterAll(() => t.close());

const notified = (procedureId: string, kind: Parameters<typeof notifiedAbout>[3]) =>
  notifiedAbout(t.handle, p, procedureId, kind);

/** A restricted silence procedure in the committee (AM, BY), opened by the administrator as chair. */
const committeeProcedure = (spec: Parameters<typeof buildProcedure>[1] = {}) =>
  buildProcedure(t.handle, {
    proposal: { body: 'committee', classification: 'restricted', title: 'Committee text' },
    chair: p.admin,
    deadline: 2 * HOUR,
    ...spec,
  });

describe('a procedure opened', () => {
  it("tells the body's delegations who may read the proposal, which takes in those who answer", async () => {
    const procedure = await committeeProcedure();
    // Not: the administrator who opened it, the secretariat (not a delegation), TJ (not in
    // the committee), the AM delegate (public clearance, below restricted), the observer,
    // the disabled account.
    expect(await notified(procedure.id, 'procedure_opened')).toEqual([
      'amContact',
      'amHead',
      'byAuthorised',
      'byDelegate',
      'byHead',
    ]);
    const row = await t.handle.db
      .selectFrom('notifications')
      .selectAll()
      .where(sql<string>`details->>'procedureId'`, '=', procedure.id)
      .where('user_id', '=', p.amHead.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: 'procedure_opened',
      subject_type: 'proposal',
      subject_id: procedure.proposal_id,
      read_at: null,
      details: { procedureKind: 'silence', deadline: procedure.deadline!.toISOString() },
    });
    expect(row.created_at.toISOString()).toBe(procedure.opened_at.toISOString());
  });

  it('in the council, at confidential: every member state, only those whose access level reaches it', async () => {
    const procedure = await buildProcedure(t.handle, {
      proposal: { body: 'council', classification: 'confidential' },
      chair: p.byHead,
    });
    // The heads are confidential; the BY delegates and the AM point of contact are restricted.
    expect(await notified(procedure.id, 'procedure_opened')).toEqual(['amHead', 'tjHead']);
  });

  it('a refused opening writes no notification', async () => {
    const proposal = await buildProposal(t.handle, { body: 'committee' });
    await expect(buildProcedure(t.handle, { proposal, chair: p.amHead, deadline: HOUR })).rejects.toThrow(
      /may not open a procedure on/,
    );
    const rows = await t.handle.db
      .selectFrom('notifications')
      .select('id')
      .where('subject_id', '=', proposal.id)
      .execute();
    expect(rows).toEqual([]);
  });
});

describe('silence broken', () => {
  it('tells everyone who can read the proposal, with the state, how and on which points', async () => {
    const procedure = await committeeProcedure();
    await buildStances(t.handle, p.amHead, procedure, 'object', { points: ['2'], text: 'No' });
    // Not: the AM head who broke it, the AM delegate (clearance), TJ, the observer, the disabled.
    expect(await notified(procedure.id, 'silence_broken')).toEqual([
      'admin',
      'amContact',
      'byAuthorised',
      'byDelegate',
      'byHead',
      'staff',
    ]);
    const row = await t.handle.db
      .selectFrom('notifications')
      .select('details')
      .where(sql<string>`details->>'procedureId'`, '=', procedure.id)
      .where('kind', '=', 'silence_broken')
      .where('user_id', '=', p.byHead.id)
      .executeTakeFirstOrThrow();
    expect(row.details).toMatchObject({ state: 'AM', stanceKind: 'object', points: ['2'] });
  });

  it('each break is its own notification; agreeing breaks nothing and tells nobody', async () => {
    const procedure = await committeeProcedure();
    await buildStances(t.handle, p.byHead, procedure, 'agree');
    expect(await notified(procedure.id, 'silence_broken')).toEqual([]);
    await buildStances(t.handle, p.amHead, procedure, 'object', { points: ['1'], text: 'No' });
    await buildStances(t.handle, p.amHead, procedure, 'propose_amendment', { points: ['2'], text: 'Better' });
    const forStaff = await t.handle.db
      .selectFrom('notifications')
      .select('details')
      .where(sql<string>`details->>'procedureId'`, '=', procedure.id)
      .where('user_id', '=', p.staff.id)
      .where('kind', '=', 'silence_broken')
      .orderBy('created_at')
      .execute();
    expect(forStaff.map((r) => r.details)).toMatchObject([
      { stanceKind: 'object', points: ['1'] },
      { stanceKind: 'propose_amendment', points: ['2'] },
    ]);
  });
});

describe('an outcome', () => {
  it('recorded at expiry by the runner: tells everyone who can read the proposal, once', async () => {
    const procedure = await committeeProcedure();
    const after = new Date(procedure.deadline!.getTime() + 1000);
    await closeDue(t.handle.db, after);
    await closeDue(t.handle.db, after);
    expect(await notified(procedure.id, 'outcome')).toEqual([
      'admin',
      'amContact',
      'amHead',
      'byAuthorised',
      'byDelegate',
      'byHead',
      'staff',
    ]);
    const row = await t.handle.db
      .selectFrom('notifications')
      .select('details')
      .where(sql<string>`details->>'procedureId'`, '=', procedure.id)
      .where('kind', '=', 'outcome')
      .where('user_id', '=', p.staff.id)
      .executeTakeFirstOrThrow();
    expect(row.details).toEqual({ procedureId: procedure.id, procedureKind: 'silence', result: 'adopted' });
  });

  it('closed by the chair at a meeting: everyone but the chair', async () => {
    const procedure = await committeeProcedure({
      kind: 'meeting_consensus',
      deadline: null,
      chair: p.byHead,
    });
    await t.handle.db.transaction().execute((trx) =>
      closeProcedure(trx, personFromRow(p.byHead), procedure.id, {
        objections: [{ point: '1', states: ['AM'] }],
      }),
    );
    expect(await notified(procedure.id, 'outcome')).toEqual([
      'admin',
      'amContact',
      'amHead',
      'byAuthorised',
      'byDelegate',
      'staff',
    ]);
    // The chair's objections on behalf of a state at a meeting are not a silence break.
    expect(await notified(procedure.id, 'silence_broken')).toEqual([]);
  });
});

describe('preferences', () => {
  it('a kind turned off is not created for that person; the others still get it', async () => {
    await turnOff(t.handle, p.staff, ['silence_broken', 'outcome']);
    await turnOff(t.handle, p.byHead, ['procedure_opened']);
    try {
      const procedure = await committeeProcedure();
      expect(await notified(procedure.id, 'procedure_opened')).toEqual([
        'amContact',
        'amHead',
        'byAuthorised',
        'byDelegate',
      ]);
      await buildStances(t.handle, p.amHead, procedure, 'object', { text: 'No' });
      expect(await notified(procedure.id, 'silence_broken')).not.toContain('staff');
      expect(await notified(procedure.id, 'silence_broken')).toContain('byHead');
      await closeDue(t.handle.db, new Date(procedure.deadline!.getTime() + 1));
      expect(await notified(procedure.id, 'outcome')).not.toContain('staff');
      expect(await notified(procedure.id, 'outcome')).toContain('admin');
    } finally {
      await turnOff(t.handle, p.staff, []);
      await turnOff(t.handle, p.byHead, []);
    }
  });
});
