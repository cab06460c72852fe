import { sql } from 'kysely';
import { type Actor, accessLevelOf, type Person } from '../../core/actor.ts';
import { AppError, invalid, notFound } from '../../core/errors.ts';
import { hashPassword } from '../../core/secrets.ts';
import type { Db } from '../../db/connect.ts';
import type { Locale, UserRow } from '../../db/schema.ts';
import { authorize } from '../../policy/index.ts';
import { appendEntry } from '../ledger/index.ts';
import { audienceOfUser } from './present.ts';
import type { CreateUserInput, UpdateMeInput, UpdateUserInput } from './schema.ts';

async function loadUserForUpdate(trx: Db, id: string): Promise<UserRow> {
  const row = await trx.selectFrom('users').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('user');
  return row;
}

/** 400 naming `email` when another account has the address (in any letter case). */
async function assertEmailFree(trx: Db, email: string | null | undefined, userId: string | null) {
  if (!email) return;
  const taken = await trx
    .selectFrom('users')
    .select('id')
    .where(sql<boolean>`lower(email) = lower(${email})`)
    .$if(userId !== null, (q) => q.where('id', '<>', userId!))
    .executeTakeFirst();
  if (taken) throw invalid('email', 'is already used by another account');
}

/** Creates an account (secretariat administrators, or the console). */
export async function createUser(
  trx: Db,
  actor: Actor,
  input: CreateUserInput,
  opts: { isDemo?: boolean } = {},
) {
  authorize(actor, 'create', 'users', null, 'user');
  if (input.stateCode) {
    const state = await trx
      .selectFrom('member_states')
      .select('code')
      .where('code', '=', input.stateCode)
      .executeTakeFirst();
    if (!state) throw invalid('stateCode', `${input.stateCode} is not a member state`);
  }
  if (input.partnerCode) {
    const partner = await trx
      .selectFrom('partners')
      .select('code')
      .where('code', '=', input.partnerCode)
      .executeTakeFirst();
    if (!partner) throw invalid('partnerCode', `${input.partnerCode} is not a partner organisation`);
  }
  const taken = await trx
    .selectFrom('users')
    .select('id')
    .where('username', '=', input.username)
    .executeTakeFirst();
  if (taken) throw invalid('username', 'is already taken');
  await assertEmailFree(trx, input.email, null);
  const row = await trx
    .insertInto('users')
    .values({
      username: input.username,
      display_name: input.displayName,
      email: input.email ?? null,
      password_hash: await hashPassword(input.password),
      affiliation: input.affiliation,
      state_code: input.stateCode ?? null,
      partner_code: input.partnerCode ?? null,
      role: input.role,
      access_level: accessLevelOf(input.accessLevel),
      is_demo: opts.isDemo ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEntry(trx, actor, {
    action: 'user.created',
    subjectType: 'user',
    subjectId: row.id,
    payload: {
      username: row.username,
      displayName: row.display_name,
      affiliation: row.affiliation,
      stateCode: input.stateCode ?? null,
      partnerCode: row.partner_code,
      role: row.role,
      accessLevel: input.accessLevel,
    },
    audience: audienceOfUser(row),
  });
  return row;
}

/** Changes an account's name, e-mail, role or access level. */
export async function updateUser(trx: Db, actor: Actor, id: string, input: UpdateUserInput) {
  const before = await loadUserForUpdate(trx, id);
  authorize(actor, 'update', 'user', before);
  if (
    actor.kind === 'person' &&
    actor.id === id &&
    (input.role !== undefined || input.accessLevel !== undefined)
  ) {
    throw new AppError('forbidden', 'you may not change your own role or access level', [
      { field: input.role !== undefined ? 'role' : 'accessLevel', reason: 'not for your own account' },
    ]);
  }
  const role = input.role ?? before.role;
  if (role === 'secretariat_admin' && before.affiliation !== 'secretariat')
    throw invalid('role', 'only secretariat staff can be administrators');
  if (before.affiliation === 'partner' && role !== 'observer')
    throw invalid('role', 'partner organisations take part as observers');
  if (input.email !== undefined) await assertEmailFree(trx, input.email, id);
  const changes = {
    ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.role !== undefined ? { role: input.role } : {}),
    ...(input.accessLevel !== undefined ? { access_level: accessLevelOf(input.accessLevel) } : {}),
  };
  if (Object.keys(changes).length === 0) return before;
  const row = await trx
    .updateTable('users')
    .set(changes)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEntry(trx, actor, {
    action: 'user.updated',
    subjectType: 'user',
    subjectId: id,
    payload: { changes: input },
    audience: audienceOfUser(row),
  });
  return row;
}

/** Disables or re-enables an account; disabling ends its sessions and API tokens at once. */
export async function setUserDisabled(trx: Db, actor: Actor, id: string, disabled: boolean) {
  const before = await loadUserForUpdate(trx, id);
  authorize(actor, 'disable', 'user', before);
  if ((before.disabled_at !== null) === disabled) return before;
  const row = await trx
    .updateTable('users')
    .set({ disabled_at: disabled ? new Date() : null })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (disabled) {
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    await trx
      .updateTable('api_tokens')
      .set({ revoked_at: new Date() })
      .where('user_id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  }
  await appendEntry(trx, actor, {
    action: disabled ? 'user.disabled' : 'user.enabled',
    subjectType: 'user',
    subjectId: id,
    payload: { username: row.username },
    audience: audienceOfUser(row),
  });
  return row;
}

/** A person's language preference, remembered for every device they sign in from. */
export async function setLocale(trx: Db, person: Person, locale: Locale) {
  const row = await trx
    .updateTable('users')
    .set({ locale })
    .where('id', '=', person.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  if (person.locale !== locale) {
    await appendEntry(trx, person, {
      action: 'user.locale_changed',
      subjectType: 'user',
      subjectId: person.id,
      payload: { locale },
      audience: audienceOfUser(row),
    });
  }
  return row;
}

/**
 * A person changes their own e-mail address (null removes it): checked for form by the
 * schema, unique here (400 naming `email`), recorded as `user.updated` naming the field.
 * The same address again records nothing.
 */
export async function setOwnEmail(trx: Db, person: Person, email: string | null) {
  const before = await loadUserForUpdate(trx, person.id);
  authorize(person, 'updateEmail', 'user', before);
  if ((before.email ?? null) === email) return before;
  await assertEmailFree(trx, email, person.id);
  const row = await trx
    .updateTable('users')
    .set({ email })
    .where('id', '=', person.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await appendEntry(trx, person, {
    action: 'user.updated',
    subjectType: 'user',
    subjectId: person.id,
    payload: { changes: { email } },
    audience: audienceOfUser(row),
  });
  return row;
}

/** A person changes their own account (`PATCH /api/me`): language, e-mail address. */
export async function updateMe(trx: Db, person: Person, input: UpdateMeInput): Promise<UserRow> {
  let row: UserRow | null = null;
  if (input.locale !== undefined) row = await setLocale(trx, person, input.locale);
  if (input.email !== undefined) row = await setOwnEmail(trx, person, input.email);
  return row ?? loadUserForUpdate(trx, person.id);
}
