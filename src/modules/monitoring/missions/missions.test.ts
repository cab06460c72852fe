import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserRow } from '../../../db/schema.ts';
import { buildUser, type TestContext, testContext } from '../../../testing/harness.ts';
import { MONITORING } from '../../directory/organisation-file.fixtures.ts';
import { buildReportPeople, type ReportPeople, reportBody } from '../factories.ts';

// Observation missions: set up by the secretariat's administrators, their members' reports,
// and the daily report compiled from them and approved by the head of mission.

let t: TestContext;
let p: ReportPeople;
let admin: UserRow;
let missionId: string;
const day = (offset = 0) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
beforeAll(async () => {
  t = await testContext(MONITORING.replace('timeZone: Europe/Moscow', 'timeZone: UTC'));
  p = await buildReportPeople(t.handle);
  admin = await buildUser(t.handle, { role: 'secretariat_admin', accessLevel: 'secret' });
});
afterAll(() => t.close());

const post = (as: UserRow, path: string, json: unknown) => t.request(path, { method: 'POST', as, json });
const fieldOf = async (res: Response) =>
  ((await res.json()) as { error: { fields: { field: string; reason: string }[] } }).error.fields[0];
const missionBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Border observation, southern section',
  mandate: 'Observe the ceasefire line and report daily.',
  head: p.monitor.id,
  members: [p.byFocal.id],
  regions: ['south'],
  startsOn: day(-10),
  endsOn: day(20),
  ...overrides,
});

