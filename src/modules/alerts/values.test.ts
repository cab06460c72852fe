import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAfter, recordHead, type TestContext } from '../../testing/harness.ts';
import { recordComputedValue } from './index.ts';
import { type AlertPeople, alertsContext, daysAgo } from './test-support.ts';

// Entering values of an indicator, its series, the regions' levels and their history: a rise
// opens an automatic alert and tells the situation room; a fall is recorded and opens nothing.

let t: TestContext;
let p: AlertPeople;

beforeAll(async () => {
  ({ t, people: p } = await alertsContext());
});
afterAll(async () => {
  await t.close();
});

const enter = (code: string, values: { at: string; value: unknown }[], as = p.byContact) =>
  t.request(`/api/indicators/${code}/values`, { method: 'POST', as, json: { values } });

async function levelOf(region: string, as = p.admin) {
  const res = await t.request('/api/monitoring/levels', { as });
  const { items } = (await res.json()) as { items: { region: { code: string }; level: { level: number } }[] };
  return items.find((i) => i.region.code === region)?.level.level;
}

describe('POST /api/indicators/{code}/values', () => {
  it('401 without a person', async () => {
    const res = await t.request('/api/indicators/border-media/values', {
      method: 'POST',
      json: { values: [{ at: daysAgo(1), value: 1 }] },
    });
    expect(res.status).toBe(401);
  });

  it.each([
    ['no values', { values: [] }, 'values', 'give at least one value'],
    [
      'a value that is not a number',
      { values: [{ at: daysAgo(1), value: 'many' }] },
      'values.0.value',
      'must be a number',
    ],
    ['a time that is not one', { values: [{ at: 'yesterday', value: 1 }] }, 'values.0.at', 'is not a time'],
    [
      'an unknown field',
      { values: [{ at: daysAgo(1), value: 1, note: 'x' }] },
      'values.0.note',
      'unknown field',
    ],
  ])('400 for %s, naming the field', async (_what, json, field, reason) => {
    const res = await t.request('/api/indicators/border-media/values', {
      method: 'POST',
      as: p.byContact,
      json,
    });
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { fields: { field: string; reason: string }[] } };
    expect(error.fields[0]).toMatchObject({ field });
    expect(error.fields[0]!.reason).toContain(reason);
  });

  it('400 for a time more than 5 minutes ahead, a time given twice, and a computed indicator', async () => {
    const ahead = new Date(Date.now() + 10 * 60_000).toISOString();
    let res = await enter('border-media', [{ at: ahead, value: 1 }]);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { fields: [{ field: 'values.0.at', reason: 'is more than 5 minutes in the future' }] },
    });
    const at = daysAgo(3);
    res = await enter('border-media', [
      { at, value: 1 },
      { at, value: 2 },
    ]);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      error: { fields: [{ field: 'values.1.at', reason: 'repeats the time of values.0' }] },
    });
    res = await enter('border-incidents', [{ at, value: 1 }]);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { fields: [{ field: 'path.code' }] } });
  });

  it('404 for an unknown indicator, or one of another member state; 403 for who reads but may not enter', async () => {
    const values = [{ at: daysAgo(2), value: 1 }];
    expect((await enter('nowhere', values)).status).toBe(404);
    expect((await enter('south-grain', values, p.byContact)).status).toBe(404);
    expect((await enter('border-media', values, p.tjHead)).status).toBe(404);
    expect((await enter('border-media', values, p.observer)).status).toBe(404);
    expect((await enter('border-media', values, p.byPublic)).status).toBe(404);
    expect((await enter('border-media', values, p.byDelegate)).status).toBe(403);
  });

  it('201: the values, one record entry with what they replaced, the level worked out again', async () => {
    const head = await recordHead(t.handle);
    const at = daysAgo(20);
    let res = await enter('border-media', [{ at, value: 10 }]);
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await res.json()).toEqual({
      written: 1,
      replaced: 0,
      level: { region: 'border', from: 1, to: 1, change: 'same', alert: null },
    });
    res = await enter('border-media', [{ at, value: 12 }], p.staff);
    expect(await res.json()).toMatchObject({ written: 1, replaced: 1 });
    const entries = (await recordAfter(t.handle, head)).filter(
      (e) => e.action === 'indicator.values_entered',
    );
    expect(
      entries.map((e) => [e.actor_label, e.subject_id, e.payload, e.classification, e.audience]),
    ).toEqual([
      [
        expect.any(String),
        'border-media',
        { indicator: 'border-media', region: 'border', values: [{ at, value: 10, previous: null }] },
        1,
        ['AM', 'BY'],
      ],
      [
        expect.any(String),
        'border-media',
        { indicator: 'border-media', region: 'border', values: [{ at, value: 12, previous: 10 }] },
        1,
        ['AM', 'BY'],
      ],
    ]);
  });
});

