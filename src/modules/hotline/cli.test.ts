import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, runCli } from '../../testing/cli.ts';

// `accord hotline …` acts in-process with the same commands and policy as the API; --as
// <username> acts as that person. The demo's KG-TJ hotline has kg.focal and tj.focal as duty
// contacts, and Kyrgyzstan's last message waits for Tajikistan's acknowledgement.

const dir = mkdtempSync(join(tmpdir(), 'accord-hotline-cli-'));
const accord = (...args: string[]) => runCli(args, { ACCORD_DATA_DIR: dir });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('accord hotline', () => {
  it(
    'lists, shows, acknowledges once (the other side only) and sends, as the duty contacts',
    async () => {
      expect((await accord('demo')).code).toBe(0);

      const listed = await accord('hotline', 'list', '--as', 'tj.focal', '--json');
      expect(listed.code).toBe(0);
      const items = JSON.parse(listed.stdout) as {
        hotline: { code: string };
        waiting: { count: number; forMySide: number };
      }[];
      expect(items.map((i) => i.hotline.code)).toEqual(['KG-TJ']);
      expect(items[0].waiting).toMatchObject({ count: 1, forMySide: 1 });
      const line = await accord('hotline', 'list', '--as', 'kg.focal');
      expect(line.stdout).toMatch(
        /^KG-TJ {2}KG-TJ {2}15 min {2}active {2}unacknowledged 1 \(oldest \S+, 0 escalated, 0 for my side\)$/m,
      );
      // Another state's head sees only its own hotline; an observer none.
      expect((await accord('hotline', 'list', '--as', 'am.head')).stdout).toMatch(/^AM-BY /);
      expect(await accord('hotline', 'list', '--as', 'un.observer')).toMatchObject({
        code: 0,
        stdout: 'no hotlines\n',
      });

      const shown = await accord('hotline', 'show', 'kg-tj', '--waiting', '--as', 'tj.focal', '--json');
      expect(shown.code).toBe(0);
      const { messages } = JSON.parse(shown.stdout) as { messages: { id: string; fromState: string }[] };
      expect(messages.map((m) => m.fromState)).toEqual(['KG']);
      const id = messages[0].id;
      // Outsiders are told nothing exists.
      expect(await accord('hotline', 'show', 'KG-TJ', '--as', 'by.delegate')).toMatchObject({
        code: 2,
        stderr: 'accord: hotline not found\n',
      });

      // The sending side may not acknowledge its own message; the other side once.
      const own = await accord('hotline', 'ack', 'KG-TJ', id, '--as', 'kg.focal');
      expect(own.code).toBe(2);
      expect(own.stderr).toContain('may not acknowledge');
      const acked = await accord('hotline', 'ack', 'KG-TJ', id, '--as', 'tj.focal');
      expect(acked).toMatchObject({ code: 0, stderr: '' });
      expect(acked.stdout).toMatch(new RegExp(`^acknowledged ${id} at \\S+Z`));
      const twice = await accord('hotline', 'ack', 'KG-TJ', id, '--as', 'tj.head');
      expect(twice.code).toBe(2);
      expect(twice.stderr).toContain('already acknowledged by tj.focal');

      const sent = await accord(
        'hotline',
        'send',
        'KG-TJ',
        'Posts informed; no objection.',
        '--urgent',
        '--as',
        'tj.focal',
      );
      expect(sent).toMatchObject({ code: 0, stderr: '' });
      expect(sent.stdout).toMatch(/^sent [0-9a-f-]{36} {2}TJ->KG {2}acknowledge by \S+Z$/m);
      const bad = await accord(
        'hotline',
        'send',
        'KG-TJ',
        'x',
        '--classification',
        'public',
        '--as',
        'tj.focal',
      );
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('classification');
      const after = await accord('hotline', 'show', 'KG-TJ', '--as', 'kg.focal');
      expect(after.stdout).toContain('TJ->KG  urgent  waiting');
      expect(after.stdout).toContain(`KG->TJ  routine  acknowledged by tj.focal`);
    },
    CLI_TIMEOUT * 3,
  );
});
