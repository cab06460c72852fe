import type { Command } from 'commander';
import { CliError, print, withDatabase } from '../../cli/support.ts';
import { personFromRow, systemActor } from '../../core/actor.ts';
import { createToken, revokeToken } from './commands.ts';

const console_ = systemActor('accord cli');

/** `accord token create|revoke|list`: API tokens from the console. */
export function registerTokenCommands(program: Command) {
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
