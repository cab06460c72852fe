import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationKind } from '../../db/schema.ts';
import { buildUser, type TestContext, testContext } from '../../testing/harness.ts';
import { type ClearanceEvent, publishClearanceEvent } from '../clearances/events.ts';
import { buildNotificationPeople, type NotificationPeople, turnOff } from '../notifications/factories.ts';
import { sendDueLegReminders } from './notify.ts';
import { buildClearanceRows } from './notify-factories.ts';

// Clearance news on a real database, through publishClearanceEvent over rows written directly.
// The people: heads of AM, BY, TJ (confidential), a BY and an AM point of contact (restricted),
// a TJ point of contact cleared only for public, the BY delegate (not a point of contact),
// the secretariat administrator (secret) and staff, an observer.

const HOUR = 3_600_000;
let t: TestContext;
let p: NotificationPeople & Record<string, Awaited<ReturnType<typeof buildUser>>>;

beforeAll(async () => {
  t = await testContext();
  const base = await buildNotificationPeople(t.handle);
  p = {
    ...base,
    byContact: await buildUser(t.handle, {
      role: 'point_of_contact',
      stateCode: 'BY',
      accessLevel: 'restricted',
    }),
    tjContact: await buildUser(t.handle, {
      role: 'point_of_contact',
      stateCode: 'TJ',
      accessLevel: 'public',
    }),
  };
});
afterAll(() => t.close());

const publish = (event: ClearanceEvent) =>
  t.handle.db.transaction().execute((trx) => publishClearanceEvent(trx, event));

async function notified(requestId: string, kind: NotificationKind): Promise<string[]> {
  const rows = await t.handle.db
    .selectFrom('notifications')
    .select('user_id')
    .where('subject_id', '=', requestId)
    .where('kind', '=', kind)
    .execute();
  const names = new Map(Object.entries(p).map(([name, user]) => [user.id, name]));
  return rows.map((r) => names.get(r.user_id) ?? `unknown ${r.user_id}`).sort();
}

describe('a leg arrived', () => {
  it("tells that leg's state's points of contact and head, once however often it is published", async () => {
    const c = await buildClearanceRows(t.handle, { requestingState: 'BY', route: ['AM', 'TJ'] });
    await publish(c.arrived('AM'));
    await publish(c.arrived('AM'));
    await publish(c.arrived('TJ'));
    // AM: its point of contact and head (not the public-cleared AM delegate); TJ: the head
    // (its point of contact is cleared below restricted). Nobody of BY, nor the secretariat.
    expect(await notified(c.request.id, 'leg_arrived')).toEqual(['amContact', 'amHead', 'tjHead']);
    const row = await t.handle.db
      .selectFrom('notifications')
      .selectAll()
      .where('subject_id', '=', c.request.id)
      .where('user_id', '=', p.amContact.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ subject_type: 'clearance_request' });
    expect(row.details).toMatchObject({
      reference: c.request.reference,
      state: 'AM',
      dueAt: c.dueAt.toISOString(),
    });
  });

  it('confidential: only those whose access level reaches it', async () => {
    const c = await buildClearanceRows(t.handle, { route: ['AM'], classification: 2 });
    await publish(c.arrived('AM'));
    expect(await notified(c.request.id, 'leg_arrived')).toEqual(['amHead']);
  });

  it('a kind turned off is not sent', async () => {
    await turnOff(t.handle, p.amContact, ['leg_arrived']);
    const c = await buildClearanceRows(t.handle, { route: ['AM'] });
    await publish(c.arrived('AM'));
    expect(await notified(c.request.id, 'leg_arrived')).toEqual(['amHead']);
    await turnOff(t.handle, p.amContact, []);
  });

  it('the person whose action caused it is not told', async () => {
    const c = await buildClearanceRows(t.handle, { route: ['AM'] });
    await publish({ ...c.arrived('AM'), actorId: p.amHead.id });
    expect(await notified(c.request.id, 'leg_arrived')).toEqual(['amContact']);
  });
});

