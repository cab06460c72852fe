import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personFromRow } from '../../core/actor.ts';
import { can, ledgerEntriesVisibleTo } from '../../policy/index.ts';
import { type TestContext, testContext } from '../../testing/harness.ts';
import { buildConsultation, buildConsultationPeople, type ConsultationPeople } from './factories.ts';
import { loadConsultation } from './load.ts';
import { consultationsVisibleTo } from './policy.ts';

// The rules over consultations twice, as predicates over a loaded consultation and as the SQL
// condition of lists; and the record's rule over their sealed entries, as predicate and SQL.
// For every person and every consultation each pair must agree.

let t: TestContext;
let p: ConsultationPeople;
beforeAll(async () => {
  t = await testContext();
  p = await buildConsultationPeople(t.handle);
  for (const classification of ['public', 'confidential', 'secret']) {
    await buildConsultation(t.handle, p.admin, p.monitor, {
      classification: classification === 'secret' ? 'confidential' : classification,
    });
    await buildConsultation(t.handle, p.admin, p.admin, {
      classification,
      participants: ['BY', 'TJ'],
      staff: [p.otherSecretariat.username],
    });
    await buildConsultation(t.handle, p.byHead, p.byHead, { classification, participants: ['AM', 'BY'] });
  }
});
afterAll(() => t.close());

describe('consultation policy and SQL scope agree', () => {
  it('read: the same answer for every person and consultation', async () => {
    const rows = await t.handle.db.selectFrom('consultations').select('id').execute();
    expect(rows.length).toBe(9);
    const system = { kind: 'system', label: 'test' } as const;
    for (const [name, user] of Object.entries(p)) {
      const person = personFromRow(user);
      const scoped = await t.handle.db
        .selectFrom('consultations')
        .select('id')
        .where(consultationsVisibleTo(person))
        .execute();
      const visible = new Set(scoped.map((r) => r.id));
      for (const { id } of rows) {
        const { subject } = await loadConsultation(t.handle.db, system, id);
        expect(visible.has(id), `${name} reads ${id}`).toBe(can(person, 'read', 'consultation', subject));
      }
    }
  });

  it('who reads what, in figures', async () => {
    const count = async (who: keyof ConsultationPeople) =>
      (
        await t.handle.db
          .selectFrom('consultations')
          .select('id')
          .where(consultationsVisibleTo(personFromRow(p[who])))
          .execute()
      ).length;
    // The admin convened six and is within level of all; the monitor facilitates three (none secret).
    expect(await count('admin')).toBe(6);
    expect(await count('monitor')).toBe(3);
    // Named staff of the three BY–TJ ones; no other secretariat right.
    expect(await count('otherSecretariat')).toBe(3);
    // AM takes part in six; its confidential head reads the five not secret.
    expect(await count('amHead')).toBe(5);
    // Observers never, whatever their level or state.
    expect(await count('amObserver')).toBe(0);
    expect(await count('unObserver')).toBe(0);
    // TJ's public delegate: the public ones of TJ's six.
    expect(await count('tjPublic')).toBe(2);
  });

  it("the record's rule over sealed entries and its SQL agree", async () => {
    const entries = await t.handle.db
      .selectFrom('ledger_entries')
      .selectAll()
      .where('subject_type', '=', 'consultation')
      .execute();
    expect(entries.length).toBe(9);
    for (const [name, user] of Object.entries(p)) {
      const person = personFromRow(user);
      const scoped = await t.handle.db
        .selectFrom('ledger_entries')
        .select('seq')
        .where('subject_type', '=', 'consultation')
        .where(ledgerEntriesVisibleTo(person))
        .execute();
      const visible = new Set(scoped.map((r) => Number(r.seq)));
      for (const e of entries) {
        const readable = can(person, 'read', 'ledgerEntry', e);
        expect(visible.has(Number(e.seq)), `${name} reads entry ${e.seq}`).toBe(readable);
        const { subject } = await loadConsultation(t.handle.db, { kind: 'system', label: 't' }, e.subject_id);
        // Whoever reads the entry reads the consultation, and the reverse (or acted themselves).
        if (e.actor_id !== person.id)
          expect(readable, `${name}: entry and consultation`).toBe(
            can(person, 'read', 'consultation', subject),
          );
      }
    }
  });
});
