import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, personFromRow, systemActor } from '../../core/actor.ts';
import type { UserRow } from '../../db/schema.ts';
import { can } from '../../policy/index.ts';
import { buildUser, type TestContext, testContext } from '../../testing/harness.ts';
import { buildDecisionPeople, buildProposal, type DecisionPeople } from './factories.ts';
import type { DecisionSubject, ProcedureSubject, ProposalSubject } from './policy.ts';
import { listProposals } from './queries.ts';
import { ListProposalsQuery } from './schema.ts';
import { loadPolicyContext, proposalSubject } from './subjects.ts';

// Role x resource x action, on the rules alone; then the SQL scope of lists against the
// predicate on a real database, so a list never shows a proposal a direct read refuses.

let t: TestContext;
let p: DecisionPeople;
let staffPublic: UserRow;
let byObserver: UserRow;
const who = (name: keyof DecisionPeople | 'staffPublic' | 'byObserver' | 'system'): Actor =>
  name === 'system'
    ? systemActor('test')
    : personFromRow(name === 'staffPublic' ? staffPublic : name === 'byObserver' ? byObserver : p[name]);

beforeAll(async () => {
  t = await testContext();
  p = await buildDecisionPeople(t.handle);
  staffPublic = await buildUser(t.handle, {
    role: 'point_of_contact',
    affiliation: 'secretariat',
    accessLevel: 'public',
  });
  // An observer in the delegation of a state that sits in the committee, at access level secret.
  byObserver = await buildUser(t.handle, {
    role: 'observer',
    affiliation: 'delegation',
    stateCode: 'BY',
    accessLevel: 'secret',
  });
});
afterAll(() => t.close());

const ACTORS = [
  'admin',
  'staff',
  'staffPublic',
  'byHead',
  'byDelegate',
  'amHead',
  'amDelegate',
  'tjHead',
  'observer',
  'byObserver',
  'system',
] as const;

/** A restricted proposal of BY in the committee (AM, BY) while BY presides. */
const committeeProposal: ProposalSubject = {
  classification: 1,
  bodyStates: ['AM', 'BY'],
  authorState: 'BY',
  presidencyState: 'BY',
};

describe('proposal: role x action', () => {
  const table: Record<string, (typeof ACTORS)[number][]> = {
    read: ['admin', 'staff', 'byHead', 'byDelegate', 'amHead', 'system'],
    edit: ['admin', 'byHead', 'byDelegate', 'system'],
    openProcedure: ['admin', 'byHead', 'system'],
    close: ['admin', 'byHead', 'system'],
    delete: [],
  };
  it.each(Object.entries(table))('%s', (action, allowed) => {
    for (const name of ACTORS)
      expect(can(who(name), action, 'proposal', committeeProposal), `${name} ${action}`).toBe(
        allowed.includes(name),
      );
  });

  it('a secretariat proposal is edited by the secretariat, not by delegations', () => {
    const subject = { ...committeeProposal, authorState: null };
    expect(can(who('staff'), 'edit', 'proposal', subject)).toBe(true);
    expect(can(who('byDelegate'), 'edit', 'proposal', subject)).toBe(false);
  });

  it('drafting: within their access level, in a body one sits in; never an observer', () => {
    const draft = { classification: 0, bodyStates: ['AM', 'BY'] };
    expect(ACTORS.filter((n) => can(who(n), 'create', 'proposals', draft))).toEqual([
      'admin',
      'staff',
      'staffPublic',
      'byHead',
      'byDelegate',
      'amHead',
      'amDelegate',
      'system',
    ]);
  });
});

describe('procedure: role x action', () => {
  const subject = (kind: string, authorisedDelegates: string[] = []): ProcedureSubject => ({
    proposal: committeeProposal,
    kind,
    eligible: ['AM', 'BY'],
    authorisedDelegates,
  });

  it('only the eligible states answer, through their head or an authorised delegate', () => {
    const silence = subject('silence');
    expect(ACTORS.filter((n) => can(who(n), 'giveStance', 'procedure', silence))).toEqual([
      'byHead',
      'amHead',
    ]);
    const withDelegate = subject('silence', [p.byDelegate.id, p.amDelegate.id]);
    // The AM delegate is authorised but below the proposal's level: it cannot read it, so cannot answer.
    expect(ACTORS.filter((n) => can(who(n), 'giveStance', 'procedure', withDelegate))).toEqual([
      'byHead',
      'byDelegate',
      'amHead',
    ]);
  });

  it('a state that sits in the body now but did not when it opened does not answer', () => {
    const opened = { ...subject('silence'), eligible: ['AM'] };
    expect(can(who('byHead'), 'giveStance', 'procedure', opened)).toBe(false);
  });

  it('the chair records for states at a meeting only, and closes', () => {
    expect(
      ACTORS.filter((n) => can(who(n), 'recordForStates', 'procedure', subject('meeting_consensus'))),
    ).toEqual(['admin', 'byHead', 'system']);
    expect(ACTORS.filter((n) => can(who(n), 'recordForStates', 'procedure', subject('silence')))).toEqual([]);
    expect(ACTORS.filter((n) => can(who(n), 'close', 'procedure', subject('silence')))).toEqual([
      'admin',
      'byHead',
      'system',
    ]);
  });
});