describe('decisions and the request', () => {
  it('a decision goes to the requesting state; an escalation to the secretariat administrators', async () => {
    const c = await buildClearanceRows(t.handle, { requestingState: 'BY', route: ['AM', 'TJ'] });
    const decided = {
      ...c.base,
      kind: 'leg_decided' as const,
      state: 'AM',
      legId: c.leg('AM').id,
      outcome: 'approved_with_conditions' as const,
      how: 'state' as const,
      clearanceNumber: 'AM-77',
    };
    await publish(decided);
    expect(await notified(c.request.id, 'leg_decided')).toEqual(['byContact', 'byHead']);
    await publish({ ...decided, state: 'TJ', legId: c.leg('TJ').id, outcome: 'escalated', how: null });
    expect(await notified(c.request.id, 'leg_escalated')).toEqual(['admin']);
    expect(await notified(c.request.id, 'leg_decided')).toEqual(['byContact', 'byHead']);
  });

  it('an answer to a question brings the leg back to its state', async () => {
    const c = await buildClearanceRows(t.handle, { route: ['AM'] });
    await publish({
      ...c.base,
      at: new Date(c.base.at.getTime() + 1000),
      kind: 'leg_decided',
      state: 'AM',
      legId: c.leg('AM').id,
      outcome: 'info_given',
      how: null,
      clearanceNumber: null,
    });
    expect(await notified(c.request.id, 'leg_arrived')).toEqual(['amContact', 'amHead']);
  });

  it('cleared and denied: the requesting state and every state on the route', async () => {
    const c = await buildClearanceRows(t.handle, { requestingState: 'BY', route: ['AM'] });
    await publish({ ...c.base, kind: 'request_cleared', verificationCode: 'X' });
    expect(await notified(c.request.id, 'request_cleared')).toEqual([
      'amContact',
      'amHead',
      'byContact',
      'byHead',
    ]);
    const d = await buildClearanceRows(t.handle, { requestingState: 'TJ', route: ['AM'] });
    await publish({ ...d.base, kind: 'request_denied', state: 'AM' });
    expect(await notified(d.request.id, 'request_denied')).toEqual(['amContact', 'amHead', 'tjHead']);
  });
});

describe('the API lists clearance notifications beside the proposal ones', () => {
  it('with the request as subject, counted unread', async () => {
    const c = await buildClearanceRows(t.handle, { route: ['TJ'] });
    await publish(c.arrived('TJ'));
    const res = await t.request('/api/notifications', { as: p.tjHead });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: Record<string, unknown>[]; unread: number };
    const item = body.items.find((i) => (i.clearance as { id?: string } | null)?.id === c.request.id);
    expect(item).toMatchObject({
      kind: 'leg_arrived',
      proposal: null,
      procedure: null,
      clearance: {
        id: c.request.id,
        reference: c.request.reference,
        requestingState: 'BY',
        infoGiven: false,
      },
      state: 'TJ',
      deadline: c.dueAt.toISOString(),
    });
    expect(body.unread).toBeGreaterThanOrEqual(1);
    // Once the request is classified above the head's access level, it is no longer listed.
    await t.handle.db
      .updateTable('clearance_requests')
      .set({ classification: 3 })
      .where('id', '=', c.request.id)
      .execute();
    const after = (await (await t.request('/api/notifications', { as: p.tjHead })).json()) as {
      items: { clearance: { id: string } | null }[];
    };
    expect(after.items.some((i) => i.clearance?.id === c.request.id)).toBe(false);
  });
});

describe('1 h before a leg’s window closes', () => {
  it('reminds its state once per (leg, due_at), not before, not for a decided leg', async () => {
    const openedAt = new Date(Date.now() + 1000 * HOUR);
    const c = await buildClearanceRows(t.handle, { route: ['AM', 'TJ'], openedAt, dueInMs: 3 * HOUR });
    const beforeDue = new Date(c.dueAt.getTime() - HOUR - 1000);
    expect(
      (await sendDueLegReminders(t.handle.db, beforeDue)).filter((s) => s.legId === c.leg('AM').id),
    ).toEqual([]);
    // TJ decides before the reminder.
    await t.handle.db
      .updateTable('clearance_legs')
      .set({ status: 'approved', decided_at: openedAt, due_at: null })
      .where('id', '=', c.leg('TJ').id)
      .execute();
    const at = new Date(c.dueAt.getTime() - HOUR + 1000);
    const sent = (await sendDueLegReminders(t.handle.db, at)).filter((s) => s.legId.length);
    expect(sent.map((s) => s.legId)).toContain(c.leg('AM').id);
    expect(sent.map((s) => s.legId)).not.toContain(c.leg('TJ').id);
    expect(await sendDueLegReminders(t.handle.db, at)).toEqual([]);
    expect(await notified(c.request.id, 'leg_due_1h')).toEqual(['amContact', 'amHead']);
    // The window moves (information asked and given): a reminder for the new due_at.
    const moved = new Date(c.dueAt.getTime() + 2 * HOUR);
    await t.handle.db
      .updateTable('clearance_legs')
      .set({ due_at: moved })
      .where('id', '=', c.leg('AM').id)
      .execute();
    const again = await sendDueLegReminders(t.handle.db, new Date(moved.getTime() - HOUR + 1));
    expect(again.map((s) => s.legId)).toEqual([c.leg('AM').id]);
    expect((await notified(c.request.id, 'leg_due_1h')).length).toBe(4);
  });
});
