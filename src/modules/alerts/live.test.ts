import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/actor.ts';
import type { UserRow } from '../../db/schema.ts';
import { type TestContext, tokenFor, writeRecorded } from '../../testing/harness.ts';
import { SseReader } from '../../testing/sse.ts';
import { type AlertPeople, alertsContext, daysAgo } from './test-support.ts';

// The situation room's live update: a rise of level reaches the live streams of those who
// watch the region (its entries: the values, the change of level, the automatic alert), and
// nobody else's. A sentinel entry everyone reads ends the scenario, so that what a stream
// shows before it is all it will ever show (no waiting for a timeout).

let t: TestContext;
let p: AlertPeople;
const open: SseReader[] = [];

beforeAll(async () => {
  ({ t, people: p } = await alertsContext());
  for (const user of [p.admin, p.byDelegate, p.byContact, p.tjHead, p.observer])
    await tokenFor(t.handle, user);
});
afterAll(async () => {
  await Promise.all(open.map((r) => r.close()));
  await t.close();
});

async function listen(user: UserRow) {
  const res = await t.request('/api/live', { as: user });
  expect(res.status).toBe(200);
  const reader = new SseReader(res.body!.getReader());
  open.push(reader);
  expect((await reader.next()).event).toBe('ready');
  return reader;
}

async function actionsUntil(reader: SseReader, seq: number): Promise<string[]> {
  const actions: string[] = [];
  for (;;) {
    const event = await reader.next();
    if (event.event !== 'entry') continue;
    const entry = JSON.parse(event.data) as { seq: number; action: string; subjectType: string };
    actions.push(`${entry.action} ${entry.subjectType}`);
    if (entry.seq >= seq) return actions;
  }
}

describe('live updates of early warning', () => {
  it('a rise reaches the secretariat and the region’s delegations, not another state or an observer', async () => {
    const streams = [p.admin, p.byDelegate, p.tjHead, p.observer].map(listen);
    const [admin, by, tj, observer] = await Promise.all(streams);
    const res = await t.request('/api/indicators/border-media/values', {
      method: 'POST',
      as: p.byContact,
      json: { values: [{ at: daysAgo(1), value: 600 }] },
    });
    expect(await res.json()).toMatchObject({ level: { change: 'rose', to: 4 } });
    const end = await writeRecorded(t.handle, systemActor('test'), {
      action: 'user.updated',
      subjectType: 'sentinel',
      subjectId: 'end',
      payload: { changes: {} },
      audience: ['AM', 'BY', 'TJ', 'partner:UN'],
    });
    const rise = [
      'indicator.values_entered indicator',
      'alert.opened alert',
      'alert.level_changed monitoring_region',
      'user.updated sentinel',
    ];
    expect(await actionsUntil(admin!, end.seq)).toEqual(rise);
    expect(await actionsUntil(by!, end.seq)).toEqual(rise);
    expect(await actionsUntil(tj!, end.seq)).toEqual(['user.updated sentinel']);
    expect(await actionsUntil(observer!, end.seq)).toEqual(['user.updated sentinel']);
  });
});
