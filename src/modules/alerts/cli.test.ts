import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, runCli } from '../../testing/cli.ts';

// `accord alert …` and `accord indicator …` act in-process with the same commands and policy
// as the API, on the demo (whose early-warning demo leaves regions above normal with open
// alerts); --as <username> acts as that person, without it the console acts as the system.

const dir = mkdtempSync(join(tmpdir(), 'accord-alert-cli-'));
const env = { ACCORD_DATA_DIR: dir };
const accord = (...args: string[]) => runCli(args, env);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();

describe('accord alert and accord indicator', () => {
  it(
    'the demo leaves open alerts; list, show, ack, escalate, close; values, set; import whole or nothing',
    async () => {
      const demo = await accord('demo');
      expect(demo.code, demo.stderr).toBe(0);
      expect(demo.stdout).toMatch(/demo early warning loaded: 6 weeks of 3 indicators, \d+ open alerts/);

      const listed = await accord('alert', 'list', '--status', 'open', '--json');
      expect(listed.code, listed.stderr).toBe(0);
      const open = JSON.parse(listed.stdout) as { reference: string; region: string; level: number }[];
      // Bread crossed two thresholds on the Tajik–Afghan border: an alert at each level reached;
      // hostile media one on Belarus's western border. (The demo's verified reports may have
      // raised the indicators computed from them too.)
      expect(open.map((a) => [a.region, a.level])).toEqual(
        expect.arrayContaining([
          ['by-west', 2],
          ['tj-af-border', 2],
          ['tj-af-border', 3],
        ]),
      );
      const ref = open.find((a) => a.region === 'by-west')!.reference;

      // BY's head sees the by-west alert, not the Tajik one; text output names age and response.
      const byList = await accord('alert', 'list', '--as', 'by.head');
      expect(byList.stdout).toContain(ref);
      expect(byList.stdout).toMatch(/first response none \(waiting \d+d\d+h\)/);
      expect(byList.stdout).not.toContain('tj-af-border');

      expect(await accord('alert', 'ack', ref, '--as', 'by.head')).toMatchObject({
        code: 0,
        stdout: `${ref} acknowledged\n`,
      });
      expect(await accord('alert', 'ack', ref, '--as', 'by.head')).toMatchObject({
        code: 2,
        stderr: 'accord: status: the alert is already acknowledged\n',
      });
      expect(await accord('alert', 'escalate', ref, '--note', 'Council to hear it')).toMatchObject({
        code: 0,
      });
      const noReason = await accord('alert', 'close', ref);
      expect(noReason.code).not.toBe(0);
      expect(noReason.stderr).toContain('--reason');
      expect(await accord('alert', 'close', ref, '--reason', 'Campaign over')).toMatchObject({
        code: 0,
        stdout: `${ref} closed\n`,
      });
      const shown = await accord('alert', 'show', ref);
      expect(shown.stdout).toMatch(
        /opened[\s\S]*acknowledged[\s\S]*escalated +accord cli +Council to hear it[\s\S]*closed +accord cli +Campaign over/,
      );

      const raised = await accord(
        'alert',
        'raise',
        '--region',
        'am-south',
        '--level',
        '3',
        '--title',
        'Shelling reported',
        '--as',
        'am.head',
      );
      expect(raised.code, raised.stderr).toBe(0);
      expect(raised.stdout).toMatch(/^raised AL-\d{4}-\d{4} {2}[0-9a-f-]{36}\n$/);
      expect(
        await accord(
          'alert',
          'raise',
          '--region',
          'am-south',
          '--level',
          '3',
          '--title',
          'x',
          '--as',
          'by.head',
        ),
      ).toMatchObject({
        code: 2,
        stderr: 'accord: region not found\n',
      });

      const values = await accord('indicator', 'values', 'tj-af-bread-price');
      expect(values.code).toBe(0);
      expect(values.stdout.split('\n')[0]).toBe(
        'tj-af-bread-price (somoni per kg) thresholds L2@6 L3@8 L4@10',
      );
      expect(values.stdout).toMatch(/ 8\.4 {2}L3 {2}entered/);

      const set = await accord('indicator', 'set', 'kg-tj-displaced', '20000');
      expect(set).toMatchObject({ code: 0 });
      expect(set.stdout).toMatch(
        /^kg-tj-displaced: entered; kg-tj-border level rose \d -> [45], alert AL-\d{4}-\d{4} opened\n$/,
      );

      const bad = join(dir, 'bad.csv');
      writeFileSync(
        bad,
        `indicator,at,value\nkg-tj-displaced,${day(2)},10\nkg-tj-displaced,${day(3)},ten\nnowhere,${day(3)},1\n`,
      );
      const refused = await accord('indicator', 'import', bad);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toBe(
        'accord: line 4: indicator: is not an indicator of the organisation file\naccord: line 3: value: not a number (2 bad lines: nothing imported)\n',
      );
      const after = await accord('indicator', 'values', 'kg-tj-displaced', '--json');
      expect((JSON.parse(after.stdout) as { values: unknown[] }).values).toHaveLength(7);

      const good = join(dir, 'good.csv');
      writeFileSync(
        good,
        `indicator,at,value\nkg-tj-displaced,${day(2)},10\nby-west-hostile-media,${new Date(Date.now() - 60_000).toISOString()},20\n`,
      );
      const imported = await accord('indicator', 'import', good, '--as', 'by.head');
      expect(imported).toMatchObject({
        code: 2,
        stderr:
          'accord: line 2: indicator: is not an indicator of the organisation file (nothing imported)\n',
      });
      const done = await accord('indicator', 'import', good);
      expect(done.code, done.stderr).toBe(0);
      expect(done.stdout).toContain(
        'imported 2 values (0 replaced) of by-west-hostile-media, kg-tj-displaced',
      );
      expect(done.stdout).toContain('by-west: level fell 2 -> 1');
    },
    CLI_TIMEOUT * 6,
  );
});
