import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/actor.ts';
import type { UserRow } from '../../db/schema.ts';
import { recordHead, type TestContext, testContext, writeRecorded } from '../../testing/harness.ts';
import { SseReader } from '../../testing/sse.ts';
import { buildConsultation, buildConsultationPeople, type ConsultationPeople } from './factories.ts';

// A consultation is read by its participants alone: the delegations of its states (not their
// observers, and within their access level), its convener, facilitator and staff. Everyone
// else (another member state, another secretariat person, an observer, a partner) finds no
// trace of it: 404 on every path, absent from lists, from the record (GET /api/ledger, its
// export), from the live stream, from the documents and from their notifications.

let t: TestContext;
let p: ConsultationPeople;
let id: string;
let reference: string;
let attachmentId: string;
let outsiders: [string, UserRow][];
let insiders: [string, UserRow][];
beforeAll(async () => {
  t = await testContext();
  p = await buildConsultationPeople(t.handle);
  id = await buildConsultation(t.handle, p.admin, p.monitor);
  const row = await t.handle.db
    .selectFrom('consultations')
    .select('reference')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  reference = row.reference;
  expect(
    (
      await t.request(`/api/consultations/${id}/messages`, {
        method: 'POST',
        as: p.amHead,
        json: { body: 'Only for us' },
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await t.request(`/api/consultations/${id}/points`, {
        method: 'POST',
        as: p.tjFocal,
        json: { text: 'A point' },
      })
    ).status,
  ).toBe(201);
  const added = await t.request(`/api/consultations/${id}/attachments`, {
    method: 'POST',
    as: p.tjFocal,
    json: {
      filename: 'map.txt',
      contentType: 'text/plain',
      dataBase64: Buffer.from('the map').toString('base64'),
    },
  });
  expect(added.status).toBe(201);
  attachmentId = ((await added.json()) as { attachment: { id: string } }).attachment.id;
  outsiders = [
    ['another secretariat person', p.otherSecretariat],
    ["a non-participant state's head (the presidency's)", p.byHead],
    ["a non-participant state's delegate", p.byDelegate],
    ['a partner observer', p.unObserver],
    ["an observer of a participating state's delegation", p.amObserver],
    ['a delegate of a participating state below its classification', p.tjPublic],
  ];
  insiders = [
    ['the convener', p.admin],
    ['the facilitator', p.monitor],
    ["a participating state's head", p.amHead],
    ["a participating state's delegate", p.amDelegate],
    ["a participating state's point of contact", p.tjFocal],
  ];
});
afterAll(() => t.close());

const status = async (path: string, as: UserRow, init: RequestInit & { json?: unknown } = {}) =>
  (await t.request(path, { ...init, as })).status;

describe('outside a consultation there is no trace of it', () => {
  it('404 on every path, reads and writes alike', async () => {
    const base = `/api/consultations/${id}`;
    for (const [who, user] of outsiders) {
      const calls: [string, RequestInit & { json?: unknown }][] = [
        [base, {}],
        [`${base}/messages`, {}],
        [`${base}/attachments/${attachmentId}`, {}],
        [`${base}/messages`, { method: 'POST', json: { body: 'hello' } }],
        [`${base}/points`, { method: 'POST', json: { text: 'mine' } }],
        [`${base}/conclude`, { method: 'POST', json: { outcome: 'done' } }],
        [
          `${base}/attachments`,
          { method: 'POST', json: { filename: 'a.txt', contentType: 'text/plain', dataBase64: 'YQ==' } },
        ],
        [`${base}/attachments/${attachmentId}`, { method: 'DELETE' }],
      ];
      for (const [path, init] of calls)
        expect(await status(path, user, init), `${who}: ${init.method ?? 'GET'} ${path}`).toBe(404);
    }
  });

  it("absent from lists; present in the participants'", async () => {
    for (const [who, user] of outsiders) {
      const body = (await (await t.request('/api/consultations', { as: user })).json()) as {
        items: unknown[];
      };
      expect(body.items, who).toEqual([]);
    }
    for (const [who, user] of insiders) {
      const body = (await (await t.request('/api/consultations', { as: user })).json()) as {
        items: { id: string }[];
      };
      expect(
        body.items.map((i) => i.id),
        who,
      ).toEqual([id]);
    }
  });

  it('its record entries are read by the participants alone (GET /api/ledger), named to them alone', async () => {
    const entries = async (user: UserRow) =>
      (
        (await (
          await t.request(`/api/ledger?subjectType=consultation&subjectId=${id}`, { as: user })
        ).json()) as {
          items: { action: string; subjectLabel: string | null }[];
        }
      ).items;
    for (const [who, user] of outsiders) expect(await entries(user), who).toEqual([]);
    for (const [who, user] of insiders) {
      const seen = await entries(user);
      expect(seen.map((e) => e.action).sort(), who).toEqual([
        'consultation.attachment_added',
        'consultation.message_posted',
        'consultation.opened',
        'consultation.point_proposed',
      ]);
      expect(seen[0].subjectLabel, who).toContain(reference);
    }
  });

  it('an export of the whole record (a head of delegation outside it) keeps only the hashes of its entries', async () => {
    const res = await t.request('/api/ledger/export', { as: p.byHead });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain(id);
    expect(text).not.toContain(reference);
    const inside = await (await t.request('/api/ledger/export', { as: p.amHead })).text();
    expect(inside).toContain(reference);
  });

  it('no notification of it reaches anyone outside', async () => {
    const told = await t.handle.db
      .selectFrom('notifications')
      .select('user_id')
      .where('subject_id', '=', id)
      .execute();
    expect(told.length).toBeGreaterThan(0);
    const ids = new Set(told.map((n) => n.user_id));
    for (const [who, user] of outsiders) expect(ids.has(user.id), who).toBe(false);
  });
});

interface EntryEvent {
  seq: number;
  action: string;
  subjectType: string;
  subjectId: string;
}

describe('the live stream', () => {
  const open: SseReader[] = [];
  afterAll(() => Promise.all(open.map((r) => r.close())));

  async function listen(user: UserRow) {
    const res = await t.request('/api/live', { as: user });
    expect(res.status).toBe(200);
    const reader = new SseReader(res.body!.getReader());
    open.push(reader);
    expect((await reader.next()).event).toBe('ready');
    return reader;
  }
  /** The entries a stream shows up to the sentinel: entries arrive in order, so that is all it will show. */
  async function until(reader: SseReader, seq: number) {
    const seen: EntryEvent[] = [];
    for (;;) {
      const event = await reader.next();
      if (event.event !== 'entry') continue;
      const entry = JSON.parse(event.data) as EntryEvent;
      seen.push(entry);
      if (entry.seq >= seq) return seen;
    }
  }

  it('carries its entries to the participants and to nobody else', async () => {
    const streams = new Map<UserRow, SseReader>();
    for (const [, user] of [...outsiders, ...insiders]) streams.set(user, await listen(user));
    const before = await recordHead(t.handle);
    expect(
      (
        await t.request(`/api/consultations/${id}/messages`, {
          method: 'POST',
          as: p.tjFocal,
          json: { body: 'Live' },
        })
      ).status,
    ).toBe(201);
    const end = await writeRecorded(t.handle, systemActor('test'), {
      action: 'user.updated',
      subjectType: 'sentinel',
      subjectId: 'end',
      payload: { changes: {} },
      audience: ['AM', 'BY', 'TJ', 'partner:UN'],
    });
    expect(end.seq).toBe(before + 2);
    const sentinel = `user.updated sentinel:end`;
    const posted = `consultation.message_posted consultation:${id}`;
    for (const [who, user] of outsiders) {
      const seen = (await until(streams.get(user)!, end.seq)).map(
        (e) => `${e.action} ${e.subjectType}:${e.subjectId}`,
      );
      expect(seen, who).toEqual([sentinel]);
    }
    for (const [who, user] of insiders) {
      const seen = (await until(streams.get(user)!, end.seq)).map(
        (e) => `${e.action} ${e.subjectType}:${e.subjectId}`,
      );
      expect(seen, who).toEqual([posted, sentinel]);
    }
  });
});
