#!/usr/bin/env node
// Runs the browser tests (e2e/) in real Chromium. Without Chromium they are skipped,
// unless ACCORD_BROWSER_TESTS=1 says they are required (as in CI).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const required = process.env.ACCORD_BROWSER_TESTS === '1';

if (!existsSync(chromium)) {
  if (required) {
    console.error(
      `browser tests: Chromium not found at ${chromium}, but ACCORD_BROWSER_TESTS=1 requires them`,
    );
    process.exit(1);
  }
  console.log('browser tests: Chromium not found, set ACCORD_BROWSER_TESTS=1 to require them (CI does)');
  process.exit(0);
}

const vitest = join(root, 'node_modules', '.bin', 'vitest');
const child = spawn(vitest, ['run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
child.on('error', (error) => {
  console.error(`browser tests: could not start vitest: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