describe('decision: role x classification x result', () => {
  const decision = (classification: number, result = 'adopted'): DecisionSubject => ({
    proposal: { ...committeeProposal, classification },
    result,
  });
  const readers = (subject: DecisionSubject) =>
    ACTORS.filter((n) => can(who(n), 'read', 'decision', subject));
  const members = ['admin', 'staff', 'staffPublic', 'byHead', 'byDelegate', 'amHead', 'amDelegate', 'system'];

  it('a public decision: its proposal readers, and observers of a partner or a delegation', () => {
    expect(readers(decision(0))).toEqual([...members.slice(0, -1), 'observer', 'byObserver', 'system']);
    expect(readers(decision(0, 'partially_adopted'))).toEqual(readers(decision(0)));
  });

  it('above public: its proposal readers only, never an observer, whatever their access level', () => {
    expect(readers(decision(1))).toEqual(['admin', 'staff', 'byHead', 'byDelegate', 'amHead', 'system']);
    expect(readers(decision(2))).toEqual(['admin', 'byHead', 'amHead', 'system']);
  });

  it('nothing not adopted is published; a state outside the body reads no decision of it', () => {
    expect(readers(decision(0, 'not_adopted'))).toEqual(members);
    expect(can(who('tjHead'), 'read', 'decision', decision(0))).toBe(false);
  });

  it('observers read the decision, never its proposal or procedure; nobody changes a decision', () => {
    const published = decision(0);
    for (const name of ['observer', 'byObserver'] as const) {
      expect(can(who(name), 'read', 'proposal', published.proposal), name).toBe(false);
      const procedure = {
        proposal: published.proposal,
        kind: 'silence',
        eligible: ['AM', 'BY'],
        authorisedDelegates: [],
      };
      expect(can(who(name), 'read', 'procedure', procedure), name).toBe(false);
    }
    for (const action of ['edit', 'delete', 'publish'])
      expect(
        ACTORS.filter((n) => can(who(n), action, 'decision', published)),
        action,
      ).toEqual([]);
  });
});

describe('delegation: who authorises delegates', () => {
  it.each([
    ['read', ['admin', 'staff', 'staffPublic', 'byHead', 'byDelegate', 'byObserver', 'system']],
    ['authorise', ['admin', 'byHead', 'system']],
  ] as const)('%s', (action, allowed) => {
    for (const name of ACTORS)
      expect(can(who(name), action, 'delegation', { state: 'BY' }), `${name} ${action}`).toBe(
        (allowed as readonly string[]).includes(name),
      );
  });
});

describe('the list scope returns exactly what proposal.read allows (scope twice)', () => {
  it('for every viewer, over bodies, levels and authors', async () => {
    const levels = ['public', 'restricted', 'confidential', 'secret'] as const;
    for (const body of ['council', 'committee'])
      for (const classification of levels)
        for (const by of [undefined, p.byHead, p.amHead])
          if (!by || classification !== 'secret')
            await buildProposal(t.handle, { body, classification, by, title: `${body} ${classification}` });
    const rows = await t.handle.db.selectFrom('proposals').selectAll().execute();
    const ctx = await loadPolicyContext(t.handle.db);
    for (const name of ACTORS) {
      const actor = who(name);
      const { items } = await listProposals(t.handle.db, actor, ListProposalsQuery.parse({ limit: 200 }));
      const listed = items.map((r) => r.id).sort();
      const allowed = rows
        .filter((r) => can(actor, 'read', 'proposal', proposalSubject(ctx, r)))
        .map((r) => r.id);
      expect(listed, name).toEqual(allowed.sort());
    }
  });
});
