import { sql } from 'kysely';
import type { Db } from '../../db/connect.ts';
import type { OrganisationFile } from './schema.ts';

/**
 * The hotlines section (migration 0024): each hotline the file lists is inserted, or updated
 * in place by its code (its contacts and messages stay); one the file no longer lists is kept
 * but made inactive, since its messages are part of the record. Answers how many are active.
 */
export async function loadHotlines(trx: Db, file: OrganisationFile): Promise<number> {
  const rows = file.hotlines.map((h, position) => {
    const [a, b] = [...h.states].sort();
    return {
      code: h.code,
      state_a: a,
      state_b: b,
      acknowledge_within_minutes: h.acknowledgeWithinMinutes,
      escalate_to: h.escalateTo,
      active: true,
      position,
    };
  });
  await trx
    .updateTable('hotlines')
    .set({ active: false })
    .where(sql<boolean>`not (code = any(${rows.map((r) => r.code)}::text[]))`)
    .execute();
  for (const row of rows)
    await trx
      .insertInto('hotlines')
      .values(row)
      .onConflict((oc) =>
        oc.column('code').doUpdateSet({
          state_a: row.state_a,
          state_b: row.state_b,
          acknowledge_within_minutes: row.acknowledge_within_minutes,
          escalate_to: row.escalate_to,
          active: true,
          position: row.position,
        }),
      )
      .execute();
  return rows.length;
}
