import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personFromRow } from '../../../core/actor.ts';
import { recordAfter, recordHead, type TestContext, testContext } from '../../../testing/harness.ts';
import {
  CLEARANCE_ORGANISATION,
  HOUR,
  landRoute,
  requestBody,
  window,
} from '../../../testing/simulations/clearances.ts';
import {
  buildClearancePeople,
  buildClearanceRequest,
  buildStandingPermission,
  type ClearancePeople,
} from '../factories.ts';
import { acceptConditions, askInfo, decideLeg, giveInfo } from '../legs/commands.ts';
import { applyDueSilences } from '../legs/tacit.ts';
import { AmendRequestInput, DecideLegInput } from '../schema.ts';
import { amendRequest, submitRequest, withdrawRequest } from './commands.ts';

let t: TestContext;
let p: ClearancePeople;
beforeAll(async () => {
  t = await testContext(CLEARANCE_ORGANISATION);
  p = await buildClearancePeople(t.handle);
});
afterAll(() => t.close());

const run = <T>(fn: (trx: TestContext['handle']['db']) => Promise<T>) =>
  t.handle.db.transaction().execute(fn);
const legs = (id: string) =>
  t.handle.db
    .selectFrom('clearance_legs')
    .selectAll()
    .where('request_id', '=', id)
    .orderBy('position')
    .execute();
const decide = (
  who: keyof ClearancePeople,
  id: string,
  state: string,
  body: Record<string, unknown>,
  now?: Date,
) => run((trx) => decideLeg(trx, personFromRow(p[who]), id, state, DecideLegInput.parse(body), now));

describe('submitting', () => {
  it('opens every leg at once with its state window, numbers the request and records it', async () => {
    const head = await recordHead(t.handle);
    const now = new Date();
    const r = await buildClearanceRequest(t.handle, { by: p.byDelegate, now });
    expect(r.reference).toMatch(/^BY-\d{4}-\d{4}$/);
    expect(r.status).toBe('pending');
    const rows = await legs(r.id);
    expect(rows.map((l) => [l.state_code, l.status])).toEqual([
      ['BY', 'pending'],
      ['RU', 'pending'],
      ['KZ', 'pending'],
    ]);
    // RU's routine window is 48 h and silence refuses; the others 72 h consent.
    expect(rows[1].due_at?.getTime()).toBe(now.getTime() + 48 * HOUR);
    expect(rows[1].on_silence).toBe('refusal');
    expect(rows[0].due_at?.getTime()).toBe(now.getTime() + 72 * HOUR);
    const entries = await recordAfter(t.handle, head);
    expect(entries.map((e) => e.action)).toEqual(['clearance.requested', 'clearance.submitted']);
    expect(entries[1].audience).toEqual(['BY', 'RU', 'KZ']);
    expect(entries[1].classification).toBe(1);
  });

  it('is cleared when every leg is approved, after the requester accepts conditions', async () => {
    const r = await buildClearanceRequest(t.handle, { by: p.byDelegate });
    await decide('byHead', r.id, 'BY', { decision: 'approve' });
    await decide('ruContact', r.id, 'RU', {
      decision: 'approve_with_conditions',
      conditions: [{ kind: 'escort', text: 'Traffic police escort from Redki' }],
      internalNote: 'FSB consulted',
    });
    const head = await recordHead(t.handle);
    const after = await decide('kzHead', r.id, 'KZ', { decision: 'approve', clearanceNumber: 'KZ-77' });
    expect(after.status).toBe('awaiting_acceptance');
    const cleared = await run((trx) => acceptConditions(trx, personFromRow(p.byDelegate), r.id, {}));
    expect(cleared.status).toBe('cleared');
    expect(cleared.cleared_at).not.toBeNull();
    const entries = await recordAfter(t.handle, head);
    expect(entries.map((e) => e.action)).toEqual([
      'clearance.leg_decided',
      'clearance.certificate_issued',
      'clearance.conditions_accepted',
      'clearance.cleared',
    ]);
    expect(entries[0].audience).toEqual(['BY', 'KZ']);
    expect((entries[0].payload as { clearanceNumber: string }).clearanceNumber).toBe('KZ-77');
    const ru = (await legs(r.id))[1];
    expect(ru.clearance_number).toMatch(/^RU-CLR-\d{4}-\d{4}$/);
  });

  it('one denial denies the request; a decision after the window is refused with the instant', async () => {
    const now = new Date();
    const r = await buildClearanceRequest(t.handle, { by: p.byDelegate, now });
    await expect(
      decide('ruHead', r.id, 'RU', { decision: 'approve' }, new Date(now.getTime() + 49 * HOUR)),
    ).rejects.toThrow(/window closed at/);
    const denied = await decide('kzHead', r.id, 'KZ', {
      decision: 'deny',
      reason: 'Route closed for repairs',
    });
    expect(denied.status).toBe('denied');
  });

  it('a standing permission clears a matching leg at once and says which', async () => {
    const sp = await buildStandingPermission(t.handle, { by: p.ruHead });
    const r = await buildClearanceRequest(t.handle, { by: p.byDelegate });
    const ru = (await legs(r.id))[1];
    expect(ru.status).toBe('approved');
    expect(ru.decided_how).toBe('standing_permission');
    expect(ru.standing_permission_id).toBe(sp.id);
    expect(ru.clearance_number).toBe(sp.number);
    const armed = await buildClearanceRequest(t.handle, { by: p.byDelegate, body: { armament: true } });
    expect((await legs(armed.id))[1].status).toBe('pending');
    await t.handle.db
      .updateTable('standing_permissions')
      .set({ revoked_at: new Date() })
      .where('id', '=', sp.id)
      .execute();
  });
});

