import { personFromRow } from '../../core/actor.ts';
import type { DbHandle } from '../../db/connect.ts';
import type { UserRow } from '../../db/schema.ts';
import { buildUser } from '../../testing/harness.ts';
import { settleRecord } from '../ledger/index.ts';
import { openConsultation } from './commands.ts';
import { OpenConsultationInput } from './schema.ts';

/**
 * The people of the consultations tests, on the test organisation (AM, BY, TJ; BY presides):
 * the participants of an AM–TJ consultation convened by the secretariat's administrator and
 * facilitated by its monitor, and those who must never see it.
 */
export async function buildConsultationPeople(handle: DbHandle) {
  return {
    admin: await buildUser(handle, { role: 'secretariat_admin', accessLevel: 'secret' }),
    monitor: await buildUser(handle, {
      affiliation: 'secretariat',
      role: 'point_of_contact',
      accessLevel: 'confidential',
    }),
    otherSecretariat: await buildUser(handle, {
      affiliation: 'secretariat',
      role: 'point_of_contact',
      accessLevel: 'secret',
    }),
    amHead: await buildUser(handle, {
      stateCode: 'AM',
      role: 'head_of_delegation',
      accessLevel: 'confidential',
    }),
    amDelegate: await buildUser(handle, { stateCode: 'AM', role: 'delegate', accessLevel: 'confidential' }),
    amObserver: await buildUser(handle, {
      affiliation: 'delegation',
      stateCode: 'AM',
      role: 'observer',
      accessLevel: 'secret',
    }),
    tjFocal: await buildUser(handle, {
      stateCode: 'TJ',
      role: 'point_of_contact',
      accessLevel: 'confidential',
    }),
    tjPublic: await buildUser(handle, { stateCode: 'TJ', role: 'delegate', accessLevel: 'public' }),
    byHead: await buildUser(handle, { stateCode: 'BY', role: 'head_of_delegation', accessLevel: 'secret' }),
    byDelegate: await buildUser(handle, { stateCode: 'BY', role: 'delegate', accessLevel: 'secret' }),
    unObserver: await buildUser(handle, { role: 'observer', partnerCode: 'UN', accessLevel: 'secret' }),
  };
}
export type ConsultationPeople = Awaited<ReturnType<typeof buildConsultationPeople>>;

/** An open body for POST /api/consultations, AM and TJ facilitated by `facilitator`. */
export const consultationBody = (facilitator: UserRow, overrides: Record<string, unknown> = {}) => ({
  title: 'AM–TJ talks',
  purpose: 'Settle the incident',
  participants: ['AM', 'TJ'],
  facilitator: facilitator.username,
  classification: 'confidential',
  agenda: ['Facts', 'Next steps'],
  ...overrides,
});

/** Opens a consultation through the command, convened by `by`; answers its id. */
export async function buildConsultation(
  handle: DbHandle,
  by: UserRow,
  facilitator: UserRow,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const input = OpenConsultationInput.parse(consultationBody(facilitator, overrides));
  const { row } = await handle.db
    .transaction()
    .execute((trx) => openConsultation(trx, personFromRow(by), input));
  await settleRecord(handle.db);
  return row.id;
}
