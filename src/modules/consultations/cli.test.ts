import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, runCli } from '../../testing/cli.ts';

// `accord consultation …` acts in-process with the same commands and policy as the API, on
// the demo organisation and its consultation (Kyrgyzstan and Tajikistan on their border,
// facilitated by the secretariat); --as names the person acting.

const dir = mkdtempSync(join(tmpdir(), 'accord-consultation-cli-'));
const env = { ACCORD_DATA_DIR: dir };
const accord = (...args: string[]) => runCli(args, env);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('accord consultation', () => {
  it(
    'the demo consultation: its states read it, others find nothing; TJ agrees, the secretariat concludes and proposes',
    async () => {
      expect((await accord('demo')).code).toBe(0);

      const listed = await accord('consultation', 'list', '--as', 'kg.head');
      expect(listed.code).toBe(0);
      const reference = /^(CN-\d{4}-\d{4}) {2}open +KG,TJ {2}Kyrgyz/m.exec(listed.stdout)?.[1];
      expect(reference, listed.stdout).toBeDefined();
      expect(await accord('consultation', 'list', '--as', 'ru.head')).toMatchObject({
        code: 0,
        stdout: 'no consultations\n',
      });
      expect(await accord('consultation', 'show', reference!, '--as', 'am.head')).toMatchObject({
        code: 2,
        stderr: 'accord: consultation not found\n',
      });
      expect(await accord('consultation', 'show', reference!, '--as', 'un.observer')).toMatchObject({
        code: 2,
      });

      const shown = await accord('consultation', 'show', reference!, '--as', 'tj.focal');
      expect(shown.code).toBe(0);
      expect(shown.stdout).toContain('states:      KG, TJ');
      expect(shown.stdout).toMatch(/1\. \[x\] Facts of the incidents/);
      expect(shown.stdout).toMatch(/1\. AGREED {2}Both sides withdraw/);
      expect(shown.stdout).toMatch(/2\. awaiting TJ {2}A joint team/);

      expect(
        await accord('consultation', 'message', reference!, 'We accept the joint team.', '--as', 'tj.head'),
      ).toMatchObject({
        code: 0,
        stdout: 'written\n',
      });
      expect(await accord('consultation', 'agree', reference!, '2', '--as', 'tj.head')).toMatchObject({
        code: 0,
        stdout: `point 2 of ${reference}: agreed by every state\n`,
      });
      const again = await accord('consultation', 'agree', reference!, '2', '--as', 'tj.focal');
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('TJ has already agreed');
      expect(
        (await accord('consultation', 'conclude', reference!, '--outcome', 'Done', '--as', 'kg.head')).code,
      ).toBe(2);
      expect(
        await accord(
          'consultation',
          'conclude',
          reference!,
          '--outcome',
          'Both sides step back.',
          '--as',
          'secretariat.monitor',
        ),
      ).toMatchObject({ code: 0, stdout: `concluded ${reference}\n` });
      const proposed = await accord(
        'consultation',
        'propose',
        reference!,
        '--body',
        'council-of-foreign-ministers',
        '--as',
        'secretariat.admin',
      );
      expect(proposed.code, proposed.stderr).toBe(0);
      expect(proposed.stdout).toMatch(new RegExp(`^proposal [0-9a-f-]{36} made from ${reference}\\n$`));

      const bad = await accord(
        'consultation',
        'open',
        '--title',
        'Alone',
        '--states',
        'KZ',
        '--facilitator',
        'secretariat.monitor',
        '--as',
        'by.head',
      );
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/participants: name at least 2 member states/);
      const opened = await accord(
        'consultation',
        'open',
        '--title',
        'Transit talks',
        '--states',
        'KZ,RU',
        '--facilitator',
        'by.head',
        '--agenda',
        'Routes',
        '--agenda',
        'Schedules',
        '--as',
        'by.head',
      );
      expect(opened.code, opened.stderr).toBe(0);
      expect(opened.stdout).toMatch(/^opened CN-\d{4}-0002 {2}[0-9a-f-]{36}\n$/);
      expect((await accord('consultation', 'list', '--as', 'kg.head')).stdout).not.toContain('Transit talks');
    },
    CLI_TIMEOUT * 3,
  );
});
