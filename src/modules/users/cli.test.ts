import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, runCli } from '../../testing/cli.ts';

// `accord user add|update --access-level`: a person's access level from the console, checked
// by the same schema as the API (naming accessLevel); the old option --clearance is refused
// with what to write instead.

const dir = mkdtempSync(join(tmpdir(), 'accord-user-cli-'));
const accord = (...args: string[]) =>
  runCli(args, { ACCORD_DATA_DIR: dir, ACCORD_PASSWORD: 'correct horse battery' });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('accord user --access-level', () => {
  it(
    'creates a person at an access level, changes it, lists it; refuses an unknown level and --clearance',
    async () => {
      const add = (name: string) =>
        ['user', 'add', name, '--name', 'Bob', '--affiliation', 'secretariat', '--role', 'delegate'] as const;
      const added = await accord(...add('bob'), '--access-level', 'confidential');
      expect(added.code, added.stderr).toBe(0);

      const listed = await accord('user', 'list', '--json');
      const bob = (JSON.parse(listed.stdout) as { username: string; accessLevel: number }[]).find(
        (u) => u.username === 'bob',
      );
      expect(bob).toMatchObject({ accessLevel: 2 });
      expect(listed.stdout).not.toMatch(/clearance/);

      expect(await accord('user', 'update', 'bob', '--access-level', 'secret')).toMatchObject({
        code: 0,
        stdout: 'bob: Bob, delegate, access level secret\n',
      });
      expect((await accord('user', 'list')).stdout).toMatch(
        /^bob\s+secretariat\s+delegate\s+secret\s+active$/m,
      );

      const unknown = await accord('user', 'update', 'bob', '--access-level', 'cosmic');
      expect(unknown.code).not.toBe(0);
      expect(unknown.stderr).toMatch(/accessLevel: must be one of public, restricted, confidential, secret/);

      const old = await accord(...add('carol'), '--clearance', 'secret');
      expect(old.code).not.toBe(0);
      expect(old.stderr).toMatch(/--clearance is now --access-level .*write --access-level secret/);
      expect(await accord('user', 'update', 'nobody', '--access-level', 'public')).toMatchObject({
        stderr: expect.stringMatching(/no account named nobody/),
      });
    },
    6 * CLI_TIMEOUT,
  );
});
