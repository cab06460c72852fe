import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, personFromRow, systemActor } from '../../core/actor.ts';
import type { AccordModule } from '../../core/module.ts';
import { assemble, ledgerActions, modules, subjectResolver } from '../../core/registry.ts';
import type { UserRow } from '../../db/schema.ts';
import { buildUser, type TestContext, testContext, writeRecorded } from '../../testing/harness.ts';
import { CLEARANCE_ORGANISATION } from '../../testing/simulations/clearances.ts';
import { buildClearanceRequest } from '../clearances/factories.ts';
import { clearanceSubjects } from '../clearances/record-subjects.ts';
import { buildProposal } from '../decisions/factories.ts';
import { decisionSubjects } from '../decisions/record-subjects.ts';
import { authoriseDelegate } from '../delegations/index.ts';
import { directorySubjects } from '../directory/record-subjects.ts';
import { userSubjects } from '../users/record-subjects.ts';
import { createWebhook } from '../webhooks/commands.ts';
import { webhookSubjects } from '../webhooks/record-subjects.ts';
import { CreateWebhookInput } from '../webhooks/schema.ts';
import type { RecordInput } from './commands.ts';
import { resolveSubjects, subjectKey } from './queries.ts';
import { settleRecord } from './sequencer.ts';

interface Entry {
  seq: number;
  at: string;
  actorId: string | null;
  actorLabel: string;
  actorName: string | null;
  delegation: string | null;
  action: string;
  subjectType: string;
  subjectId: string;
  subjectLabel: string | null;
  subjectPath: string | null;
  payload: Record<string, unknown> | null;
}
interface Page {
  items: Entry[];
  nextBefore: number | null;
}
interface ErrorBody {
  error: { code: string; message: string; fields?: { field: string; reason: string }[] };
}

/**
 * The record page names subjects through the resolvers the modules declare. Registers the
 * ones written for it that no module lists yet, beside the platform's own modules (after the
 * app is built: building it assembles the platform afresh).
 */
function registerSubjectResolvers() {
  const resolvers = {
    ...decisionSubjects,
    ...clearanceSubjects,
    ...userSubjects,
    ...webhookSubjects,
    ...directorySubjects,
  };
  const missing = Object.fromEntries(Object.entries(resolvers).filter(([type]) => !subjectResolver(type)));
  const platform = modules().filter((m) => m.name !== 'test');
  assemble([...platform, { name: 'test', subjects: missing } satisfies AccordModule]);
}

const SHA = 'a'.repeat(64);
const attachment = (id: string) => ({ attachmentId: id, filename: 'note.pdf', sizeBytes: 10, sha256: SHA });

