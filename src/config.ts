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
  /** Where people reach Accord: the links in e-mails start with it. */
  publicUrl: string;
  /**
   * The record's signing key (PEM, PKCS #8 Ed25519): a file outside the database, made on first
   * start. ACCORD_LOG_KEY_FILE, default `<data dir>/record-signing-key.pem`; ACCORD_LOG_KEY holds the
   * PEM itself instead (a secret store's environment), and wins.
   */
  logKeyFile: string;
  logKeyPem?: string;
  /** The log's name in its checkpoints (ACCORD_LOG_ORIGIN; default `<host of the public URL>/accord-record`). */
  logOrigin: string;
  /** Notifications by e-mail; null when no SMTP server is set (e-mail off). */
  mail: MailConfig | null;
  /**
   * Hosts a webhook may reach although they are not public (loopback, private networks), or
   * by plain http: ACCORD_WEBHOOK_ALLOW_HOSTS, comma-separated `host` or `host:port`
   * (`[::1]:8443` for IPv6). Every other webhook must resolve to public addresses only.
   */
  webhookAllowHosts: WebhookAllowedHost[];
}

/** A host the operator allows webhooks to reach; any port when `port` is null. */
export interface WebhookAllowedHost {
  host: string;
  port: number | null;
}

/** ACCORD_WEBHOOK_ALLOW_HOSTS: "gateway.internal,127.0.0.1:9000,[::1]:8443". */
function loadWebhookAllowHosts(value: string | undefined): WebhookAllowedHost[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean)
    .map((entry) => {
      const match = /^(?:\[([0-9a-f:.]+)\]|([^:[\]/\s]+))(?::(\d{1,5}))?$/.exec(entry);
      const port = match?.[3] === undefined ? null : Number(match[3]);
      if (!match || (port !== null && (port < 1 || port > 65_535)))
        throw new Error(
          `ACCORD_WEBHOOK_ALLOW_HOSTS: "${entry}" is not a host or host:port (IPv6 in brackets: [::1]:8443)`,
        );
      return { host: match[1] ?? match[2], port };
    });
}

export interface MailConfig {
  /** smtp://user:pass@host:port (STARTTLS when the server offers it) or smtps:// (TLS from the start). */
  smtpUrl: string;
  /** The sender: "Accord <accord@example.org>". */
  from: string;
  /**
   * The highest classification (0 public .. 3 secret) whose content an e-mail may carry; a
   * notification about a subject above it says only that something waits in Accord.
   */
  maxClassification: number;
}

const CLASSIFICATION_NAMES = ['public', 'restricted', 'confidential', 'secret'];

/** ACCORD_SMTP_URL, ACCORD_MAIL_FROM, ACCORD_MAIL_MAX_CLASSIFICATION: null when no SMTP URL is set. */
function loadMailConfig(env: NodeJS.ProcessEnv): MailConfig | null {
  const smtpUrl = env.ACCORD_SMTP_URL?.trim();
  if (!smtpUrl) return null;
  const level = (env.ACCORD_MAIL_MAX_CLASSIFICATION ?? 'public').trim().toLowerCase();
  const maxClassification = /^[0-3]$/.test(level) ? Number(level) : CLASSIFICATION_NAMES.indexOf(level);
  if (maxClassification < 0)
    throw new Error(
      `ACCORD_MAIL_MAX_CLASSIFICATION must be one of ${CLASSIFICATION_NAMES.join(', ')} or 0-3`,
    );
  const host = (() => {
    try {
      return new URL(smtpUrl).hostname || 'localhost';
    } catch {
      throw new Error('ACCORD_SMTP_URL must be a URL: smtp://user:password@host:587 or smtps://host:465');
    }
  })();
  return { smtpUrl, from: env.ACCORD_MAIL_FROM?.trim() || `Accord <accord@${host}>`, maxClassification };
}

/** Reads the configuration from the environment (PORT, HOST, ACCORD_DATA_DIR, DATABASE_URL, ACCORD_SMTP_URL...). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const publicUrl = (env.ACCORD_PUBLIC_URL?.trim() || 'http://127.0.0.1:8080').replace(/\/+$/, '');
  const dataDir = resolve(env.ACCORD_DATA_DIR ?? './data');
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '127.0.0.1',
    dataDir,
    databaseUrl: env.DATABASE_URL || undefined,
    // 8 MiB: a 5 MiB attachment grows by a third in base64.
    bodyLimit: Number(env.ACCORD_BODY_LIMIT ?? 8 * 1024 * 1024),
    sessionHours: Number(env.ACCORD_SESSION_HOURS ?? 12),
    checkpointSeconds: Number(env.ACCORD_CHECKPOINT_SECONDS ?? 60),
    publicUrl,
    logKeyFile: resolve(env.ACCORD_LOG_KEY_FILE ?? join(dataDir, 'record-signing-key.pem')),
    logKeyPem: env.ACCORD_LOG_KEY?.trim() || undefined,
    logOrigin: env.ACCORD_LOG_ORIGIN?.trim() || `${new URL(publicUrl).host}/accord-record`,
    mail: loadMailConfig(env),
    webhookAllowHosts: loadWebhookAllowHosts(env.ACCORD_WEBHOOK_ALLOW_HOSTS),
  };
}
