import { type Actor, personFromRow, systemActor } from '../../core/actor.ts';
import type { DbHandle } from '../../db/connect.ts';
import type { ClearanceRequestRow, UserRow } from '../../db/schema.ts';
import { buildUser } from '../../testing/harness.ts';
import { requestBody } from '../../testing/simulations/clearances.ts';
import { grantStandingPermission } from './permissions/commands.ts';
import { createRequest } from './requests/commands.ts';
import { CreateRequestInput, GrantStandingPermissionInput } from './schema.ts';

/** Test factories for the clearances module; each creates what it needs and is missing. */

const asActor = (who: UserRow | Actor | undefined): Actor =>
  who === undefined ? systemActor('test') : 'kind' in who ? who : personFromRow(who);

/** The people the clearance tests use (in CLEARANCE_ORGANISATION). */
export async function buildClearancePeople(handle: DbHandle) {
  const head = (stateCode: string) =>
    buildUser(handle, { role: 'head_of_delegation', stateCode, accessLevel: 'confidential' });
  return {
    admin: await buildUser(handle, { role: 'secretariat_admin', accessLevel: 'secret' }),
    staff: await buildUser(handle, {
      role: 'point_of_contact',
      affiliation: 'secretariat',
      accessLevel: 'restricted',
    }),
    byHead: await head('BY'),
    byDelegate: await buildUser(handle, { role: 'delegate', stateCode: 'BY', accessLevel: 'restricted' }),
    ruHead: await head('RU'),
    ruContact: await buildUser(handle, {
      role: 'point_of_contact',
      stateCode: 'RU',
      accessLevel: 'restricted',
    }),
    ruDelegate: await buildUser(handle, { role: 'delegate', stateCode: 'RU', accessLevel: 'restricted' }),
    kzHead: await head('KZ'),
    amHead: await head('AM'),
    byPublic: await buildUser(handle, { role: 'delegate', stateCode: 'BY', accessLevel: 'public' }),
    observer: await buildUser(handle, { role: 'observer', partnerCode: 'UN', accessLevel: 'secret' }),
  };
}
export type ClearancePeople = Awaited<ReturnType<typeof buildClearancePeople>>;

export interface RequestSpec {
  by?: UserRow | Actor;
  submit?: boolean;
  now?: Date;
  body?: Record<string, unknown>;
}

/** A clearance request of BY along BY -> RU -> KZ (submitted unless `submit: false`). */
export function buildClearanceRequest(
  handle: DbHandle,
  spec: RequestSpec = {},
): Promise<ClearanceRequestRow> {
  const now = spec.now ?? new Date();
  const input = CreateRequestInput.parse({
    requestingState: 'BY',
    ...requestBody(spec.body ?? {}, now),
    submit: spec.submit ?? true,
  });
  return handle.db.transaction().execute((trx) => createRequest(trx, asActor(spec.by), input, now));
}

/** A standing permission granted by `granting` to `grantee` (the console grants unless `by`). */
export function buildStandingPermission(
  handle: DbHandle,
  spec: { granting?: string; by?: UserRow | Actor; input?: Record<string, unknown>; now?: Date } = {},
) {
  const now = spec.now ?? new Date();
  const input = GrantStandingPermissionInput.parse({
    grantee: 'BY',
    pattern: { frameworks: ['exercise', 'training'], assetKinds: ['vehicle'], maxPersonnel: 100 },
    validFrom: new Date(now.getTime() - 86_400_000).toISOString(),
    validTo: new Date(now.getTime() + 365 * 86_400_000).toISOString(),
    ...spec.input,
  });
  return handle.db
    .transaction()
    .execute((trx) => grantStandingPermission(trx, asActor(spec.by), spec.granting ?? 'RU', input, now));
}
