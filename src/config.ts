import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const APP_VERSION: string = JSON.parse(readFileSync(join(ROOT_DIR, 'package.json'), 'utf8')).version;
export const DEMO_FILE = join(ROOT_DIR, 'demo', 'organisation.yaml');
export const WEB_DIST = join(ROOT_DIR, 'web', 'dist');

export interface Config {
  port: number;
  host: string;
  /** PGlite's data directory when no DATABASE_URL is set. */
  dataDir: string;
  databaseUrl?: string;
  /** Largest JSON body accepted, in bytes. */
  bodyLimit: number;
  /** Session lifetime in hours. */
  sessionHours: number;
  /** Seconds between signed checkpoints of the record while the server runs. */
  checkpointSeconds: number;
}

/** Reads the configuration from the environment (PORT, HOST, ACCORD_DATA_DIR, DATABASE_URL). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.ACCORD_DATA_DIR ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    // 8 MiB: a 5 MiB attachment grows by a third in base64.
    bodyLimit: Number(env.ACCORD_BODY_LIMIT ?? 8 * 1024 * 1024),
    sessionHours: Number(env.ACCORD_SESSION_HOURS ?? 12),
    checkpointSeconds: Number(env.ACCORD_CHECKPOINT_SECONDS ?? 60),
  };
}
