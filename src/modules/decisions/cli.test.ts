import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, runCli } from '../../testing/cli.ts';

// `accord proposal …` acts in-process with the same commands and policy as the API;
// --as <username> acts as that person.

const dir = mkdtempSync(join(tmpdir(), 'accord-proposal-cli-'));
const env = { ACCORD_DATA_DIR: dir };
const accord = (...args: string[]) => runCli(args, env);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface ListItem {
  id: string;
  status: string;
  openProcedure: { id: string } | null;
  decision: { label: string } | null;
}

describe('accord proposal', () => {
  it(
    'lists the demo, breaks silence as a head of delegation, and refuses what the policy refuses',
    async () => {
      expect((await accord('demo')).stdout).toMatch(/demo decisions loaded/);
      const listed = await accord('proposal', 'list', '--as', 'am.head', '--json');
      expect(listed.code).toBe(0);
      const items = JSON.parse(listed.stdout) as ListItem[];
      expect(items.map((i) => i.status).sort()).toEqual(['adopted', 'not_adopted', 'open']);
      expect(items.find((i) => i.status === 'adopted')?.decision?.label).toMatch(/^No\. 1, \d{4}$/);
      const procedure = items.find((i) => i.status === 'open')!.openProcedure!.id;

      const unknown = await accord(
        'proposal',
        'break-silence',
        procedure,
        '--as',
        'am.head',
        '--points',
        '2,9',
        '--text',
        'No',
      );
      expect(unknown).toMatchObject({
        code: 2,
        stderr: 'accord: points.1: is unknown: no point 9 in this procedure (points: 1, 2, 3)\n',
      });

      const broke = await accord(
        'proposal',
        'break-silence',
        procedure,
        '--as',
        'am.head',
        '--points',
        '2',
        '--text',
        'No',
      );
      expect(broke.code).toBe(0);
      expect(broke.stdout).toMatch(/AM {2}1:- {2}2:object {2}3:-/);

      const observer = await accord(
        'proposal',
        'stance',
        procedure,
        '--as',
        'un.observer',
        '--kind',
        'agree',
      );
      expect(observer).toMatchObject({ code: 2, stderr: 'accord: procedure not found\n' });
      const other = await accord(
        'proposal',
        'stance',
        procedure,
        '--as',
        'kg.head',
        '--state',
        'TJ',
        '--kind',
        'agree',
      );
      expect(other).toMatchObject({ code: 2, stderr: 'accord: state: you answer for KG, not for TJ\n' });
    },
    CLI_TIMEOUT * 3,
  );
});
