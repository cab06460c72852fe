import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/actor.ts';
import { sha256 } from '../../core/secrets.ts';
import { TEST_ORGANISATION, type TestContext, testContext, tokenFor } from '../../testing/harness.ts';
import { closeDue } from '../decisions/deadlines.ts';
import { buildProcedure } from '../decisions/factories.ts';
import { setUserDisabled } from '../users/commands.ts';
import { buildNotificationPeople, type NotificationPeople } from './factories.ts';

// The calendar feed: an iCalendar document (RFC 5545) of the open deadlines a person may
// read, behind a secret link that works without a cookie. The reference zone is
// Europe/Vilnius, whose clocks go forward on 28 March 2027 at 01:00 UTC.

let t: TestContext;
let p: NotificationPeople;
const opened = new Date('2027-03-01T00:00:00Z');
/** Where people reach Accord (ACCORD_PUBLIC_URL): links start with it, whatever Host a request names. */
const PUBLIC_URL = 'https://accord.example.org';

beforeAll(async () => {
  t = await testContext(TEST_ORGANISATION.replace('timeZone: Europe/Moscow', 'timeZone: Europe/Vilnius'), {
    publicUrl: PUBLIC_URL,
  });
  p = await buildNotificationPeople(t.handle);
  for (const user of Object.values(p)) await tokenFor(t.handle, user);
});
afterAll(() => t.close());

interface Link {
  url: string;
  path: string;
  createdAt: string;
}
const linkFor = async (who: keyof NotificationPeople) => {
  const res = await t.request('/api/me/calendar-link', { method: 'POST', as: p[who] });
  expect(res.status).toBe(200);
  return ((await res.json()) as { calendar: Link }).calendar;
};

type Properties = Map<string, { params: string; value: string }>;

/** A small RFC 5545 reader: unfolds lines, checks CRLF, returns the calendar's and each VEVENT's properties. */
function parseCalendar(text: string) {
  expect(text.endsWith('\r\n')).toBe(true);
  expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const lines = text
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  expect(lines[0]).toBe('BEGIN:VCALENDAR');
  expect(lines.at(-1)).toBe('END:VCALENDAR');
  const calendar: Properties = new Map();
  const events: Properties[] = [];
  let current: Properties | null = null;
  for (const line of lines.slice(1, -1)) {
    if (line === 'BEGIN:VEVENT') current = new Map();
    else if (line === 'END:VEVENT') {
      events.push(current!);
      current = null;
    } else {
      const match = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
      expect(match, line).not.toBeNull();
      (current ?? calendar).set(match![1], { params: match![2], value: match![3] });
    }
  }
  return { calendar, events };
}
const value = (props: Properties, name: string) => props.get(name)?.value;
/** A TEXT value with its escapes undone (RFC 5545 3.3.11). */
const text = (props: Properties, name: string) =>
  value(props, name)
    ?.replace(/\\n/gi, '\n')
    .replace(/\\([,;\\])/g, '$1');

describe('POST /api/me/calendar-link', () => {
  it('401 without credentials', async () => {
    expect((await t.request('/api/me/calendar-link', { method: 'POST' })).status).toBe(401);
  });

  it('200: a secret link; only its hash is stored; asking again rotates it and the old one stops working', async () => {
    const first = await linkFor('amHead');
    expect(first.path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(first.url).toBe(`${PUBLIC_URL}${first.path}`);
    const token = first.path.slice('/api/calendar/'.length, -'.ics'.length);
    const stored = await t.handle.db
      .selectFrom('calendar_feeds')
      .selectAll()
      .where('user_id', '=', p.amHead.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(sha256(token));
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await t.request(first.path)).status).toBe(200);

    const second = await linkFor('amHead');
    expect(second.path).not.toBe(first.path);
    expect((await t.request(first.path)).status).toBe(404);
    expect((await t.request(second.path)).status).toBe(200);
  });

  it('the link starts with the configured public address, not the Host the request names', async () => {
    const res = await t.request('https://evil.example/api/me/calendar-link', {
      method: 'POST',
      as: p.amHead,
      headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
    });
    expect(res.status).toBe(200);
    const { calendar } = (await res.json()) as { calendar: Link };
    expect(calendar.url).toBe(`${PUBLIC_URL}${calendar.path}`);
    const feed = await t.request(`https://evil.example${calendar.path}`, {
      headers: { host: 'evil.example' },
    });
    expect(feed.status).toBe(200);
    expect(await feed.text()).not.toContain('evil.example');
  });
});

