import { personFromRow } from '../../core/actor.ts';
import type { Db, DbHandle } from '../../db/connect.ts';
import type { UserRow } from '../../db/schema.ts';
import { buildUser, TEST_ORGANISATION } from '../../testing/harness.ts';
import { designateContacts, sendMessage } from './commands.ts';
import { SendMessageInput } from './schema.ts';

/** Test factories of the hotline module; they make what they need. */

/** The test organisation with a hotline AM-TJ (15 minutes, to the secretariat and the heads) and AM-BY. */
export const HOTLINE_ORGANISATION = `${TEST_ORGANISATION}
hotlines:
  - { code: AM-TJ, states: [TJ, AM], acknowledgeWithinMinutes: 15, escalateTo: [secretariat, heads_of_delegation] }
  - { code: AM-BY, states: [AM, BY], acknowledgeWithinMinutes: 60, escalateTo: [secretariat] }
`;
export const WINDOW_MS = 15 * 60_000;

/** The people of the hotline tests; the contacts are designated on AM-TJ by their heads. */
export async function buildHotlinePeople(handle: DbHandle) {
  const people = {
    amHead: await buildUser(handle, {
      role: 'head_of_delegation',
      stateCode: 'AM',
      accessLevel: 'confidential',
    }),
    tjHead: await buildUser(handle, {
      role: 'head_of_delegation',
      stateCode: 'TJ',
      accessLevel: 'confidential',
    }),
    amDuty: await buildUser(handle, { role: 'point_of_contact', stateCode: 'AM', accessLevel: 'restricted' }),
    tjDuty: await buildUser(handle, {
      role: 'point_of_contact',
      stateCode: 'TJ',
      accessLevel: 'confidential',
    }),
    /** Of TJ's delegation, but not a designated contact. */
    tjDelegate: await buildUser(handle, { role: 'delegate', stateCode: 'TJ', accessLevel: 'secret' }),
    /** Another member state's head. */
    byHead: await buildUser(handle, { role: 'head_of_delegation', stateCode: 'BY', accessLevel: 'secret' }),
    secretariat: await buildUser(handle, {
      role: 'point_of_contact',
      affiliation: 'secretariat',
      accessLevel: 'confidential',
    }),
    /** The secretariat, but only restricted: reads restricted messages only. */
    juniorSecretariat: await buildUser(handle, {
      role: 'point_of_contact',
      affiliation: 'secretariat',
      accessLevel: 'restricted',
    }),
    observer: await buildUser(handle, { role: 'observer', partnerCode: 'UN', accessLevel: 'secret' }),
  };
  await designate(handle.db, people.amHead, 'AM', [people.amDuty]);
  await designate(handle.db, people.tjHead, 'TJ', [people.tjDuty]);
  return people;
}
export type HotlinePeople = Awaited<ReturnType<typeof buildHotlinePeople>>;

export const designate = (db: Db, head: UserRow, state: string, contacts: UserRow[], code = 'AM-TJ') =>
  db.transaction().execute((trx) =>
    designateContacts(trx, personFromRow(head), code, state, {
      usernames: contacts.map((c) => c.username),
    }),
  );

/** A message sent on AM-TJ (by default by AM's duty contact, routine, restricted) at `at`. */
export function buildMessage(
  db: Db,
  opts: { by: UserRow; at?: Date; body?: Partial<Record<string, unknown>>; code?: string },
) {
  const input = SendMessageInput.parse({ body: 'Shots heard near post 14. Please confirm.', ...opts.body });
  return db
    .transaction()
    .execute((trx) =>
      sendMessage(trx, personFromRow(opts.by), opts.code ?? 'AM-TJ', input, opts.at ?? new Date()),
    );
}