describe('information, silence, amendment', () => {
  it('a question pauses the clock; the answer moves the window by the pause', async () => {
    const now = new Date();
    const r = await buildClearanceRequest(t.handle, { by: p.byDelegate, now });
    const asked = new Date(now.getTime() + HOUR);
    await run((trx) => askInfo(trx, personFromRow(p.ruHead), r.id, 'RU', { question: 'Axle loads?' }, asked));
    let ru = (await legs(r.id))[1];
    expect(ru.status).toBe('info_requested');
    expect(ru.due_at).toBeNull();
    // The runner leaves a paused leg alone, even long after its first window.
    const applied = await applyDueSilences(t.handle.db, new Date(now.getTime() + 100 * HOUR));
    expect(applied.filter((d) => d.leg.request_id === r.id).map((d) => d.leg.state_code)).toEqual([
      'BY',
      'KZ',
    ]);
    const answered = new Date(now.getTime() + 3 * HOUR);
    await run((trx) => giveInfo(trx, personFromRow(p.byDelegate), r.id, 'RU', { answer: '10 t' }, answered));
    ru = (await legs(r.id))[1];
    expect(ru.status).toBe('pending');
    expect(ru.due_at?.getTime()).toBe(now.getTime() + 50 * HOUR);
    expect(Number(ru.paused_seconds)).toBe(7200);
  });

  it('silence applies at the instant the window closed, exactly once', async () => {
    const now = new Date(Date.now() - 200 * HOUR);
    const r = await buildClearanceRequest(t.handle, {
      by: p.byDelegate,
      now,
      body: { legs: landRoute(new Date()) },
    });
    const head = await recordHead(t.handle);
    const done = await applyDueSilences(t.handle.db, new Date());
    const mine = done.filter((d) => d.leg.request_id === r.id);
    expect(mine.map((d) => d.meaning).sort()).toEqual(['consent', 'consent', 'refusal']);
    expect(await applyDueSilences(t.handle.db, new Date())).toHaveLength(0);
    const rows = await legs(r.id);
    expect(rows[1].status).toBe('denied');
    expect(rows[1].decided_at?.getTime()).toBe(now.getTime() + 48 * HOUR);
    const entries = (await recordAfter(t.handle, head)).filter((e) => e.subject_id === r.id);
    const ruTacit = entries.find((e) => (e.payload as { state: string }).state === 'RU')!;
    expect(new Date(ruTacit.at).getTime()).toBe(now.getTime() + 48 * HOUR);
    expect(entries.some((e) => e.action === 'clearance.denied')).toBe(true);
  });

  it('an amendment re-opens only the changed legs and withdraws states off the route', async () => {
    const now = new Date();
    const r = await buildClearanceRequest(t.handle, { by: p.byDelegate, now });
    await decide('byHead', r.id, 'BY', { decision: 'approve' });
    await decide('kzHead', r.id, 'KZ', { decision: 'approve' });
    const { framework: _f, urgency: _u, classification: _c, ...body } = requestBody({}, now);
    const route = landRoute(now);
    route[2].route = 'A21 then A343 to the range';
    const amended = await run((trx) =>
      amendRequest(trx, personFromRow(p.byDelegate), r.id, AmendRequestInput.parse({ ...body, legs: route })),
    );
    expect(amended.version).toBe(2);
    const rows = await legs(r.id);
    expect(rows.map((l) => [l.state_code, l.status, l.version])).toEqual([
      ['BY', 'approved', 1],
      ['RU', 'pending', 1],
      ['KZ', 'pending', 2],
    ]);
    // The cargo changed: every leg opens again.
    const again = await run((trx) =>
      amendRequest(
        trx,
        personFromRow(p.byDelegate),
        r.id,
        AmendRequestInput.parse({ ...body, legs: route, personnel: 41 }),
      ),
    );
    expect((await legs(again.id)).every((l) => l.status === 'pending' && l.version === 3)).toBe(true);
    const w = await run((trx) =>
      withdrawRequest(trx, personFromRow(p.byDelegate), r.id, { reason: 'Exercise cancelled' }),
    );
    expect(w.status).toBe('withdrawn');
    // A state deciding a moment too late is told the request is withdrawn (409), not that its leg is unknown.
    await expect(decide('kzHead', r.id, 'KZ', { decision: 'approve' })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/withdrawn/),
    });
  });
});

