import { type Person, personFromRow } from '../../core/actor.ts';
import type { Db } from '../../db/connect.ts';
import { acknowledgeMessage, designateContacts, sendMessage } from './commands.ts';
import { SendMessageInput } from './schema.ts';

const MINUTE = 60_000;
const DEMO_USERS = ['kg.head', 'tj.head', 'kg.focal', 'tj.focal'] as const;

/**
 * The demo's hotline traffic on KG-TJ, through the real commands by the demo accounts,
 * placed in time relative to `now`: each head names its focal point as duty contact; two
 * hours ago Tajikistan reported shots near the Karamyk crossing (urgent), Kyrgyzstan
 * acknowledged it after six minutes and answered (Tajikistan acknowledged the answer); five minutes ago Kyrgyzstan asked about a
 * patrol, still waiting for Tajikistan's acknowledgement. Does nothing (false) when the
 * hotline has messages or the accounts or the hotline are missing.
 */
export async function loadDemoHotline(db: Db, now = new Date()): Promise<boolean> {
  const hotline = await db.selectFrom('hotlines').select('id').where('code', '=', 'KG-TJ').executeTakeFirst();
  if (!hotline) return false;
  if (await db.selectFrom('hotline_messages').select('id').limit(1).executeTakeFirst()) return false;
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('username', 'in', [...DEMO_USERS])
    .execute();
  if (rows.length !== DEMO_USERS.length) return false;
  const as = Object.fromEntries(rows.map((r) => [r.username, personFromRow(r)])) as Record<
    (typeof DEMO_USERS)[number],
    Person
  >;
  const at = (minutes: number) => new Date(now.getTime() + minutes * MINUTE);
  const tx = <T>(fn: (trx: Db) => Promise<T>) => db.transaction().execute(fn);
  await tx((trx) => designateContacts(trx, as['kg.head'], 'KG-TJ', 'KG', { usernames: ['kg.focal'] }));
  await tx((trx) => designateContacts(trx, as['tj.head'], 'KG-TJ', 'TJ', { usernames: ['tj.focal'] }));
  const shots = await tx((trx) =>
    sendMessage(
      trx,
      as['tj.focal'],
      'KG-TJ',
      SendMessageInput.parse({
        body: 'Automatic fire heard 2 km east of the Karamyk crossing minutes ago. Are your units engaged? Please confirm and hold positions.',
        urgency: 'urgent',
      }),
      at(-120),
    ),
  );
  await tx((trx) => acknowledgeMessage(trx, as['kg.focal'], 'KG-TJ', shots.id, at(-114)));
  const answer = await tx((trx) =>
    sendMessage(
      trx,
      as['kg.focal'],
      'KG-TJ',
      SendMessageInput.parse({
        body: 'No Kyrgyz units engaged. Border post 7 reports a hunting party; a patrol is checking. Will report within the hour.',
        replyTo: shots.id,
      }),
      at(-100),
    ),
  );
  await tx((trx) => acknowledgeMessage(trx, as['tj.focal'], 'KG-TJ', answer.id, at(-97)));
  await tx((trx) =>
    sendMessage(
      trx,
      as['kg.focal'],
      'KG-TJ',
      SendMessageInput.parse({
        body: 'Our patrol will cross the stream near post 7 at first light to recover a vehicle. Please inform your posts.',
      }),
      at(-5),
    ),
  );
  return true;
}