describe('the record list', () => {
  let t: TestContext;
  let admin: UserRow;
  let byHead: UserRow;
  let byDelegate: UserRow;
  let amHead: UserRow;
  let tjHead: UserRow;

  const record = (actor: Actor, input: RecordInput) => writeRecorded(t.handle, actor, input);
  const list = async (query: string, as: UserRow): Promise<Page> => {
    const res = await t.request(`/api/ledger?${query}`, { as });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as Page;
  };
  const seqs = (page: Page) => page.items.map((e) => e.seq);

  beforeAll(async () => {
    t = await testContext(CLEARANCE_ORGANISATION);
    registerSubjectResolvers();
    admin = await buildUser(t.handle, { role: 'secretariat_admin', accessLevel: 'secret' });
    byHead = await buildUser(t.handle, {
      role: 'head_of_delegation',
      stateCode: 'BY',
      accessLevel: 'confidential',
    });
    byDelegate = await buildUser(t.handle, { role: 'delegate', stateCode: 'BY', accessLevel: 'restricted' });
    amHead = await buildUser(t.handle, {
      role: 'head_of_delegation',
      stateCode: 'AM',
      accessLevel: 'confidential',
    });
    tjHead = await buildUser(t.handle, {
      role: 'head_of_delegation',
      stateCode: 'TJ',
      accessLevel: 'confidential',
    });
  });
  afterAll(() => t.close());

  describe('filters', () => {
    let person: UserRow;
    const entries: Record<string, number> = {};

    beforeAll(async () => {
      person = await buildUser(t.handle, { role: 'delegate', stateCode: 'BY' });
      const actor = personFromRow(person);
      const other = personFromRow(byDelegate);
      const subject = { subjectType: 'user', subjectId: person.id };
      const created = await t.handle.db
        .selectFrom('ledger_entries')
        .select('seq')
        .where('action', '=', 'user.created')
        .where('subject_id', '=', person.id)
        .executeTakeFirstOrThrow();
      entries.created = Number(created.seq);
      // Three days of one person's entries, written with the instants they happened at.
      entries.outDay1 = (
        await record(actor, { action: 'auth.signed_out', ...subject, at: new Date('2020-03-01T10:00:00Z') })
      ).seq;
      entries.localeDay2 = (
        await record(actor, {
          action: 'user.locale_changed',
          ...subject,
          payload: { locale: 'ru' },
          at: new Date('2020-03-02T23:30:00Z'),
        })
      ).seq;
      entries.outDay3 = (
        await record(actor, { action: 'auth.signed_out', ...subject, at: new Date('2020-03-03T00:10:00Z') })
      ).seq;
      // Someone else of the same state, about themselves.
      entries.otherOut = (
        await record(other, {
          action: 'auth.signed_out',
          subjectType: 'user',
          subjectId: byDelegate.id,
          at: new Date('2020-03-02T12:00:00Z'),
        })
      ).seq;
      // The secretariat's administrator about the person.
      entries.adminLocale = (
        await record(personFromRow(admin), {
          action: 'user.locale_changed',
          ...subject,
          payload: { locale: 'en' },
          at: new Date('2020-03-02T08:00:00Z'),
        })
      ).seq;
    });

    it('narrows to one subject', async () => {
      const page = await list(`subjectType=user&subjectId=${person.id}`, admin);
      expect(seqs(page)).toEqual(
        [entries.created, entries.adminLocale, entries.outDay3, entries.localeDay2, entries.outDay1].sort(
          (a, b) => b - a,
        ),
      );
      expect(page.items.every((e) => e.subjectId === person.id)).toBe(true);
    });

    it('narrows to one action or several, repeated or comma-separated', async () => {
      const one = await list(`subjectType=user&subjectId=${person.id}&action=auth.signed_out`, admin);
      expect(seqs(one)).toEqual([entries.outDay3, entries.outDay1]);
      const repeated = await list(
        `subjectType=user&subjectId=${person.id}&action=auth.signed_out&action=user.locale_changed`,
        admin,
      );
      expect(repeated.items).toHaveLength(4);
      const comma = await list(
        `subjectType=user&subjectId=${person.id}&action=auth.signed_out,user.locale_changed`,
        admin,
      );
      expect(seqs(comma)).toEqual(seqs(repeated));
    });

    it('narrows to the person who acted and to the state they spoke for', async () => {
      const mine = await list(`actor=${person.id}`, admin);
      expect(seqs(mine)).toEqual([entries.outDay3, entries.localeDay2, entries.outDay1]);
      expect(mine.items.every((e) => e.actorId === person.id)).toBe(true);

      const secretariat = await list(`state=secretariat&subjectType=user&subjectId=${person.id}`, admin);
      expect(seqs(secretariat)).toEqual([entries.adminLocale]);
      const by = await list('state=BY&action=auth.signed_out', admin);
      expect(seqs(by)).toEqual(expect.arrayContaining([entries.outDay1, entries.outDay3, entries.otherOut]));
      expect(by.items.every((e) => e.delegation === 'BY')).toBe(true);
    });

    it('narrows to days (whole UTC days) and to instants (both ends included)', async () => {
      const days = await list('from=2020-03-01&to=2020-03-02', admin);
      expect(seqs(days).sort()).toEqual(
        [entries.outDay1, entries.localeDay2, entries.otherOut, entries.adminLocale].sort(),
      );
      const oneDay = await list('from=2020-03-03&to=2020-03-03', admin);
      expect(seqs(oneDay)).toEqual([entries.outDay3]);
      const instants = await list(
        `from=${encodeURIComponent('2020-03-02T23:30:00Z')}&to=${encodeURIComponent('2020-03-03T03:10:00+03:00')}`,
        admin,
      );
      expect(seqs(instants)).toEqual([entries.outDay3, entries.localeDay2]);
      const onlyFrom = await list(`from=2020-03-03&actor=${person.id}`, admin);
      expect(seqs(onlyFrom)).toEqual([entries.outDay3]);
    });

    it('pages through a filtered list without repeats or gaps', async () => {
      const first = await list(`subjectType=user&subjectId=${person.id}&limit=3`, admin);
      expect(first.items).toHaveLength(3);
      expect(first.nextBefore).toBe(first.items[2].seq);
      const second = await list(
        `subjectType=user&subjectId=${person.id}&limit=3&before=${first.nextBefore}`,
        admin,
      );
      expect(second.items).toHaveLength(2);
      expect(second.nextBefore).toBeNull();
      expect([...seqs(first), ...seqs(second)]).toEqual(
        [entries.created, entries.adminLocale, entries.outDay3, entries.localeDay2, entries.outDay1].sort(
          (a, b) => b - a,
        ),
      );
    });
  });

  describe('scope', () => {
    it("never shows an entry of another state's restricted audience, whatever the filters", async () => {
      const proposal = await buildProposal(t.handle, { title: 'Border posts' });
      const entry = await record(personFromRow(amHead), {
        action: 'proposal.attachment_removed',
        subjectType: 'proposal',
        subjectId: proposal.id,
        payload: attachment(proposal.id),
        classification: 1,
        audience: ['AM'],
      });
      const about = `subjectType=proposal&subjectId=${proposal.id}`;
      expect(seqs(await list(about, amHead))).toContain(entry.seq);
      expect(seqs(await list(about, admin))).toContain(entry.seq);
      for (const query of [
        about,
        'action=proposal.attachment_removed',
        'state=AM',
        `actor=${amHead.id}`,
        `${about}&state=AM&actor=${amHead.id}&action=proposal.attachment_removed`,
        `before=${entry.seq + 1}&limit=1`,
      ]) {
        expect(seqs(await list(query, byHead)), query).not.toContain(entry.seq);
        expect(seqs(await list(query, tjHead)), query).not.toContain(entry.seq);
      }
    });
  });

  describe('subject names', () => {
    it('names a proposal for those who may read it, and not for others', async () => {
      // A committee proposal (AM and BY sit in it; TJ does not), and an entry about it open to
      // every member state: TJ reads the entry but not the proposal.
      const proposal = await buildProposal(t.handle, { body: 'committee', title: 'Committee budget' });
      const entry = await record(systemActor('test'), {
        action: 'proposal.attachment_added',
        subjectType: 'proposal',
        subjectId: proposal.id,
        payload: attachment(proposal.id),
        audience: null,
      });
      const about = `subjectType=proposal&subjectId=${proposal.id}`;
      const forBy = (await list(about, byHead)).items.find((e) => e.seq === entry.seq);
      expect(forBy).toMatchObject({
        subjectLabel: 'Committee budget',
        subjectPath: `/proposals/${proposal.id}`,
      });

      const forTj = (await list(about, tjHead)).items.find((e) => e.seq === entry.seq);
      expect(forTj).toMatchObject({ subjectType: 'proposal', subjectId: proposal.id });
      expect(forTj?.subjectLabel).toBeNull();
      expect(forTj?.subjectPath).toBeNull();
      expect(JSON.stringify(forTj)).not.toContain('Committee budget');
    });

    it('names clearance requests, delegations, people and webhooks through their modules', async () => {
      const request = await buildClearanceRequest(t.handle, { by: byHead });
      const requestPage = await list(`subjectType=clearance_request&subjectId=${request.id}`, byHead);
      expect(requestPage.items.length).toBeGreaterThan(0);
      for (const e of requestPage.items) {
        expect(e.subjectLabel).toBe(`${request.reference} ${request.title}`);
        expect(e.subjectPath).toBe(`/clearances/${request.id}`);
        expect(e.actorName).toBe(byHead.display_name);
      }

      await t.handle.db
        .transaction()
        .execute((trx) => authoriseDelegate(trx, personFromRow(byHead), 'BY', byDelegate.id));
      const [authorised] = (
        await list('action=delegate.authorised&subjectType=delegation&subjectId=BY', byHead)
      ).items;
      expect(authorised).toMatchObject({ subjectLabel: 'Belarus', subjectPath: '/states' });

      const { webhook } = await t.handle.db
        .transaction()
        .execute((trx) =>
          createWebhook(
            trx,
            personFromRow(byHead),
            'BY',
            CreateWebhookInput.parse({ url: 'https://national.example.by/accord' }),
          ),
        );
      const about = `subjectType=webhook&subjectId=${webhook.id}`;
      const [managed] = (await list(about, byHead)).items;
      expect(managed).toMatchObject({
        subjectLabel: 'https://national.example.by/accord',
        subjectPath: `/webhooks?state=BY&webhook=${webhook.id}`,
      });
      // A delegate of BY reads the entry (its audience is BY) but does not manage webhooks.
      const [seen] = (await list(about, byDelegate)).items;
      expect(seen.subjectId).toBe(webhook.id);
      expect(seen.subjectLabel).toBeNull();
    });

    it('resolves names in one query per subject type, however many entries', async () => {
      const proposals = await Promise.all(
        Array.from({ length: 12 }, (_, i) => buildProposal(t.handle, { title: `Batch ${i}` })),
      );
      await settleRecord(t.handle.db);
      const rows = await t.handle.db
        .selectFrom('ledger_entries')
        .selectAll()
        .where('subject_type', 'in', ['proposal', 'user', 'clearance_request'])
        .execute();
      expect(rows.length).toBeGreaterThan(12);
      let queries = 0;
      const counting = t.handle.db.withPlugin({
        transformQuery: (args) => {
          queries++;
          return args.node;
        },
        transformResult: async (args) => args.result,
      });
      const names = await resolveSubjects(counting, personFromRow(admin), rows);
      // One per type: proposal, user (subjects and actors together), clearance_request if any.
      expect(queries).toBe(new Set([...rows.map((r) => r.subject_type), 'user']).size);
      for (const p of proposals) expect(names.get(subjectKey('proposal', p.id))?.label).toBe(p.title);
    });

    it('leaves types no module names, and ids of nothing, without a name', async () => {
      const entry = await record(systemActor('test'), {
        action: 'auth.signed_out',
        subjectType: 'user',
        subjectId: 'not-a-uuid',
      });
      const [row] = (await list(`subjectType=user&subjectId=not-a-uuid`, admin)).items;
      expect(row.seq).toBe(entry.seq);
      expect(row).toMatchObject({ subjectLabel: null, subjectPath: null, actorId: null, actorName: null });
    });
  });

  describe('bad filters', () => {
    const problem = async (query: string) => {
      const res = await t.request(`/api/ledger?${query}`, { as: admin });
      expect(res.status, query).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.code).toBe('validation_failed');
      return body.error.fields ?? [];
    };
    const field = (fields: { field: string; reason: string }[], name: string) =>
      fields.find((f) => f.field.split('.').pop() === name);

    it('answers 400 naming the field and the reason', async () => {
      expect(field(await problem('action=auth.signed_in,proposal.exploded'), 'action')?.reason).toMatch(
        /unknown action proposal\.exploded/,
      );
      expect(field(await problem('from=2026-03-05&to=2026-03-04'), 'from')?.reason).toMatch(/after to/);
      expect(
        field(await problem(`from=${encodeURIComponent('2026-03-04T10:00:00Z')}&to=2026-03-03`), 'from')
          ?.reason,
      ).toMatch(/after to/);
      expect(field(await problem('from=2026-02-30'), 'from')?.reason).toMatch(/must be a date/);
      expect(field(await problem('to=yesterday'), 'to')?.reason).toMatch(/must be a date/);
      expect(field(await problem('actor=someone'), 'actor')?.reason).toMatch(/person/);
      expect(field(await problem('state=Belarus'), 'state')?.reason).toMatch(/state code/);
      expect(field(await problem('subjectId=abc'), 'subjectId')?.reason).toMatch(/needs subjectType/);
      expect(field(await problem('subjectType=Proposal;drop'), 'subjectType')).toBeDefined();
      expect(field(await problem('limit=0'), 'limit')).toBeDefined();
    });

    it('accepts a day ending the same day it starts', async () => {
      expect((await t.request('/api/ledger?from=2026-03-04&to=2026-03-04', { as: admin })).status).toBe(200);
    });

    it('answers 401 without a person', async () => {
      expect((await t.request('/api/ledger')).status).toBe(401);
      expect((await t.request('/api/ledger/actions')).status).toBe(401);
    });
  });

  it('lists every action kind with its module', async () => {
    const res = await t.request('/api/ledger/actions', { as: byDelegate });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { action: string; module: string }[] };
    const byAction = new Map(items.map((i) => [i.action, i.module]));
    expect(byAction.size).toBe(ledgerActions().size);
    for (const [action, spec] of ledgerActions()) expect(byAction.get(action)).toBe(spec.module);
  });
});