describe('who is told', () => {
  it("a state's head deciding their own state's leg is not notified of their own decision; the rest are", async () => {
    const r = await buildClearanceRequest(t.handle, { by: p.byDelegate });
    await decide('byHead', r.id, 'BY', { decision: 'approve' });
    const told = async (userId: string) =>
      (
        await t.handle.db
          .selectFrom('notifications')
          .select('kind')
          .where('user_id', '=', userId)
          .where('subject_id', '=', r.id)
          .where('kind', '=', 'leg_decided')
          .execute()
      ).length;
    expect(await told(p.byHead.id)).toBe(0);
    expect(await told(p.byDelegate.id)).toBe(0);
    // The requester's other people hear of it: Russia's decision reaches Belarus's head.
    await decide('ruHead', r.id, 'RU', { decision: 'approve' });
    expect(await told(p.byHead.id)).toBe(1);
  });
});

/** The 400 a command threw, as `field: reason`. */
async function refusal(promise: Promise<unknown>) {
  const err = (await promise.then(
    () => null,
    (e: unknown) => e,
  )) as { status?: number; code?: string; fields?: { field: string; reason: string }[] } | null;
  expect(err, 'the command should have been refused').not.toBeNull();
  return err!;
}

describe('movement windows that have begun', () => {
  const amendBody = (legs: ReturnType<typeof landRoute>, extra: Record<string, unknown> = {}) => {
    const { framework: _f, urgency: _u, classification: _c, ...body } = requestBody({}, new Date());
    return AmendRequestInput.parse({ ...body, legs, ...extra });
  };

  it('a draft may keep a past window; submitting it is refused, naming the leg and window', async () => {
    const now = new Date();
    const route = landRoute(now);
    route[1].entry.window = window(-2, 6, now);
    const draft = await buildClearanceRequest(t.handle, {
      by: p.byDelegate,
      submit: false,
      now,
      body: { legs: route },
    });
    expect(draft.status).toBe('draft');
    const err = await refusal(run((trx) => submitRequest(trx, personFromRow(p.byDelegate), draft.id, now)));
    expect(err.status).toBe(400);
    expect(err.fields?.[0]?.field).toBe('legs.1.entry.window.from');
    expect(err.fields?.[0]?.reason).toMatch(/before now/);
    expect((await legs(draft.id)).every((l) => l.status === 'draft')).toBe(true);
    // Within the tolerance (a form sent a few minutes late) it goes through.
    route[1].entry.window = window(-2 / 60, 6, now);
    await expect(
      buildClearanceRequest(t.handle, { by: p.byDelegate, now, body: { legs: route } }),
    ).resolves.toMatchObject({ status: 'pending' });
  });

  it('an amendment is refused when a leg it re-opens has begun; a kept leg under way is not checked', async () => {
    const start = new Date();
    const r = await buildClearanceRequest(t.handle, { by: p.byDelegate, now: start });
    await decide('byHead', r.id, 'BY', { decision: 'approve' }, new Date(start.getTime() + HOUR));
    // A day and a half later BY's passage is under way; KZ's route changes: accepted.
    const later = new Date(start.getTime() + 26 * HOUR);
    const route = landRoute(start);
    route[2].route = 'A21, then the range road';
    const amended = await run((trx) =>
      amendRequest(trx, personFromRow(p.byDelegate), r.id, amendBody(route), later),
    );
    expect(amended.version).toBe(2);
    // BY's leg would re-open with its entry in the past: refused, naming it.
    route[0].route = 'M1 Minsk – Orsha – Vitebsk';
    const err = await refusal(
      run((trx) => amendRequest(trx, personFromRow(p.byDelegate), r.id, amendBody(route), later)),
    );
    expect(err.fields?.[0]?.field).toBe('legs.0.entry.window.from');
  });
});

