import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_FILE, loadConfig } from './config.ts';
import { latestVersion } from './db/migrate.ts';
import { parseOrganisationFile } from './modules/directory/index.ts';
import { isLoopback, startServer } from './server.ts';

const embedded = () =>
  loadConfig({ PORT: '0', ACCORD_DATA_DIR: mkdtempSync(join(tmpdir(), 'accord-server-')) });
const config = embedded;

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['0.0.0.0', false],
    ['192.168.1.10', false],
    ['::', false],
    ['example.org', false],
  ])('%s -> %s', (host, expected) => {
    expect(isLoopback(host)).toBe(expected);
  });
});

// Each start on a new data directory migrates and loads every module's demo: on a loaded
// machine that takes more than the default 30 s.
describe('startServer on the embedded database', { timeout: 180_000 }, () => {
  it('migrates, loads the demo on first start, answers health, and keeps the data across restarts', async () => {
    const cfg = config();
    const server = await startServer(cfg, () => {});
    try {
      const health = await (await fetch(`${server.url}/api/health`)).json();
      expect(health).toMatchObject({ status: 'ok', database: 'pglite', schemaVersion: latestVersion() });
      const meta = await (await fetch(`${server.url}/api/meta`)).json();
      expect(meta.demo).toBe(true);
      expect(meta.organisation.shortName).toEqual({ en: 'CSTO', ru: 'ОДКБ' });
      const signIn = await fetch(`${server.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'by.head', password: 'accord-demo' }),
      });
      expect(signIn.status).toBe(200);
    } finally {
      await server.close();
    }
    const again = await startServer(cfg, () => {});
    try {
      const users = await again.handle.db.selectFrom('users').select('username').execute();
      // Every account of the demo file, once (not made again on the second start).
      expect(users).toHaveLength(parseOrganisationFile(readFileSync(DEMO_FILE, 'utf8')).users.length);
    } finally {
      await again.close();
    }
  });

  it('refuses to listen on a non-loopback address while demo accounts exist, saying why', async () => {
    const cfg = { ...config(), host: '0.0.0.0' };
    await expect(startServer(cfg, () => {})).rejects.toThrow(/demo accounts/);
  });

  it('refuses a second process on the same embedded data directory', async () => {
    const cfg = config();
    const server = await startServer(cfg, () => {});
    try {
      const { connect } = await import('./db/connect.ts');
      // Same process: allowed (the lock names our own PID); a foreign live PID is refused.
      const { writeFileSync } = await import('node:fs');
      writeFileSync(join(cfg.dataDir, 'accord.lock'), String(process.ppid));
      await expect(connect({ dataDir: cfg.dataDir })).rejects.toThrow(/in use by process/);
    } finally {
      await server.close();
    }
  });
});
