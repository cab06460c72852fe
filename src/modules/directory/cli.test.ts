import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, runCli } from '../../testing/cli.ts';
import { TEST_ORGANISATION } from '../../testing/harness.ts';

// `accord load <file>` as an operator runs it: a value out of range is reported with the
// file, line and field, before the database is opened, never as a database CHECK failure.

const dir = mkdtempSync(join(tmpdir(), 'accord-load-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('accord load', () => {
  it(
    'an out-of-range clearance response window names the file, its line and the field',
    async () => {
      const file = join(dir, 'org.yaml');
      const text = `${TEST_ORGANISATION}clearances:
  responseWindows:
    default:
      emergency: { hours: 0.001, onSilence: consent }
      urgent: { hours: 24, onSilence: consent }
      routine: { hours: 72, onSilence: consent }
`;
      writeFileSync(file, text);
      const line = text.split('\n').findIndex((l) => l.includes('hours: 0.001')) + 1;
      const result = await runCli(['load', file], { ACCORD_DATA_DIR: join(dir, 'data') });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `accord: org.yaml:${line}: clearances.responseWindows.default.emergency.hours: use at most two decimals (0.01 h)\n`,
      );
      expect(result.stderr).not.toMatch(/check constraint|violates/);
    },
    CLI_TIMEOUT,
  );

  it(
    "a person's level under its old key clearance names the file, its line and accessLevel",
    async () => {
      const file = join(dir, 'old-key.yaml');
      const text = `${TEST_ORGANISATION}users:
  - username: old.style
    displayName: Old Style
    password: correct-horse-1
    affiliation: secretariat
    role: delegate
    clearance: restricted
`;
      writeFileSync(file, text);
      const line = text.split('\n').findIndex((l) => l.includes('clearance: restricted')) + 1;
      const result = await runCli(['load', file], { ACCORD_DATA_DIR: join(dir, 'data') });
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(
        `accord: old-key.yaml:${line}: users.0.clearance: a person's level is now called accessLevel: write accessLevel: restricted\n`,
      );
    },
    CLI_TIMEOUT,
  );
});
