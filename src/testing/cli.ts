import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { ROOT_DIR } from '../config.ts';

/** Long enough for a cold `accord` start (tsx, then PGlite) on a busy machine. */
export const CLI_TIMEOUT = 90_000;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `accord` (bin/accord.js) as a child process, as an operator would. DATABASE_URL is
 * cleared so the embedded database in ACCORD_DATA_DIR is used unless `env` says otherwise.
 */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(ROOT_DIR, 'bin', 'accord.js'), ...args],
      { cwd: ROOT_DIR, env: { ...process.env, DATABASE_URL: '', ...env }, timeout: CLI_TIMEOUT },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? -1) : 0, stdout, stderr }),
    );
  });
}