describe('missions', () => {
  it('set up by an administrator (201); 403 for a head of delegation; 400 naming a bad region, period, person or decision', async () => {
    const res = await post(admin, '/api/missions', missionBody());
    expect(res.status).toBe(201);
    const { mission } = (await res.json()) as {
      mission: {
        id: string;
        reference: string;
        status: string;
        members: { id: string }[];
        abilities: Record<string, boolean>;
      };
    };
    missionId = mission.id;
    expect(mission).toMatchObject({ status: 'active', members: [{ id: p.byFocal.id }] });
    expect(mission.reference).toMatch(/^OM-\d{4}-01$/);
    expect((await post(p.amHead, '/api/missions', missionBody())).status).toBe(403);
    expect((await post(p.observer, '/api/missions', missionBody())).status).toBe(404);
    expect(
      await fieldOf(await post(admin, '/api/missions', missionBody({ regions: ['south', 'north'] }))),
    ).toMatchObject({ field: 'regions.1' });
    expect(
      await fieldOf(await post(admin, '/api/missions', missionBody({ endsOn: day(-20) }))),
    ).toMatchObject({ field: 'endsOn' });
    // A period ending in the year 9999 is a typing slip, not a mandate.
    expect(
      await fieldOf(await post(admin, '/api/missions', missionBody({ endsOn: '9999-12-31' }))),
    ).toMatchObject({
      field: 'endsOn',
      reason: expect.stringMatching(/more than 5 years/),
    });
    expect(
      await fieldOf(await post(admin, '/api/missions', missionBody({ head: crypto.randomUUID() }))),
    ).toMatchObject({ field: 'head' });
    expect(
      await fieldOf(
        await post(admin, '/api/missions', missionBody({ mandateDecision: crypto.randomUUID() })),
      ),
    ).toEqual({ field: 'mandateDecision', reason: 'is not a decision you may read' });
    // The list says who may set one up.
    const listed = async (as: UserRow) =>
      (await (await t.request('/api/missions', { as })).json()) as {
        items: { id: string }[];
        abilities: { create: boolean };
      };
    expect((await listed(admin)).abilities.create).toBe(true);
    expect(await listed(p.amHead)).toMatchObject({
      abilities: { create: false },
      items: [{ id: missionId }],
    });
    expect(await listed(p.observer)).toEqual({ items: [], abilities: { create: false } });
    // The record names it and opens its page, for whoever may read it.
    const named = async (as: UserRow) =>
      (
        (await (
          await t.request(`/api/ledger?subjectType=mission&subjectId=${missionId}`, { as })
        ).json()) as {
          items: { action: string; subjectLabel: string | null; subjectPath: string | null }[];
        }
      ).items.find((e) => e.action === 'mission.created');
    expect(await named(p.amHead)).toMatchObject({
      subjectLabel: `${mission.reference} Border observation, southern section`,
      subjectPath: `/missions/${missionId}`,
    });
    // Read by the members and the secretariat; not by an observer.
    expect((await t.request(`/api/missions/${missionId}`, { as: p.amHead })).status).toBe(200);
    expect((await t.request(`/api/missions/${missionId}`, { as: p.observer })).status).toBe(404);
  });

  it("a member's report is filed for the mission; others and days outside the period are refused", async () => {
    const filed = await post(p.byFocal, '/api/reports', {
      ...reportBody(),
      mission: missionId,
      submit: true,
    });
    expect(filed.status).toBe(201);
    expect(
      ((await filed.json()) as { report: { mission: string; reporterRole: string } }).report,
    ).toMatchObject({
      mission: missionId,
      reporterRole: 'mission_member',
    });
    expect(
      await fieldOf(await post(p.amHead, '/api/reports', { ...reportBody(), mission: missionId })),
    ).toEqual({
      field: 'mission',
      reason: 'you are not a member of this mission',
    });
    const old = await post(p.byFocal, '/api/reports', {
      ...reportBody({ occurredAt: new Date(Date.now() - 30 * 86_400_000).toISOString() }),
      mission: missionId,
    });
    expect((await fieldOf(old)).field).toBe('occurredAt');
  });

  it("the day's report: compiled from the day's reports, approved once by the head of mission, then kept as approved", async () => {
    // Three days ago at noon: no other test's report (filed an hour ago) falls on that day.
    const earlier = new Date(Date.now() - 3 * 86_400_000);
    earlier.setUTCHours(12, 0, 0, 0);
    for (const [fatalities, category] of [
      [2, 'armed-clash'],
      [0, 'border-incident'],
      [0, 'border-incident'],
    ] as const)
      await post(p.byFocal, '/api/reports', {
        ...reportBody({ fatalities, category, occurredAt: earlier.toISOString() }),
        mission: missionId,
        submit: true,
      });
    const d = earlier.toISOString().slice(0, 10);
    const draft = await t.request(`/api/missions/${missionId}/daily/${d}`, { as: p.amHead });
    const { daily } = (await draft.json()) as {
      daily: {
        status: string;
        compiled: {
          reports: number;
          fatalities: number;
          byCategory: unknown[];
          notable: { fatalities: number }[];
        };
      };
    };
    expect(daily.status).toBe('draft');
    expect(daily.compiled).toMatchObject({
      reports: 3,
      fatalities: 2,
      byCategory: [
        { category: 'border-incident', count: 2 },
        { category: 'armed-clash', count: 1 },
      ],
    });
    // The armed clash is notable (violent, and a death).
    expect(daily.compiled.notable).toHaveLength(1);

    const approve = (as: UserRow, on = d) =>
      post(as, `/api/missions/${missionId}/daily/${on}/approve`, { summary: 'Quiet but for one clash.' });
    expect((await approve(p.byFocal)).status).toBe(403);
    expect((await fieldOf(await approve(p.monitor, day(2)))).field).toBe('day');
    const approved = await approve(p.monitor);
    expect(approved.status).toBe(200);
    expect(
      ((await approved.json()) as { daily: { status: string; approvedBy: string } }).daily,
    ).toMatchObject({ status: 'approved' });
    expect((await approve(p.monitor)).status).toBe(409);
    // A report added after approval does not change the approved day.
    await post(p.byFocal, '/api/reports', {
      ...reportBody({ occurredAt: earlier.toISOString() }),
      mission: missionId,
      submit: true,
    });
    const kept = (await (
      await t.request(`/api/missions/${missionId}/daily/${d}`, { as: p.amHead })
    ).json()) as {
      daily: { compiled: { reports: number }; summary: string };
    };
    expect(kept.daily).toMatchObject({ compiled: { reports: 3 }, summary: 'Quiet but for one clash.' });
    const entry = await t.handle.db
      .selectFrom('ledger_entries')
      .select('payload')
      .where('action', '=', 'mission.daily_approved')
      .executeTakeFirstOrThrow();
    expect(entry.payload).toMatchObject({ day: d, reports: 3 });
  });

  it('changed by an administrator with a reason: the mandate renewed, a new head; checked whole; 403 for others; in the record', async () => {
    const patch = (as: UserRow, json: unknown) =>
      t.request(`/api/missions/${missionId}`, { method: 'PATCH', as, json });
    // The reason is required, and a change must change something.
    expect(await fieldOf(await patch(admin, { endsOn: day(60) }))).toMatchObject({ field: 'reason' });
    expect(await fieldOf(await patch(admin, { reason: 'nothing' }))).toMatchObject({ field: 'name' });
    // Checked as the mission would be left: a period ending before it starts, or over five years.
    expect(await fieldOf(await patch(admin, { endsOn: day(-30), reason: 'typo' }))).toMatchObject({
      field: 'endsOn',
      reason: 'is before startsOn',
    });
    expect(await fieldOf(await patch(admin, { endsOn: '9999-12-31', reason: 'typo' }))).toMatchObject({
      field: 'endsOn',
    });
    expect(await fieldOf(await patch(admin, { regions: [], reason: 'no area' }))).toMatchObject({
      field: 'regions',
    });
    expect((await patch(p.observer, { endsOn: day(60), reason: 'renewed' })).status).toBe(404);
    expect((await patch(p.amHead, { endsOn: day(60), reason: 'renewed' })).status).toBe(403);
    expect((await patch(p.monitor, { endsOn: day(60), reason: 'renewed' })).status).toBe(403);

    // Renewed for two more months, with the focal point as its new head.
    const res = await patch(admin, {
      endsOn: day(60),
      head: p.byFocal.id,
      reason: 'Mandate renewed by decision No. 12',
    });
    expect(res.status).toBe(200);
    const { mission } = (await res.json()) as {
      mission: { to: string; head: { id: string }; members: { id: string }[] };
    };
    expect(mission.to).toBe(day(60));
    expect(mission.head.id).toBe(p.byFocal.id);
    expect(mission.members.map((m) => m.id)).not.toContain(p.byFocal.id);
    const entry = await t.handle.db
      .selectFrom('ledger_entries')
      .select('payload')
      .where('action', '=', 'mission.changed')
      .executeTakeFirstOrThrow();
    expect(entry.payload).toMatchObject({
      changed: ['head', 'endsOn'],
      reason: 'Mandate renewed by decision No. 12',
      head: p.byFocal.id,
      to: day(60),
    });
  });
});
