import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { personFromRow } from '../../core/actor.ts';
import { can } from '../../policy/index.ts';
import { type TestContext, testContext } from '../../testing/harness.ts';
import { buildHotlinePeople, buildMessage, HOTLINE_ORGANISATION, type HotlinePeople } from './factories.ts';
import { hotlineMessagesVisibleTo, hotlinesVisibleTo } from './policy.ts';
import { findHotlineById, hotlineSubject, messageSubject } from './queries.ts';

// The hotline's rules twice: predicates over a loaded hotline or message, and the SQL
// conditions of the lists. For every person, hotline and message the two must agree.

let t: TestContext;
let p: HotlinePeople;
beforeAll(async () => {
  t = await testContext(HOTLINE_ORGANISATION);
  p = await buildHotlinePeople(t.handle);
  for (const classification of ['restricted', 'confidential']) {
    await buildMessage(t.handle.db, { by: p.tjDuty, body: { classification } });
    await buildMessage(t.handle.db, { by: p.tjHead, body: { classification } });
  }
  await buildMessage(t.handle.db, { by: p.amDuty });
});
afterAll(() => t.close());

describe('hotline policy and SQL scope agree', () => {
  it('hotline.read and hotlineMessage.read: the same answer for every person', async () => {
    const hotlines = await t.handle.db.selectFrom('hotlines').selectAll().execute();
    const messages = await t.handle.db.selectFrom('hotline_messages').selectAll().execute();
    expect(hotlines.length).toBe(2);
    expect(messages.length).toBe(5);
    for (const [name, user] of Object.entries(p)) {
      const person = personFromRow(user);
      const seenHotlines = new Set(
        (
          await t.handle.db.selectFrom('hotlines').select('id').where(hotlinesVisibleTo(person)).execute()
        ).map((r) => r.id),
      );
      const seenMessages = new Set(
        (
          await t.handle.db
            .selectFrom('hotline_messages')
            .innerJoin('hotlines', 'hotlines.id', 'hotline_messages.hotline_id')
            .select('hotline_messages.id')
            .where(hotlineMessagesVisibleTo(person))
            .execute()
        ).map((r) => r.id),
      );
      for (const row of hotlines) {
        const h = (await findHotlineById(t.handle.db, row.id))!;
        expect(seenHotlines.has(row.id), `${name} reads ${row.code}`).toBe(
          can(person, 'read', 'hotline', hotlineSubject(h)),
        );
      }
      for (const m of messages) {
        const h = (await findHotlineById(t.handle.db, m.hotline_id))!;
        expect(seenMessages.has(m.id), `${name} reads a c${m.classification} message`).toBe(
          can(person, 'read', 'hotlineMessage', messageSubject(h, m)),
        );
      }
    }
  });

  it('who does what, in figures: the sides speak, the secretariat reads within its level, nobody else', async () => {
    const messages = await t.handle.db.selectFrom('hotline_messages').selectAll().execute();
    const amTj = (
      await t.handle.db
        .selectFrom('hotlines')
        .select('id')
        .where('code', '=', 'AM-TJ')
        .executeTakeFirstOrThrow()
    ).id;
    const h = (await findHotlineById(t.handle.db, amTj))!;
    const count = (who: keyof HotlinePeople, action: string) =>
      messages.filter((m) => can(personFromRow(p[who]), action, 'hotlineMessage', messageSubject(h, m)))
        .length;
    // Two restricted and two confidential from TJ, one restricted from AM.
    expect(count('tjDuty', 'read')).toBe(5);
    expect(count('amDuty', 'read')).toBe(3); // restricted only
    expect(count('amHead', 'read')).toBe(5);
    expect(count('secretariat', 'read')).toBe(5);
    expect(count('juniorSecretariat', 'read')).toBe(3);
    for (const outsider of ['tjDelegate', 'byHead', 'observer'] as const)
      expect(count(outsider, 'read')).toBe(0);
    // Only the other side acknowledges: AM's duty the two restricted TJ messages, TJ's the AM one.
    expect(count('amDuty', 'acknowledge')).toBe(2);
    expect(count('amHead', 'acknowledge')).toBe(4);
    expect(count('tjDuty', 'acknowledge')).toBe(1);
    expect(count('secretariat', 'acknowledge')).toBe(0);
    // Designating: a side's own head only.
    const side = (state: string) => ({ ...hotlineSubject(h), state });
    expect(can(personFromRow(p.amHead), 'designate', 'hotlineSide', side('AM'))).toBe(true);
    expect(can(personFromRow(p.amHead), 'designate', 'hotlineSide', side('TJ'))).toBe(false);
    expect(can(personFromRow(p.amDuty), 'designate', 'hotlineSide', side('AM'))).toBe(false);
    expect(can(personFromRow(p.byHead), 'designate', 'hotlineSide', side('AM'))).toBe(false);
  });
});
