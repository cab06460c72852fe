import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FILE } from '../../config.ts';
import { type TestContext, testContext } from '../../testing/harness.ts';
import { verifyDatabase } from '../ledger/queries.ts';
import { loadDemoDecisions } from './demo.ts';

let t: TestContext;
const now = new Date();

beforeAll(async () => {
  t = await testContext(readFileSync(DEMO_FILE, 'utf8'));
});
afterAll(() => t.close());

describe('the demo decisions', () => {
  it('hold an adopted multi-point decision, one broken by an objection, and an open silence procedure', async () => {
    expect(await loadDemoDecisions(t.handle.db, now)).toBe(true);
    const proposals = await t.handle.db
      .selectFrom('proposals')
      .leftJoin('procedures', 'procedures.proposal_id', 'proposals.id')
      .select([
        'proposals.title',
        'proposals.status',
        'procedures.kind',
        'procedures.deadline',
        'procedures.outcome',
      ])
      .orderBy('proposals.created_at')
      .execute();
    expect(proposals.map((r) => [r.status, r.kind])).toEqual([
      ['adopted', 'meeting_consensus'],
      ['not_adopted', 'silence'],
      ['open', 'silence'],
    ]);
    expect(proposals[1].outcome).toMatchObject({
      points: [{ verdict: { reason: 'silence_broken', states: ['AM'] } }, {}],
    });
    expect(proposals[2].deadline!.getTime()).toBe(now.getTime() + 72 * 3_600_000);

    const decision = await t.handle.db.selectFrom('decisions').selectAll().executeTakeFirstOrThrow();
    expect(decision).toMatchObject({ number: 1, result: 'adopted' });
    expect(decision.points).toHaveLength(3);
    expect(decision.statements).toEqual([
      expect.objectContaining({ state: 'AM', point: '3', kind: 'reservation' }),
      expect.objectContaining({ state: 'KZ', point: '2', kind: 'interpretative_statement' }),
    ]);
    expect((await verifyDatabase(t.handle.db)).ok).toBe(true);
  });

  it('are loaded once: not again when proposals exist', async () => {
    expect(await loadDemoDecisions(t.handle.db)).toBe(false);
  });
});