describe('levels', () => {
  it('a rise opens an automatic alert, records the change with its figures, and tells the situation room', async () => {
    const head = await recordHead(t.handle);
    const res = await enter('border-media', [{ at: daysAgo(10), value: 250 }]);
    expect(await res.json()).toMatchObject({
      level: {
        region: 'border',
        from: 1,
        to: 3,
        change: 'rose',
        alert: { reference: expect.stringMatching(/^AL-\d{4}-0001$/) },
      },
    });
    const entries = await recordAfter(t.handle, head);
    const changed = entries.find((e) => e.action === 'alert.level_changed');
    expect(changed).toMatchObject({
      actor_label: 'early warning',
      subject_type: 'monitoring_region',
      subject_id: 'border',
      payload: {
        region: 'border',
        from: 1,
        to: 3,
        direction: 'rose',
        escalated: false,
        readings: [
          { indicator: 'border-media', value: 250, level: 3, threshold: { level: 3, at: 200 } },
          { indicator: 'border-displaced', value: null, at: null, level: 1, threshold: null },
          { indicator: 'border-incidents', value: null, level: 1 },
        ],
      },
    });
    const opened = entries.find((e) => e.action === 'alert.opened');
    expect(opened?.payload).toMatchObject({
      region: 'border',
      level: 3,
      origin: 'automatic',
      title: 'Border: Warning',
    });

    const told = await t.handle.db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'subject_type'])
      .where('kind', '=', 'level_raised')
      .execute();
    const ids = told.map((n) => n.user_id);
    // Secretariat staff and BY's delegation within the level; not TJ, not the observer, not the public-level contact.
    for (const who of [p.admin, p.staff, p.byHead, p.byContact, p.byDelegate]) expect(ids).toContain(who.id);
    for (const who of [p.tjHead, p.observer, p.byPublic]) expect(ids).not.toContain(who.id);
    expect(told.every((n) => n.subject_type === 'level_change')).toBe(true);

    // Listed for a reader (its subject, the change of level, names it for them).
    const list = await t.request('/api/notifications', { as: p.byHead });
    expect(await list.json()).toMatchObject({ items: [{ kind: 'level_raised' }], unread: 1 });

    // The webhook event and the live record: the entry is readable by BY, not by TJ.
    expect(changed!.audience).toEqual(['AM', 'BY']);
    expect(await levelOf('border')).toBe(3);
  });

  it('a second indicator at level 3 escalates the region to 4 (the combination rule): a new alert at 4', async () => {
    const res = await enter('border-displaced', [{ at: daysAgo(9), value: 1500 }]);
    expect(await res.json()).toMatchObject({
      level: { from: 3, to: 4, change: 'rose', alert: { reference: expect.any(String) } },
    });
    const history = await t.request('/api/monitoring/levels/border/history', { as: p.byDelegate });
    expect(history.status).toBe(200);
    const { items } = (await history.json()) as {
      items: { from: { level: number }; to: { level: number; name: { en: string } }; escalated: boolean }[];
    };
    expect(items.map((i) => [i.from.level, i.to.level, i.escalated])).toEqual([
      [3, 4, true],
      [1, 3, false],
    ]);
    expect(items[0]!.to.name.en).toBe('Crisis');
  });

  it('a fall records the change and opens no alert, tells nobody', async () => {
    const head = await recordHead(t.handle);
    const alertsBefore = await t.handle.db.selectFrom('alerts').select('id').execute();
    const notifiedBefore = await t.handle.db.selectFrom('notifications').select('id').execute();
    const res = await enter('border-displaced', [{ at: daysAgo(5), value: 10 }]);
    expect(await res.json()).toMatchObject({ level: { from: 4, to: 3, change: 'fell', alert: null } });
    const entries = await recordAfter(t.handle, head);
    expect(entries.find((e) => e.action === 'alert.level_changed')?.payload).toMatchObject({
      from: 4,
      to: 3,
      direction: 'fell',
      alert: null,
    });
    expect(entries.some((e) => e.action === 'alert.opened')).toBe(false);
    expect(await t.handle.db.selectFrom('alerts').select('id').execute()).toHaveLength(alertsBefore.length);
    expect(await t.handle.db.selectFrom('notifications').select('id').execute()).toHaveLength(
      notifiedBefore.length,
    );
  });

  it('a rise back to a level an alert not closed already stands at opens no second alert', async () => {
    const before = await t.handle.db.selectFrom('alerts').select('id').execute();
    const res = await enter('border-displaced', [{ at: daysAgo(4), value: 2000 }]);
    expect(await res.json()).toMatchObject({ level: { from: 3, to: 4, change: 'rose', alert: null } });
    expect(await t.handle.db.selectFrom('alerts').select('id').execute()).toHaveLength(before.length);
  });

  it('a computed value fed by the monitoring module counts like any other', async () => {
    const outcome = await t.handle.db
      .transaction()
      .execute((trx) => recordComputedValue(trx, 'border-incidents', new Date(daysAgo(1)), 12));
    expect(outcome).toMatchObject({ region: 'border', change: 'same' });
    expect(outcome!.figures.readings.find((r) => r.code === 'border-incidents')).toMatchObject({
      value: 12,
      level: 3,
    });
    await expect(
      t.handle.db.transaction().execute((trx) => recordComputedValue(trx, 'border-media', new Date(), 1)),
    ).rejects.toThrow('is entered, not computed');
  });
});

