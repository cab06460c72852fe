import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_LEVELS, type Actor, personFromRow, systemActor } from '../core/actor.ts';
import type { LedgerEntryRow, UserRow } from '../db/schema.ts';
import { buildProcedure } from '../modules/decisions/factories.ts';
import { closeProcedure, loadPolicyContext, proposalSubject } from '../modules/decisions/index.ts';
import { CloseProcedureInput } from '../modules/decisions/schema.ts';
import { appendEntry } from '../modules/ledger/commands.ts';
import { setUserDisabled } from '../modules/users/commands.ts';
import { buildUser, type TestContext, testContext, tokenFor, type UserSpec } from '../testing/harness.ts';
import { can, decisionsVisibleTo, ledgerEntriesVisibleTo, usersVisibleTo } from './index.ts';

// Scope twice: lists filter in SQL (usersVisibleTo, ledgerEntriesVisibleTo,
// decisionsVisibleTo), single reads check the predicates. On a real database with a spread of people and entries, both must
// pick exactly the same rows, so a list never shows what a direct read refuses.

describe('the SQL scopes return exactly what the predicates allow (scope twice)', () => {
  let t: TestContext;
  let people: UserRow[];
  let viewers: Actor[];

  beforeAll(async () => {
    t = await testContext();
    const specs: UserSpec[] = [
      { role: 'secretariat_admin', accessLevel: 'secret' },
      { role: 'point_of_contact', affiliation: 'secretariat', accessLevel: 'restricted' },
      { role: 'head_of_delegation', affiliation: 'secretariat', accessLevel: 'public' },
      { role: 'head_of_delegation', stateCode: 'BY', accessLevel: 'confidential' },
      { role: 'delegate', stateCode: 'BY', accessLevel: 'restricted' },
      { role: 'point_of_contact', stateCode: 'BY', accessLevel: 'public' },
      { role: 'head_of_delegation', stateCode: 'AM', accessLevel: 'confidential' },
      { role: 'delegate', stateCode: 'AM', accessLevel: 'secret' },
      { role: 'observer', affiliation: 'delegation', stateCode: 'TJ', accessLevel: 'restricted' },
      { role: 'observer', partnerCode: 'UN', accessLevel: 'public' },
      { role: 'observer', partnerCode: 'UN', accessLevel: 'confidential' },
      { role: 'observer', partnerCode: 'SCO', accessLevel: 'secret' },
      // TJ sits in the council, not in the committee.
      { role: 'head_of_delegation', stateCode: 'TJ', accessLevel: 'secret' },
    ];
    people = [];
    for (const spec of specs) people.push(await buildUser(t.handle, spec));
    const disabled = await buildUser(t.handle, { stateCode: 'TJ' });
    await t.handle.db
      .transaction()
      .execute((trx) => setUserDisabled(trx, systemActor('test'), disabled.id, true));
    viewers = [...people.map(personFromRow), systemActor('test')];

    // Every classification and audience, written by the console and by people of each kind.
    const writers: Actor[] = [systemActor('test'), ...[3, 4, 6, 9, 1].map((i) => personFromRow(people[i]))];
    const audiences = [null, ['BY'], ['AM'], ['TJ', 'BY'], ['partner:UN'], ['partner:SCO'], []];
    await t.handle.db.transaction().execute(async (trx) => {
      for (const writer of writers)
        for (const audience of audiences)
          for (const classification of [0, 1, 2, 3])
            await appendEntry(trx, writer, {
              action: 'user.updated',
              subjectType: 'test',
              subjectId: `${classification}/${audience?.join('+') ?? 'all'}`,
              payload: { changes: { accessLevel: ACCESS_LEVELS[classification] } },
              classification,
              audience,
            });
    });
    // Decisions of both bodies at three levels: adopted, partially adopted, and a procedure
    // that adopted nothing (no decision), each closed by the chair at a meeting.
    const objected = (points: string[]) => points.map((point) => ({ point, states: ['AM'] }));
    for (const body of ['council', 'committee'])
      for (const classification of ['public', 'restricted', 'confidential'] as const)
        for (const objections of [[], objected(['2']), objected(['1', '2'])]) {
          const procedure = await buildProcedure(t.handle, {
            kind: 'meeting_consensus',
            proposal: { body, classification, points: ['One', 'Two'], title: `${body} ${classification}` },
          });
          await t.handle.db
            .transaction()
            .execute((trx) =>
              closeProcedure(
                trx,
                systemActor('test'),
                procedure.id,
                CloseProcedureInput.parse({ objections }),
              ),
            );
        }
    // The API calls below authenticate with tokens; make them now so they are in the snapshot.
    for (const row of people) await tokenFor(t.handle, row);
  });
  afterAll(() => t.close());

  const label = (a: Actor) =>
    a.kind === 'system'
      ? 'system'
      : `${a.username} (${a.role}, ${a.stateCode ?? a.partnerCode ?? a.affiliation})`;

  it('usersVisibleTo lists exactly the people user.read allows', async () => {
    const all = await t.handle.db.selectFrom('users').selectAll().execute();
    const sizes = new Set<number>();
    for (const viewer of viewers) {
      const listed = await t.handle.db
        .selectFrom('users')
        .select('id')
        .where(usersVisibleTo(viewer))
        .execute();
      const allowed = all.filter((u) => can(viewer, 'read', 'user', u)).map((u) => u.id);
      expect(listed.map((r) => r.id).sort(), label(viewer)).toEqual(allowed.sort());
      sizes.add(allowed.length);
    }
    expect(sizes.size, 'the spread of people tells the viewers apart').toBeGreaterThanOrEqual(4);
  });

  it('ledgerEntriesVisibleTo lists exactly the entries ledgerEntry.read allows', async () => {
    const all = await t.handle.db.selectFrom('ledger_entries').selectAll().execute();
    const sizes = new Set<number>();
    for (const viewer of viewers) {
      const listed = await t.handle.db
        .selectFrom('ledger_entries')
        .select('seq')
        .where(ledgerEntriesVisibleTo(viewer))
        .execute();
      const allowed = all.filter((e) => can(viewer, 'read', 'ledgerEntry', e)).map((e) => Number(e.seq));
      expect(
        listed.map((r) => Number(r.seq)).sort((a, b) => a - b),
        label(viewer),
      ).toEqual(allowed.sort((a, b) => a - b));
      sizes.add(allowed.length);
    }
    expect(sizes.size, 'the spread of entries tells the viewers apart').toBeGreaterThanOrEqual(6);
  });

  /** Every decision with what the policy sees of it. */
  async function decisionsWithSubjects() {
    const rows = await t.handle.db
      .selectFrom('decisions')
      .innerJoin('proposals', 'proposals.id', 'decisions.proposal_id')
      .select([
        'decisions.id',
        'decisions.result',
        'decisions.proposal_id',
        'decisions.procedure_id',
        'proposals.classification',
        'proposals.body_code',
        'proposals.author_state',
      ])
      .execute();
    const ctx = await loadPolicyContext(t.handle.db);
    return rows.map((r) => ({ ...r, subject: { proposal: proposalSubject(ctx, r), result: r.result } }));
  }

  it('decisionsVisibleTo lists exactly the decisions decision.read allows', async () => {
    const all = await decisionsWithSubjects();
    expect(new Set(all.map((d) => d.result))).toEqual(new Set(['adopted', 'partially_adopted']));
    const sizes = new Set<number>();
    for (const viewer of viewers) {
      const listed = await t.handle.db
        .selectFrom('decisions')
        .innerJoin('proposals', 'proposals.id', 'decisions.proposal_id')
        .select('decisions.id')
        .where(decisionsVisibleTo(viewer))
        .execute();
      const allowed = all.filter((d) => can(viewer, 'read', 'decision', d.subject)).map((d) => d.id);
      expect(listed.map((r) => r.id).sort(), label(viewer)).toEqual(allowed.sort());
      sizes.add(allowed.length);
    }
    expect(sizes.size, 'the spread of decisions tells the viewers apart').toBeGreaterThanOrEqual(4);
  });

  it('through the API, observers and partners list and open the public decisions, and nothing of their proposals', async () => {
    const all = await decisionsWithSubjects();
    for (const row of people) {
      const viewer = personFromRow(row);
      const list = await t.request('/api/decisions?limit=200', { as: row });
      expect(list.status).toBe(200);
      const listed = ((await list.json()) as { items: { id: string }[] }).items.map((d) => d.id).sort();
      const readable: string[] = [];
      for (const decision of all) {
        const res = await t.request(`/api/decisions/${decision.id}`, { as: row });
        expect([200, 404], `${label(viewer)} reading a decision`).toContain(res.status);
        if (res.status === 200) readable.push(decision.id);
      }
      expect(listed, label(viewer)).toEqual(readable.sort());
      if (viewer.kind === 'person' && viewer.role === 'observer') {
        const published = all.filter((d) => d.classification === 0).map((d) => d.id);
        expect(listed, label(viewer)).toEqual(published.sort());
        for (const decision of all.filter((d) => d.classification === 0)) {
          const paths = [
            `/api/proposals/${decision.proposal_id}`,
            `/api/proposals/${decision.proposal_id}/versions/1`,
            `/api/procedures/${decision.procedure_id}`,
          ];
          for (const path of paths) expect((await t.request(path, { as: row })).status, path).toBe(404);
        }
      }
    }
  });

  it('through the API, the people list shows exactly those a direct read returns', async () => {
    const all = await t.handle.db.selectFrom('users').selectAll().execute();
    for (const row of people) {
      const viewer = personFromRow(row);
      const list = await t.request('/api/users', { as: row });
      expect(list.status).toBe(200);
      const listed = ((await list.json()) as { items: { id: string }[] }).items.map((u) => u.id).sort();
      const readable: string[] = [];
      for (const target of all) {
        const res = await t.request(`/api/users/${target.id}`, { as: row });
        expect([200, 404], `${label(viewer)} reading ${target.username}`).toContain(res.status);
        if (res.status === 200) readable.push(target.id);
      }
      expect(listed, label(viewer)).toEqual(readable.sort());
      expect(listed, label(viewer)).toEqual(
        all
          .filter((u) => can(viewer, 'read', 'user', u))
          .map((u) => u.id)
          .sort(),
      );
    }
  });

  it('through the API, the record lists (page by page) exactly the entries the policy lets the caller read', async () => {
    const all: LedgerEntryRow[] = await t.handle.db.selectFrom('ledger_entries').selectAll().execute();
    for (const row of people) {
      const viewer = personFromRow(row);
      const seen: number[] = [];
      let before: number | null = null;
      do {
        const res = await t.request(`/api/ledger?limit=40${before ? `&before=${before}` : ''}`, { as: row });
        expect(res.status).toBe(200);
        const page = (await res.json()) as { items: { seq: number }[]; nextBefore: number | null };
        seen.push(...page.items.map((e) => e.seq));
        before = page.nextBefore;
      } while (before);
      const allowed = all.filter((e) => can(viewer, 'read', 'ledgerEntry', e)).map((e) => Number(e.seq));
      expect(seen, label(viewer)).toEqual(allowed.sort((a, b) => b - a));
    }
  });
});
