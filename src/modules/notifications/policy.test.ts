import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, personFromRow, systemActor } from '../../core/actor.ts';
import { can } from '../../policy/index.ts';
import { type TestContext, testContext } from '../../testing/harness.ts';
import { buildProcedure, buildStances } from '../decisions/factories.ts';
import { buildNotificationPeople, type NotificationPeople } from './factories.ts';
import { listNotifications } from './queries.ts';

// A person's notifications, preferences and calendar feed are theirs alone: not an
// administrator's, not the system's. The rules as a matrix, then the SQL scope of the
// list against the rule on a real database.

let t: TestContext;
let p: NotificationPeople;

beforeAll(async () => {
  t = await testContext();
  p = await buildNotificationPeople(t.handle);
  const procedure = await buildProcedure(t.handle, { proposal: { body: 'council' }, chair: p.admin });
  await buildStances(t.handle, p.tjHead, procedure, 'object', { text: 'No' });
});
afterAll(() => t.close());

const RESOURCES = {
  notification: ['read', 'markRead'],
  notificationPreferences: ['read', 'update'],
  calendarFeed: ['read', 'rotate'],
} as const;

describe('own things: role x resource x action', () => {
  it('only the owner, for every action listed; nothing else is allowed', () => {
    const owner = personFromRow(p.byDelegate);
    const others: [string, Actor][] = [
      ['admin', personFromRow(p.admin)],
      ['head of the same delegation', personFromRow(p.byHead)],
      ['observer', personFromRow(p.observer)],
      ['system', systemActor('test')],
    ];
    const subject = { user_id: p.byDelegate.id };
    for (const [kind, actions] of Object.entries(RESOURCES) as [
      keyof typeof RESOURCES,
      readonly string[],
    ][]) {
      for (const action of actions) {
        expect(can(owner, action, kind, subject), `owner ${action} ${kind}`).toBe(true);
        for (const [name, actor] of others)
          expect(can(actor, action, kind, subject), `${name} ${action} ${kind}`).toBe(false);
      }
      for (const action of ['delete', 'update', 'create', 'export'].filter((a) => !actions.includes(a)))
        expect(can(owner, action, kind, subject), `owner ${action} ${kind} (not listed)`).toBe(false);
    }
  });
});

describe('the list and the rule agree', () => {
  it('for every person, the list holds exactly the notifications the rule lets them read', async () => {
    const rows = await t.handle.db.selectFrom('notifications').selectAll().execute();
    expect(rows.length).toBeGreaterThan(5);
    for (const user of [...Object.values(p)]) {
      const person = personFromRow(user);
      const { items } = await listNotifications(t.handle.db, person, { limit: 200, offset: 0 });
      const allowed = rows.filter((r) => can(person, 'read', 'notification', r)).map((r) => r.id);
      expect(items.map((i) => i.id).sort(), user.username).toEqual(allowed.sort());
    }
    const { items } = await listNotifications(t.handle.db, systemActor('test'), { limit: 200, offset: 0 });
    expect(items).toEqual([]);
  });
});
