import type { DbHandle } from '../db/connect.ts';
import { buildUser } from './harness.ts';

/**
 * The people the tests of decisions (and of the notifications they cause) use, in the test
 * organisation (BY presides; TJ is not in the committee).
 */
export async function buildDecisionPeople(handle: DbHandle) {
  return {
    admin: await buildUser(handle, { role: 'secretariat_admin', accessLevel: 'secret' }),
    staff: await buildUser(handle, {
      role: 'point_of_contact',
      affiliation: 'secretariat',
      accessLevel: 'restricted',
    }),
    amHead: await buildUser(handle, {
      role: 'head_of_delegation',
      stateCode: 'AM',
      accessLevel: 'confidential',
    }),
    byHead: await buildUser(handle, {
      role: 'head_of_delegation',
      stateCode: 'BY',
      accessLevel: 'confidential',
    }),
    tjHead: await buildUser(handle, {
      role: 'head_of_delegation',
      stateCode: 'TJ',
      accessLevel: 'confidential',
    }),
    byDelegate: await buildUser(handle, { role: 'delegate', stateCode: 'BY', accessLevel: 'restricted' }),
    amDelegate: await buildUser(handle, { role: 'delegate', stateCode: 'AM', accessLevel: 'public' }),
    observer: await buildUser(handle, { role: 'observer', partnerCode: 'UN', accessLevel: 'secret' }),
  };
}
export type DecisionPeople = Awaited<ReturnType<typeof buildDecisionPeople>>;
