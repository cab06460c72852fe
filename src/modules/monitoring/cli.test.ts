import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, runCli } from '../../testing/cli.ts';
import { reportBody } from './factories.ts';

// `accord report …` acts in-process with the same commands and policy as the API, on the
// demo organisation (its ACLED categories and regions); --as names the person acting.

const dir = mkdtempSync(join(tmpdir(), 'accord-report-cli-'));
const env = { ACCORD_DATA_DIR: dir };
const accord = (...args: string[]) => runCli(args, env);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bodyFile = (name: string, overrides: Record<string, unknown>) => {
  const path = join(dir, name);
  writeFileSync(
    path,
    JSON.stringify(
      reportBody({
        category: 'armed-clash',
        point: { latitude: 39.9, longitude: 70.6 },
        place: null,
        ...overrides,
      }),
    ),
  );
  return path;
};

describe('accord report', () => {
  it(
    'a focal point files and submits, the monitor reviews, verifies and publishes; bad input names the field; the queue shows the wait',
    async () => {
      expect((await accord('demo')).code).toBe(0);

      const filed = await accord(
        'report',
        'file',
        bodyFile('r.json', { title: 'Shots at the canal' }),
        '--submit',
        '--as',
        'tj.focal',
      );
      expect(filed).toMatchObject({ code: 0, stderr: '' });
      const reference = /^filed (R-\d{4}-\d{5}) \(submitted\)/m.exec(filed.stdout)?.[1];
      expect(reference).toBeDefined();

      const queue = await accord('report', 'queue', '--as', 'secretariat.monitor');
      expect(queue.code).toBe(0);
      expect(queue.stdout).toMatch(/^\d+ submitted, \d+ under review$/m);
      expect(queue.stdout).toMatch(
        new RegExp(`min {2}${reference} {2}submitted .* Shots at the canal$`, 'm'),
      );

      // Four eyes: the author does not verify; another state does not even see it.
      expect(await accord('report', 'verify', reference!, '--as', 'tj.focal')).toMatchObject({ code: 2 });
      expect(await accord('report', 'show', reference!, '--as', 'am.head')).toMatchObject({
        code: 2,
        stderr: 'accord: report not found\n',
      });
      for (const step of ['review', 'verify'])
        expect((await accord('report', step, reference!, '--as', 'secretariat.monitor')).code).toBe(0);
      expect(await accord('report', 'publish', reference!, '--as', 'secretariat.monitor')).toMatchObject({
        code: 0,
        stdout: `${reference} published to members\n`,
      });

      const shown = await accord('report', 'show', reference!, '--as', 'am.head');
      expect(shown.code).toBe(0);
      expect(shown.stdout).toContain(`${reference}  Shots at the canal  (version 1, published to members)`);
      expect(shown.stdout).toMatch(/where: {2}39\.9, 70\.6 \(exact\); kg-tj-border; TJ/);
      const listed = await accord('report', 'list', '--region', 'kg-tj-border', '--json', '--as', 'am.head');
      expect((JSON.parse(listed.stdout) as { reference: string }[]).map((r) => r.reference)).toContain(
        reference,
      );

      const bad = await accord(
        'report',
        'file',
        bodyFile('bad.json', { point: { latitude: 95, longitude: 70 } }),
        '--as',
        'tj.focal',
      );
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/point\.latitude: must be between -90 and 90/);
      const future = await accord(
        'report',
        'file',
        bodyFile('future.json', { occurredAt: new Date(Date.now() + 86_400_000).toISOString() }),
        '--as',
        'tj.focal',
      );
      expect(future.code).toBe(2);
      expect(future.stderr).toMatch(/occurredAt: is in the future/);
      expect((await accord('report', 'file', bodyFile('c.json', {}))).stderr).toMatch(/--as/);

      // The demo's observation mission: listed for a member state; yesterday's day approved by its head.
      const missions = await accord('mission', 'list', '--as', 'am.head');
      const mission = /^(OM-\d{4}-\d{2}) {2}/m.exec(missions.stdout)?.[1];
      expect(mission, missions.stdout).toBeDefined();
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      const day = await accord('mission', 'daily', mission!, '--day', yesterday, '--as', 'am.head');
      expect(day.stdout).toMatch(
        new RegExp(`^${yesterday} \\(Europe/Moscow\\): approved by secretariat.monitor$`, 'm'),
      );
      const notHead = await accord(
        'mission',
        'approve',
        mission!,
        '--day',
        yesterday,
        '--summary',
        'x',
        '--as',
        'tj.focal',
      );
      expect(notHead).toMatchObject({
        code: 2,
        stderr: 'accord: you may not approve the daily report of this mission\n',
      });

      // A CSV import: all or nothing, each bad line named.
      const csv = join(dir, 'reports.csv');
      const header = 'title,category,occurred_at,latitude,longitude,fatalities';
      writeFileSync(
        csv,
        `${header}\nA,border-incident,2026-11-20,39.9,70.6,0\nB,border-incident,2026-11-21,99,70.6,x\nC,riots-and-more,2026-11-21,39.9,70.6,0\n`,
      );
      const refused = await accord('report', 'import', csv, '--as', 'kg.focal');
      expect(refused.code).toBe(2);
      expect(refused.stderr).toBe(
        'accord: 2 bad lines, nothing imported\n  line 3: fatalities: is not a number\n  line 4: category: is not a category of the organisation file\n',
      );
      writeFileSync(
        csv,
        `${header}\nA,border-incident,2026-11-20,39.9,70.6,0\nB,border-incident,2026-11-21,39.8,70.5,2\n`,
      );
      const imported = await accord('report', 'import', csv, '--as', 'kg.focal');
      expect(imported).toMatchObject({ code: 0, stderr: '' });
      expect(imported.stdout).toMatch(/^imported 2 reports \(submitted\): R-\d{4}-\d{5} to R-\d{4}-\d{5}\n$/);
    },
    CLI_TIMEOUT * 8,
  );
});
