import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, runCli } from '../../testing/cli.ts';

// `accord clearance …` acts in-process with the same commands and policy as the API;
// --as <username> acts as that person.

const dir = mkdtempSync(join(tmpdir(), 'accord-clearance-cli-'));
const env = { ACCORD_DATA_DIR: dir };
const accord = (...args: string[]) => runCli(args, env);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Item {
  reference: string;
  status: string;
  legs: { state: string; status: string }[];
}

describe('accord clearance', () => {
  it(
    'decides the demo request leg by leg, exports it and verifies its certificate',
    async () => {
      expect((await accord('demo')).code).toBe(0);
      const listed = await accord('clearance', 'list', '--as', 'by.head', '--status', 'pending', '--json');
      expect(listed.code).toBe(0);
      const pending = (JSON.parse(listed.stdout) as Item[])[0];
      expect(pending.legs.map((l) => l.state)).toEqual(['BY', 'RU', 'KZ']);
      const ref = pending.reference;

      // A state on the route cannot decide another state's leg.
      const refused = await accord(
        'clearance',
        'decide',
        ref,
        '--state',
        'KZ',
        '--approve',
        '--as',
        'ru.head',
      );
      expect(refused.code).not.toBe(0);
      expect(refused.stderr).toMatch(/KZ|forbidden|may not/i);

      for (const [state, user] of [
        ['RU', 'ru.head'],
        ['KZ', 'kz.head'],
        ['BY', 'by.head'],
      ]) {
        const legs = JSON.parse(
          (await accord('clearance', 'show', ref, '--as', user, '--json')).stdout,
        ) as Item;
        if (legs.legs.find((l) => l.state === state)?.status !== 'pending') continue;
        const args =
          state === 'KZ'
            ? ['--condition', 'escort:Police escort from Troitsk', '--number', 'KZ-CLI-1']
            : ['--approve'];
        const decided = await accord('clearance', 'decide', ref, '--state', state, ...args, '--as', user);
        expect(decided.code, decided.stderr).toBe(0);
      }
      const accepted = await accord('clearance', 'accept', ref, '--as', 'by.head');
      expect(accepted.code, accepted.stderr).toBe(0);
      expect(accepted.stdout).toMatch(new RegExp(`^${ref}\\s+cleared`));
      expect(accepted.stdout).toMatch(
        /KZ\s+approved\s+KZ-CLI-1 \(state\).*conditions: escort: Police escort/,
      );

      const csv = await accord('clearance', 'export', ref, '--format', 'csv', '--as', 'by.head');
      expect(csv.stdout.split('\r\n')[0]).toMatch(/^reference,version,title/);
      expect(csv.stdout).toContain('KZ-CLI-1');

      const exported = JSON.parse((await accord('clearance', 'export', ref, '--as', 'by.head')).stdout) as {
        certificate: { code: string };
      };
      const verified = await accord('clearance', 'verify', exported.certificate.code);
      expect(verified.code).toBe(0);
      expect(verified.stdout).toMatch(new RegExp(`^verified: ${ref} version 1, valid`));
      // An amendment that re-opens legs: the certificate is at once not valid (exit 1).
      const shown = JSON.parse(
        (await accord('clearance', 'show', ref, '--as', 'by.head', '--json')).stdout,
      ) as {
        content: Record<string, unknown> & { personnel: number };
      };
      const amendment = join(dir, 'amendment.json');
      writeFileSync(amendment, JSON.stringify({ ...shown.content, personnel: shown.content.personnel + 1 }));
      const amended = await accord('clearance', 'amend', ref, '--file', amendment, '--as', 'by.head');
      expect(amended.code, amended.stderr).toBe(0);
      const stale = await accord('clearance', 'verify', exported.certificate.code);
      expect(stale.code).toBe(1);
      expect(stale.stdout).toMatch(/UNDER AMENDMENT/);
      const unknown = await accord('clearance', 'verify', 'ABCD-EFGH-JKLM-NPQR');
      expect(unknown.code).not.toBe(0);
      expect(unknown.stderr).toMatch(/no certificate has the code/);
    },
    CLI_TIMEOUT * 4,
  );
});
