import type { Command } from 'commander';
import { systemActor } from '../core/actor.ts';
import { validationError } from '../core/errors.ts';
import { createToken, revokeToken } from '../modules/auth/commands.ts';
import { personFromRow } from '../modules/auth/load-actor.ts';
import { createUser, setUserDisabled, updateUser } from '../modules/users/commands.ts';
import { CreateUserInput, UpdateUserInput } from '../modules/users/schema.ts';
import { CliError, print, withDatabase } from './support.ts';

const console_ = systemActor('accord cli');

export function registerUserCommands(program: Command) {
  const user = program.command('user').description('Manage accounts');

  user
    .command('add')
    .description('Create an account (the password comes from --password or ACCORD_PASSWORD)')
    .argument('<username>')
    .requiredOption('--name <displayName>', 'display name')
    .requiredOption('--affiliation <affiliation>', 'delegation, secretariat or partner')
    .requiredOption(
      '--role <role>',
      'secretariat_admin, head_of_delegation, delegate, point_of_contact or observer',
    )
    .option('--state <code>', 'member state (for a delegation)')
    .option('--partner <code>', 'partner organisation (for a partner)')
    .option('--clearance <level>', 'public, restricted, confidential or secret', 'restricted')
    .option('--email <email>')
    .option('--password <password>', 'initial password (at least 10 characters)')
    .action(async (username: string, o) => {
      const parsed = CreateUserInput.safeParse({
        username,
        displayName: o.name,
        email: o.email ?? null,
        password: o.password ?? process.env.ACCORD_PASSWORD ?? '',
        affiliation: o.affiliation,
        stateCode: o.state ?? null,
        partnerCode: o.partner ?? null,
        role: o.role,
        clearance: o.clearance,
      });
      if (!parsed.success) throw validationError(parsed.error);
      const row = await withDatabase((h) =>
        h.db.transaction().execute((trx) => createUser(trx, console_, parsed.data)),
      );
      print(`created ${row.username} (${row.id})`);
    });

  user
    .command('list')
    .description('List accounts')
    .option('--json', 'print JSON')
    .action(async (o) => {
      const rows = await withDatabase((h) =>
        h.db.selectFrom('users').selectAll().orderBy('username').execute(),
      );
      if (o.json) {
        print(
          JSON.stringify(
            rows.map((r) => ({ ...personFromRow(r), disabled: r.disabled_at !== null })),
            null,
            2,
          ),
        );
        return;
      }
      for (const r of rows) {
        const who =
          r.affiliation === 'delegation'
            ? r.state_code
            : r.affiliation === 'partner'
              ? r.partner_code
              : 'secretariat';
        print(
          `${r.username.padEnd(24)} ${String(who).padEnd(12)} ${r.role.padEnd(20)} ${r.disabled_at ? 'disabled' : 'active'}`,
        );
      }
    });

  user
    .command('email')
    .description("Set an account's e-mail address, where its notifications by e-mail go ('none' removes it)")
    .argument('<username>')
    .argument('<address>', "the e-mail address, or 'none'")
    .action(async (username: string, address: string) => {
      const parsed = UpdateUserInput.safeParse({ email: address === 'none' ? null : address });
      if (!parsed.success) throw validationError(parsed.error);
      await withDatabase(async (h) => {
        const row = await h.db
          .selectFrom('users')
          .select('id')
          .where('username', '=', username)
          .executeTakeFirst();
        if (!row) throw new CliError(`no account named ${username}`);
        await h.db.transaction().execute((trx) => updateUser(trx, console_, row.id, parsed.data));
      });
      print(`${username}: e-mail ${parsed.data.email ?? 'removed'}`);
    });

  for (const [name, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    user
      .command(name)
      .description(
        disabled ? 'Disable an account: its sessions and tokens end at once' : 'Enable a disabled account',
      )
      .argument('<username>')
      .action(async (username: string) => {
        await withDatabase(async (h) => {
          const row = await h.db
            .selectFrom('users')
            .select('id')
            .where('username', '=', username)
            .executeTakeFirst();
          if (!row) throw new CliError(`no account named ${username}`);
          await h.db.transaction().execute((trx) => setUserDisabled(trx, console_, row.id, disabled));
        });
        print(`${username} ${disabled ? 'disabled' : 'enabled'}`);
      });
  }

  const token = program.command('token').description('Manage API tokens');
  token
    .command('create')
    .description('Create an API token for an account; prints the token once')
    .argument('<username>')
    .requiredOption('--name <name>', 'what the token is for')
    .option('--days <n>', 'expires after this many days')
    .action(async (username: string, o) => {
      const days = o.days === undefined ? undefined : Number(o.days);
      if (days !== undefined && !(Number.isInteger(days) && days > 0))
        throw new CliError('--days must be a positive whole number');
      const created = await withDatabase(async (h) => {
        const row = await h.db
          .selectFrom('users')
          .selectAll()
          .where('username', '=', username)
          .where('disabled_at', 'is', null)
          .executeTakeFirst();
        if (!row) throw new CliError(`no enabled account named ${username}`);
        return h.db
          .transaction()
          .execute((trx) => createToken(trx, personFromRow(row), { name: o.name, expiresInDays: days }));
      });
      print(created.token);
      process.stderr.write(`token ${created.row.id} created for ${username}; it is not shown again\n`);
    });
  token
    .command('revoke')
    .description('Revoke an API token by its id')
    .argument('<id>')
    .action(async (id: string) => {
      if (!/^[0-9a-f-]{36}$/i.test(id))
        throw new CliError('the token id must be a UUID (see accord token list)');
      await withDatabase((h) => h.db.transaction().execute((trx) => revokeToken(trx, console_, id)));
      print(`token ${id} revoked`);
    });
  token
    .command('list')
    .description('List API tokens (never the tokens themselves)')
    .action(async () => {
      const rows = await withDatabase((h) =>
        h.db
          .selectFrom('api_tokens')
          .innerJoin('users', 'users.id', 'api_tokens.user_id')
          .select([
            'api_tokens.id',
            'api_tokens.name',
            'api_tokens.prefix',
            'api_tokens.revoked_at',
            'users.username',
          ])
          .orderBy('api_tokens.created_at')
          .execute(),
      );
      for (const r of rows)
        print(`${r.id} ${r.username.padEnd(20)} ${r.prefix}… ${r.name}${r.revoked_at ? ' (revoked)' : ''}`);
    });
}
