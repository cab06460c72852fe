import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FILE } from '../../config.ts';
import { buildUser, type TestContext, testContext, tokenFor } from '../../testing/harness.ts';
import { buildProposal } from '../decisions/factories.ts';
import { readOrganisationFile } from '../directory/organisation-file.ts';
import { formatInZone, wallTime } from './time.ts';

// Deadlines are UTC instants; people read them as wall time in a zone. These tests hold
// the formatting helper (the one the calendar feed uses; the web UI formats with the
// same Intl rules) to the right wall time in every zone of the demo organisation and in
// a zone with daylight saving, on either side of each change.

const at = (iso: string) => new Date(iso);

describe('a deadline given with an offset is stored as the instant it names', () => {
  let t: TestContext;
  beforeAll(async () => {
    t = await testContext();
  });
  afterAll(() => t.close());

  it('through the API: "+02:00", "+05:00" and "Z" give the same UTC instant back; no offset is refused', async () => {
    const admin = await buildUser(t.handle, { role: 'secretariat_admin', accessLevel: 'secret' });
    await tokenFor(t.handle, admin);
    // 02:30 on 28 March 2027 does not exist in Europe/Vilnius or Berlin-like zones (the
    // clocks skip an hour that night): with its offset the instant is still unambiguous.
    for (const [given, stored] of [
      ['2027-03-28T02:30:00+02:00', '2027-03-28T00:30:00.000Z'],
      ['2027-03-28T05:30:00+05:00', '2027-03-28T00:30:00.000Z'],
      ['2027-10-31T03:30:00+03:00', '2027-10-31T00:30:00.000Z'],
      ['2027-10-31T03:30:00+02:00', '2027-10-31T01:30:00.000Z'],
      ['2027-10-31T01:30:00Z', '2027-10-31T01:30:00.000Z'],
    ]) {
      const proposal = await buildProposal(t.handle);
      const res = await t.request(`/api/proposals/${proposal.id}/procedures`, {
        method: 'POST',
        as: admin,
        json: { kind: 'silence', deadline: given },
      });
      expect(res.status, given).toBe(201);
      const body = (await res.json()) as { procedure: { id: string; deadline: string } };
      expect(body.procedure.deadline, given).toBe(stored);
      const row = await t.handle.db
        .selectFrom('procedures')
        .select('deadline')
        .where('id', '=', body.procedure.id)
        .executeTakeFirstOrThrow();
      expect(row.deadline!.toISOString()).toBe(stored);
    }
    const proposal = await buildProposal(t.handle);
    const res = await t.request(`/api/proposals/${proposal.id}/procedures`, {
      method: 'POST',
      as: admin,
      json: { kind: 'silence', deadline: '2027-03-28T02:30:00' },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { fields: { field: string }[] } }).error.fields[0].field).toBe(
      'deadline',
    );
  });
});