describe('GET /api/calendar/{token}.ics', () => {
  it('404 for an unknown token, 400 for something that is not a feed name', async () => {
    const unknown = await t.request(`/api/calendar/${'A'.repeat(43)}.ics`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('not_found');
    const malformed = await t.request('/api/calendar/short.ics');
    expect(malformed.status).toBe(400);
    // Without .ics the path is not public: a stranger is told to sign in.
    expect((await t.request(`/api/calendar/${'A'.repeat(43)}`)).status).toBe(401);
  });

  it('200 without a cookie: VEVENTs of the open deadlines the person may read, UTC DTSTART, stable UID', async () => {
    // Given with offsets on either side of the change to summer time in Vilnius.
    const beforeChange = await buildProcedure(t.handle, {
      proposal: { body: 'committee', title: 'Border cooperation, points; and commas' },
      chair: p.admin,
      now: opened,
      deadline: new Date('2027-03-28T02:30:00+02:00'),
    });
    const afterChange = await buildProcedure(t.handle, {
      kind: 'written',
      proposal: { body: 'council', title: 'Joint exercise', classification: 'confidential' },
      chair: p.admin,
      now: opened,
      deadline: new Date('2027-03-28T04:30:00+03:00'),
    });
    // Not listed: above the head's clearance; no deadline; closed.
    await buildProcedure(t.handle, {
      proposal: { body: 'council', title: 'Secret', classification: 'secret' },
      chair: p.admin,
      now: opened,
      deadline: new Date('2027-03-20T10:00:00Z'),
    });
    await buildProcedure(t.handle, {
      kind: 'meeting_consensus',
      proposal: { body: 'committee', title: 'At the meeting' },
      chair: p.admin,
      deadline: null,
    });
    const closed = await buildProcedure(t.handle, {
      proposal: { body: 'committee', title: 'Already closed' },
      chair: p.admin,
      now: opened,
      deadline: new Date('2027-03-02T00:00:00Z'),
    });
    await closeDue(t.handle.db, new Date('2027-03-02T00:00:00Z'));

    const link = await linkFor('byHead');
    const res = await t.request(link.path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(res.headers.get('cache-control')).toContain('no-store');
    const body = await res.text();
    const { calendar, events } = parseCalendar(body);
    expect(value(calendar, 'VERSION')).toBe('2.0');
    expect(value(calendar, 'PRODID')).toMatch(/Accord/);
    expect(events.map((e) => value(e, 'UID'))).toEqual([
      `procedure-${beforeChange.id}@accord`,
      `procedure-${afterChange.id}@accord`,
    ]);
    expect(body).not.toContain(closed.id);
    const [first, second] = events;
    // The instants in UTC: 02:30 at +02:00 and 04:30 at +03:00 are an hour apart.
    expect(value(first, 'DTSTART')).toBe('20270328T003000Z');
    expect(first.get('DTSTART')?.params).toBe('');
    expect(value(second, 'DTSTART')).toBe('20270328T013000Z');
    expect(value(first, 'DTSTAMP')).toMatch(/^\d{8}T\d{6}Z$/);
    expect(text(first, 'SUMMARY')).toBe('Silence procedure ends: Border cooperation, points; and commas');
    expect(text(second, 'SUMMARY')).toBe('Written procedure ends: Joint exercise');
    // The deadline in the reference zone and in the reader's state's zone (Minsk, UTC+3).
    expect(text(first, 'DESCRIPTION')).toContain('Deadline: 28 Mar 2027, 02:30 (Europe/Vilnius, UTC+02:00)');
    expect(text(first, 'DESCRIPTION')).toContain('Deadline: 28 Mar 2027, 03:30 (Europe/Minsk, UTC+03:00)');
    expect(text(second, 'DESCRIPTION')).toContain('Deadline: 28 Mar 2027, 04:30 (Europe/Vilnius, UTC+03:00)');
    expect(value(first, 'URL')).toBe(`${PUBLIC_URL}/proposals/${beforeChange.proposal_id}`);

    // The same UIDs the next time the calendar app looks.
    const again = parseCalendar(await (await t.request(link.path)).text());
    expect(again.events.map((e) => value(e, 'UID'))).toEqual(events.map((e) => value(e, 'UID')));
  });

  it('follows the reader: an observer sees nothing, TJ not the committee, a delegate in Russian', async () => {
    const observer = parseCalendar(await (await t.request((await linkFor('observer')).path)).text());
    expect(observer.events).toEqual([]);
    const tj = parseCalendar(await (await t.request((await linkFor('tjHead')).path)).text());
    expect(tj.events.map((e) => text(e, 'SUMMARY'))).toEqual(['Written procedure ends: Joint exercise']);
    await t.handle.db.updateTable('users').set({ locale: 'ru' }).where('id', '=', p.amHead.id).execute();
    const am = parseCalendar(await (await t.request((await linkFor('amHead')).path)).text());
    expect(text(am.events[0], 'SUMMARY')).toBe(
      'Процедура умолчания завершается: Border cooperation, points; and commas',
    );
  });

  it("a disabled person's link answers 404", async () => {
    const link = await linkFor('byDelegate');
    expect((await t.request(link.path)).status).toBe(200);
    await t.handle.db
      .transaction()
      .execute((trx) => setUserDisabled(trx, systemActor('test'), p.byDelegate.id, true));
    expect((await t.request(link.path)).status).toBe(404);
  });
});
