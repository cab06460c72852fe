import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, runCli } from '../../testing/cli.ts';

// `accord webhook …` acts in-process with the same commands and policy as the API;
// --as <username> acts as that person, without it the console acts as the system.

const dir = mkdtempSync(join(tmpdir(), 'accord-webhook-cli-'));
// The webhook's receiver is on the loopback: the operator allows it.
const env = { ACCORD_DATA_DIR: dir, ACCORD_WEBHOOK_ALLOW_HOSTS: '127.0.0.1:9' };
const accord = (...args: string[]) => runCli(args, env);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('accord webhook', () => {
  it(
    'adds a webhook as the head of delegation (secret printed once), lists, shows deliveries, refuses another state and removes it',
    async () => {
      expect((await accord('demo')).code).toBe(0);

      const added = await accord(
        'webhook',
        'add',
        'by',
        '--url',
        'http://127.0.0.1:9/hook',
        '--events',
        'leg_decided,leg_arrived',
        '--as',
        'by.head',
      );
      expect(added).toMatchObject({ code: 0, stderr: '' });
      const id = /^added ([0-9a-f-]{36}) {2}http:\/\/127\.0\.0\.1:9\/hook {2}leg_arrived,leg_decided$/m.exec(
        added.stdout,
      )?.[1];
      expect(id).toBeDefined();
      const secret = /^secret: (whsec_\S+)$/m.exec(added.stdout)?.[1];
      expect(secret).toBeDefined();

      const listed = await accord('webhook', 'list', 'BY', '--as', 'by.head', '--json');
      expect(listed.code).toBe(0);
      const items = JSON.parse(listed.stdout) as { id: string; events: string[]; active: boolean }[];
      expect(items).toMatchObject([{ id, events: ['leg_arrived', 'leg_decided'], active: true }]);
      expect(listed.stdout).not.toContain(secret!);

      // Another state's head may not see BY's webhooks at all.
      expect(await accord('webhook', 'list', 'BY', '--as', 'kg.head')).toMatchObject({
        code: 2,
        stderr: 'accord: webhook not found\n',
      });

      // Without --as the console acts as the system.
      expect(await accord('webhook', 'deliveries', 'BY', id!)).toMatchObject({
        code: 0,
        stdout: 'no deliveries\n',
      });

      expect(await accord('webhook', 'remove', 'BY', id!, '--as', 'by.head')).toMatchObject({
        code: 0,
        stdout: `removed ${id}\n`,
      });
    },
    CLI_TIMEOUT * 3,
  );
});
