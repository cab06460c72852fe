import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT_DIR } from '../../config.ts';
import { TEST_ORGANISATION } from '../../testing/harness.ts';

describe('accord backup and accord restore', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'accord-backup-cli-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs the CLI as a child process on its own PGlite data directory. */
  const accord = (dataDir: string, ...args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [join(ROOT_DIR, 'bin', 'accord.js'), ...args], {
        cwd: dir,
        env: { ...process.env, ACCORD_DATA_DIR: join(dir, dataDir), DATABASE_URL: '' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => {
        stdout += d;
      });
      child.stderr.on('data', (d) => {
        stderr += d;
      });
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });

  it('backs up one data directory and restores it into another whose record verifies', {
    timeout: 120_000,
  }, async () => {
    writeFileSync(join(dir, 'organisation.yaml'), TEST_ORGANISATION);
    expect((await accord('one', 'load', 'organisation.yaml')).code).toBe(0);

    const backup = await accord('one', 'backup', 'copy.jsonl.gz');
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^backed up \d+ rows from \d+ tables to copy\.jsonl\.gz/);

    const restore = await accord('two', 'restore', 'copy.jsonl.gz');
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/^restored \d+ rows into \d+ tables .*record verified: 2 entries, head 2/);

    const verify = await accord('two', 'ledger', 'verify');
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^OK: database: 2 entries verified/);

    const again = await accord('two', 'restore', 'copy.jsonl.gz');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/^accord: the database is not empty .*\n$/);

    const missing = await accord('three', 'restore', 'missing.jsonl');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('accord: missing.jsonl: no such file\n');

    writeFileSync(join(dir, 'notes.txt'), 'not a backup\n');
    const notBackup = await accord('three', 'restore', 'notes.txt');
    expect(notBackup.code).toBe(2);
    expect(notBackup.stderr).toBe('accord: line 1: not an Accord backup (the first line is not JSON)\n');
  });
});
