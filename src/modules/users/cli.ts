import { type Command, Option } from 'commander';
import { CliError, print, withDatabase } from '../../cli/support.ts';
import { ACCESS_LEVELS, accessLevelName, personFromRow, systemActor } from '../../core/actor.ts';
import { validationError } from '../../core/errors.ts';
import type { Db } from '../../db/connect.ts';
import { createUser, setUserDisabled, updateUser } from './commands.ts';
import { CreateUserInput, UpdateUserInput } from './schema.ts';

const console_ = systemActor('accord cli');

const ACCESS_LEVEL_HELP = `the highest classification the person may read: ${ACCESS_LEVELS.join(', ')}`;

/** `--clearance` was the option's name before it was called access level: say what to write instead. */
const oldClearanceOption = () => new Option('--clearance <level>').hideHelp();
function refuseOldClearance(o: { clearance?: string }) {
  if (o.clearance !== undefined)
    throw new CliError(
      `--clearance is now --access-level (a person's access level): write --access-level ${o.clearance}`,
    );
}

async function userIdOf(h: { db: Db }, username: string): Promise<string> {
  const row = await h.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (!row) throw new CliError(`no account named ${username}`);
  return row.id;
}

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
    .option('--access-level <level>', ACCESS_LEVEL_HELP, 'restricted')
    .addOption(oldClearanceOption())
    .option('--email <email>')
    .option('--password <password>', 'initial password (at least 10 characters)')
    .action(async (username: string, o) => {
      refuseOldClearance(o);
      const parsed = CreateUserInput.safeParse({
        username,
        displayName: o.name,
        email: o.email ?? null,
        password: o.password ?? process.env.ACCORD_PASSWORD ?? '',
        affiliation: o.affiliation,
        stateCode: o.state ?? null,
        partnerCode: o.partner ?? null,
        role: o.role,
        accessLevel: o.accessLevel,
      });
      if (!parsed.success) throw validationError(parsed.error);
      const row = await withDatabase((h) =>
        h.db.transaction().execute((trx) => createUser(trx, console_, parsed.data)),
      );
      print(`created ${row.username} (${row.id})`);
    });

  user
    .command('update')
    .description("Change an account's name, role or access level (only what is given)")
    .argument('<username>')
    .option('--name <displayName>', 'display name')
    .option('--role <role>', 'secretariat_admin, head_of_delegation, delegate, point_of_contact or observer')
    .option('--access-level <level>', ACCESS_LEVEL_HELP)
    .addOption(oldClearanceOption())
    .action(async (username: string, o) => {
      refuseOldClearance(o);
      const parsed = UpdateUserInput.safeParse({
        displayName: o.name,
        role: o.role,
        accessLevel: o.accessLevel,
      });
      if (!parsed.success) throw validationError(parsed.error);
      const row = await withDatabase(async (h) => {
        const id = await userIdOf(h, username);
        return h.db.transaction().execute((trx) => updateUser(trx, console_, id, parsed.data));
      });
      print(
        `${row.username}: ${row.display_name}, ${row.role}, access level ${accessLevelName(row.access_level)}`,
      );
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
          `${r.username.padEnd(24)} ${String(who).padEnd(12)} ${r.role.padEnd(20)} ${accessLevelName(r.access_level).padEnd(14)} ${r.disabled_at ? 'disabled' : 'active'}`,
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
        const id = await userIdOf(h, username);
        await h.db.transaction().execute((trx) => updateUser(trx, console_, id, parsed.data));
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
          const id = await userIdOf(h, username);
          await h.db.transaction().execute((trx) => setUserDisabled(trx, console_, id, disabled));
        });
        print(`${username} ${disabled ? 'disabled' : 'enabled'}`);
      });
  }
}
