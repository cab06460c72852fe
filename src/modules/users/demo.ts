import type { Db } from '../../db/connect.ts';

/** Whether enabled demo accounts (with published passwords) exist. */
export async function demoAccountsActive(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('is_demo', '=', true)
    .where('disabled_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return !!row;
}