describe('amending the envelope', () => {
  it('a new urgency sets the windows of the re-opened legs; the record says what changed', async () => {
    const now = new Date();
    const r = await buildClearanceRequest(t.handle, { by: p.byDelegate, now });
    await decide('byHead', r.id, 'BY', { decision: 'approve' }, now);
    const { framework: _f, urgency: _u, classification: _c, ...body } = requestBody({}, now);
    const route = landRoute(now);
    route[2].route = 'A21 to the range';
    const head = await recordHead(t.handle);
    const at = new Date(now.getTime() + HOUR);
    const amended = await run((trx) =>
      amendRequest(
        trx,
        personFromRow(p.byDelegate),
        r.id,
        AmendRequestInput.parse({ ...body, legs: route, urgency: 'urgent', reason: 'moved forward' }),
        at,
      ),
    );
    expect(amended.urgency).toBe('urgent');
    const rows = await legs(r.id);
    // KZ re-opens with its urgent window (24 h, escalation); BY keeps its decision, RU its routine window.
    expect(rows[2]).toMatchObject({ status: 'pending', on_silence: 'escalation' });
    expect(rows[2].due_at?.getTime()).toBe(at.getTime() + 24 * HOUR);
    expect(rows[0].status).toBe('approved');
    expect(rows[1].due_at?.getTime()).toBe(now.getTime() + 48 * HOUR);
    const entry = (await recordAfter(t.handle, head)).find((e) => e.action === 'clearance.amended')!;
    expect((entry.payload as { changed: unknown }).changed).toEqual({
      urgency: { from: 'routine', to: 'urgent' },
    });
  });

  it('a new framework re-opens every leg; a classification above the caller is refused', async () => {
    const now = new Date();
    const r = await buildClearanceRequest(t.handle, { by: p.byDelegate, now });
    await decide('byHead', r.id, 'BY', { decision: 'approve' }, now);
    const { framework: _f, urgency: _u, classification: _c, ...body } = requestBody({}, now);
    const amended = await run((trx) =>
      amendRequest(
        trx,
        personFromRow(p.byHead),
        r.id,
        AmendRequestInput.parse({ ...body, framework: 'training', classification: 'confidential' }),
        now,
      ),
    );
    expect(amended).toMatchObject({ framework: 'training', classification: 2 });
    expect((await legs(r.id)).map((l) => [l.status, l.version])).toEqual([
      ['pending', 2],
      ['pending', 2],
      ['pending', 2],
    ]);
    const err = await refusal(
      run((trx) =>
        amendRequest(
          trx,
          personFromRow(p.byHead),
          r.id,
          AmendRequestInput.parse({ ...body, classification: 'secret' }),
          now,
        ),
      ),
    );
    expect(err.fields?.[0]?.field).toBe('classification');
  });
});