describe('GET /api/monitoring/levels', () => {
  it('401 without a person', async () => {
    expect((await t.request('/api/monitoring/levels')).status).toBe(401);
  });

  it('each reader sees the regions they watch: the secretariat every one, a state its own, an observer none', async () => {
    const codes = async (as: Parameters<typeof levelOf>[1]) => {
      const res = await t.request('/api/monitoring/levels', { as });
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: { region: { code: string } }[] }).items.map(
        (i) => i.region.code,
      );
    };
    expect(await codes(p.admin)).toEqual(['south', 'border']);
    expect(await codes(p.byDelegate)).toEqual(['border']);
    expect(await codes(p.tjHead)).toEqual(['south']);
    expect(await codes(p.observer)).toEqual([]);
  });

  it('a level with its name and colour, since when, the readings and the open alerts', async () => {
    const res = await t.request('/api/monitoring/levels', { as: p.byHead });
    const { items } = (await res.json()) as { items: Record<string, unknown>[] };
    expect(items[0]).toMatchObject({
      region: { code: 'border', name: { en: 'Border' }, states: ['AM', 'BY'] },
      level: { level: 4, code: 'crisis', colour: '#a61e4d' },
      since: expect.any(String),
      escalated: true,
      openAlerts: 2,
    });
  });

  it('history: 404 for an unknown region or one of another state, 400 for a malformed code', async () => {
    expect((await t.request('/api/monitoring/levels/nowhere/history', { as: p.admin })).status).toBe(404);
    expect((await t.request('/api/monitoring/levels/south/history', { as: p.byHead })).status).toBe(404);
    expect((await t.request('/api/monitoring/levels/South!/history', { as: p.admin })).status).toBe(400);
    expect((await t.request('/api/monitoring/levels/south/history')).status).toBe(401);
  });
});

describe('GET /api/indicators/{code}/values', () => {
  it('the series with its thresholds and their levels, each value with its level', async () => {
    const res = await t.request(
      `/api/indicators/border-media/values?from=${encodeURIComponent(daysAgo(30))}`,
      {
        as: p.byDelegate,
      },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      indicator: {
        code: 'border-media',
        source: 'entered',
        direction: 'rising',
        thresholds: [
          { level: 2, at: 50, code: 'watch', colour: '#f2c94c' },
          { level: 3, at: 200, code: 'warning' },
          { level: 4, at: 500, code: 'crisis' },
        ],
      },
      values: [
        { value: 12, level: 1, source: 'entered' },
        { value: 250, level: 3, source: 'entered' },
      ],
      abilities: { enter: false },
    });
    const mine = await t.request('/api/indicators/border-media/values', { as: p.byContact });
    expect(((await mine.json()) as { abilities: { enter: boolean } }).abilities.enter).toBe(true);
  });

  it('401, 400 for a bad time, 404 for another state or an unknown indicator', async () => {
    expect((await t.request('/api/indicators/border-media/values')).status).toBe(401);
    const bad = await t.request('/api/indicators/border-media/values?from=soon', { as: p.admin });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { fields: [{ field: 'query.from' }] } });
    expect((await t.request('/api/indicators/border-media/values', { as: p.tjHead })).status).toBe(404);
    expect((await t.request('/api/indicators/nothing/values', { as: p.admin })).status).toBe(404);
  });
});
