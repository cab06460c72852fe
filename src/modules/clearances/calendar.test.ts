import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personFromRow } from '../../core/actor.ts';
import { type TestContext, testContext, tokenFor } from '../../testing/harness.ts';
import { CLEARANCE_ORGANISATION, HOUR, landRoute } from '../../testing/simulations/clearances.ts';
import { setLocale } from '../users/index.ts';
import { clearancesCalendar } from './calendar.ts';
import { buildClearancePeople, buildClearanceRequest, type ClearancePeople } from './factories.ts';
import { decideLeg } from './legs/commands.ts';
import { DecideLegInput } from './schema.ts';

// The clearances module's part of a person's calendar feed: the legs their state must
// decide, each at the instant its window closes, next to the decisions module's deadlines.

let t: TestContext;
let p: ClearancePeople;
beforeAll(async () => {
  t = await testContext(CLEARANCE_ORGANISATION);
  p = await buildClearancePeople(t.handle);
});
afterAll(() => t.close());

const calendarOf = (who: keyof ClearancePeople) => clearancesCalendar(t.handle.db, personFromRow(p[who]));

describe('clearances in the calendar feed', () => {
  it("a leg to decide is an event at its window's close, for those who decide for the state, until decided", async () => {
    const start = new Date();
    const r = await buildClearanceRequest(t.handle, {
      by: p.byDelegate,
      now: start,
      body: { legs: landRoute(start) },
    });
    const legs = await t.handle.db
      .selectFrom('clearance_legs')
      .select(['id', 'state_code', 'due_at'])
      .where('request_id', '=', r.id)
      .execute();
    const ruLeg = legs.find((l) => l.state_code.trim() === 'RU')!;

    const ru = await calendarOf('ruHead');
    const event = ru.find((e) => e.uid === `clearance-leg-${ruLeg.id}`);
    expect(event).toMatchObject({
      start: ruLeg.due_at,
      path: `/clearances/${r.id}`,
      summary: `Clearance ${r.reference}: RU decision due: ${r.title}`,
    });
    expect(
      ru.every((e) => e.uid !== `clearance-leg-${legs.find((l) => l.state_code.trim() === 'KZ')!.id}`),
    ).toBe(true);
    // A point of contact decides for RU; a delegate without the head's authorisation does not;
    // an observer and another state's head see no RU leg.
    expect((await calendarOf('ruContact')).some((e) => e.uid === event!.uid)).toBe(true);
    expect((await calendarOf('ruDelegate')).some((e) => e.uid === event!.uid)).toBe(false);
    expect(await calendarOf('observer')).toEqual([]);
    expect((await calendarOf('amHead')).some((e) => e.uid === event!.uid)).toBe(false);

    // In the reader's language.
    await t.handle.db.transaction().execute((trx) => setLocale(trx, personFromRow(p.ruContact), 'ru'));
    const ruContact = { ...personFromRow(p.ruContact), locale: 'ru' as const };
    const worded = (await clearancesCalendar(t.handle.db, ruContact)).find((e) => e.uid === event!.uid);
    expect(worded?.summary).toBe(`Разрешение ${r.reference}: срок решения RU: ${r.title}`);

    // Decided: no longer a deadline.
    await t.handle.db
      .transaction()
      .execute((trx) =>
        decideLeg(
          trx,
          personFromRow(p.ruHead),
          r.id,
          'RU',
          DecideLegInput.parse({ decision: 'approve' }),
          new Date(start.getTime() + HOUR),
        ),
      );
    expect((await calendarOf('ruHead')).some((e) => e.uid === event!.uid)).toBe(false);
  });

  it('the feed carries the leg as a VEVENT with its UTC instant and a link to the request', async () => {
    const start = new Date();
    const r = await buildClearanceRequest(t.handle, {
      by: p.byDelegate,
      now: start,
      body: { legs: landRoute(start) },
    });
    const kz = await t.handle.db
      .selectFrom('clearance_legs')
      .select(['id', 'due_at'])
      .where('request_id', '=', r.id)
      .where('state_code', '=', 'KZ')
      .executeTakeFirstOrThrow();
    await tokenFor(t.handle, p.kzHead);
    const link = await t.request('/api/me/calendar-link', { method: 'POST', as: p.kzHead });
    const { calendar } = (await link.json()) as { calendar: { path: string } };
    const body = (await (await t.request(calendar.path)).text()).replace(/\r\n[ \t]/g, '');
    const utc = kz
      .due_at!.toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d{3}/, '');
    expect(body).toContain(`UID:clearance-leg-${kz.id}@accord\r\n`);
    expect(body).toContain(`DTSTART:${utc}\r\n`);
    expect(body).toContain(`/clearances/${r.id}\r\n`);
  });
});