describe('wall time in every zone of the demo organisation', () => {
  // Offsets in 2026 and 2027 (IANA tz database); none of these zones keeps daylight saving.
  // A state added to demo/organisation.yaml must be added here too.
  const OFFSETS: Record<string, string> = {
    'Europe/Moscow': '+03:00',
    'Europe/Minsk': '+03:00',
    'Asia/Yerevan': '+04:00',
    'Asia/Almaty': '+05:00',
    'Asia/Dushanbe': '+05:00',
    'Asia/Bishkek': '+06:00',
  };
  const file = readOrganisationFile(DEMO_FILE);
  const zones = [file.organisation.timeZone, ...file.memberStates.map((s) => s.timeZone)];

  it('knows every zone the demo file names (the reference zone and each member state)', () => {
    expect([...new Set(zones)].filter((zone) => !(zone in OFFSETS))).toEqual([]);
    expect(zones.length).toBe(file.memberStates.length + 1);
  });

  // Around the European changes of 2026 (29 March and 25 October, 01:00 UTC): nothing moves here.
  const instants = [
    '2026-03-29T00:59:00Z',
    '2026-03-29T01:00:00Z',
    '2026-10-25T00:59:00Z',
    '2026-10-25T01:00:00Z',
    '2026-12-31T21:30:00Z',
  ];
  it.each(zones.map((zone) => [zone]))(
    '%s: the same offset all year, and the wall time is UTC plus it',
    (zone) => {
      for (const iso of instants) {
        const wall = wallTime(at(iso), zone);
        expect(wall.offset, `${zone} at ${iso}`).toBe(OFFSETS[zone]);
        const shifted = new Date(at(iso).getTime() + wall.offsetMinutes * 60_000).toISOString();
        expect(`${wall.date}T${wall.time}`, `${zone} at ${iso}`).toBe(shifted.slice(0, 16));
        expect(formatInZone(at(iso), zone, 'en')).toContain(`${wall.time} (${zone}, UTC${OFFSETS[zone]})`);
      }
    },
  );

  it('the organisation reference zone: an 18:00 Moscow deadline is 15:00 UTC, and the year turns in Moscow first', () => {
    expect(wallTime(at('2026-12-02T15:00:00Z'), 'Europe/Moscow')).toMatchObject({
      date: '2026-12-02',
      time: '18:00',
    });
    expect(wallTime(at('2026-12-31T21:30:00Z'), 'Europe/Moscow').date).toBe('2027-01-01');
    expect(wallTime(at('2026-12-31T21:30:00Z'), 'Asia/Bishkek')).toMatchObject({
      date: '2027-01-01',
      time: '03:30',
    });
  });
});

describe('wall time in a zone with daylight saving (Europe/Vilnius, a test organisation zone)', () => {
  const zone = 'Europe/Vilnius';

  it('spring forward, 29 March 2026: 02:59 is followed by 04:00; 03:xx does not exist', () => {
    expect(wallTime(at('2026-03-29T00:59:00Z'), zone)).toMatchObject({ time: '02:59', offset: '+02:00' });
    expect(wallTime(at('2026-03-29T01:00:00Z'), zone)).toMatchObject({ time: '04:00', offset: '+03:00' });
    expect(formatInZone(at('2026-03-29T00:30:00Z'), zone, 'en')).toBe(
      '29 Mar 2026, 02:30 (Europe/Vilnius, UTC+02:00)',
    );
    expect(formatInZone(at('2026-03-29T01:30:00Z'), zone, 'en')).toBe(
      '29 Mar 2026, 04:30 (Europe/Vilnius, UTC+03:00)',
    );
  });

  it('fall back, 25 October 2026: 03:30 happens twice, an hour apart, told apart by the offset', () => {
    const first = wallTime(at('2026-10-25T00:30:00Z'), zone);
    const second = wallTime(at('2026-10-25T01:30:00Z'), zone);
    expect([first.time, first.offset]).toEqual(['03:30', '+03:00']);
    expect([second.time, second.offset]).toEqual(['03:30', '+02:00']);
    expect(formatInZone(at('2026-10-25T00:30:00Z'), zone, 'en')).not.toBe(
      formatInZone(at('2026-10-25T01:30:00Z'), zone, 'en'),
    );
  });

  it('a day across a change is 23 or 25 hours of wall time, 24 hours apart is not the same wall time', () => {
    const noonSummer = at('2026-03-29T09:00:00Z'); // 12:00 local, UTC+3
    const dayBefore = new Date(noonSummer.getTime() - 86_400_000);
    expect(wallTime(noonSummer, zone).time).toBe('12:00');
    expect(wallTime(dayBefore, zone)).toMatchObject({ date: '2026-03-28', time: '11:00' });
    const noonWinter = at('2026-10-25T10:00:00Z'); // 12:00 local, UTC+2
    expect(wallTime(new Date(noonWinter.getTime() - 86_400_000), zone)).toMatchObject({
      date: '2026-10-24',
      time: '13:00',
    });
  });

  it('in Russian too, with the same wall time', () => {
    const text = formatInZone(at('2026-03-29T01:30:00Z'), zone, 'ru');
    expect(text).toContain('04:30');
    expect(text).toContain('2026');
    expect(text).toContain('UTC+03:00');
  });
});
